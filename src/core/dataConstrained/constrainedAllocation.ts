import { computeOptimalAllocation, minimizeLossAtCompute, type Allocation } from '../allocation';
import { tokensForCompute } from '../compute';
import type { ScalingLaw } from '../laws/scalingLaw';
import { requirePositive } from '../quantities';
import { dataConstrainedLoss, estimateRepetition, type RepetitionEstimate } from './repetitionLoss';
import { MUENNIGHOFF_2023_DECAY, type RepetitionDecay } from './repetitionDecay';

/** The best use of a compute budget when unique data is capped, against the unconstrained optimum. */
export interface ConstrainedAllocation {
  readonly compute: number;
  readonly uniqueTokens: number;
  /** The N (and D = C/(6N)) with the lowest loss once repeats are counted. */
  readonly best: RepetitionEstimate;
  /** The law's compute-optimal model when every token is fresh. */
  readonly unconstrained: Allocation;
  /** That same model trained on the capped data instead: what ignoring the cap costs. */
  readonly unconstrainedRepeated: RepetitionEstimate;
  /** True when the unconstrained optimum needs more tokens than there are unique ones. */
  readonly capBinds: boolean;
  readonly method: string;
}

/** How the constrained optimum is found, for the output. */
const CONSTRAINED_OPTIMUM_METHOD = 'numerical minimum over N of L(N′, D′) with D = C/(6N) (Muennighoff et al. 2023, Sec. 3)';

/**
 * The best allocation of `compute` FLOP with at most `uniqueTokens` unique tokens: the N minimising
 * the data-constrained loss L(N′, D′) with D = C/(6N), by golden-section search on log N
 * ({@link minimizeLossAtCompute}); there is no closed form (Muennighoff et al. 2023 grid-search it).
 * With the cap far above the compute-optimal D it agrees with the law's own optimum.
 *
 * @example constrainedAllocation(findPresetLaw('muennighoff2023')!, 1e24, 500e9).best.epochs
 */
export function constrainedAllocation(
  law: ScalingLaw,
  compute: number,
  uniqueTokens: number,
  decay: RepetitionDecay = MUENNIGHOFF_2023_DECAY,
): ConstrainedAllocation {
  requirePositive(compute, 'compute');
  requirePositive(uniqueTokens, 'unique tokens');
  const repeating: ScalingLaw = {
    id: `${law.id}-unique`,
    name: `${law.name} with capped unique data`,
    citation: law.citation,
    constants: law.constants,
    irreducibleLoss: law.irreducibleLoss,
    loss: (params, tokens) => dataConstrainedLoss(law, { params, tokens, uniqueTokens }, decay),
  };
  const params = minimizeLossAtCompute(repeating, compute);
  const unconstrained = computeOptimalAllocation(law, compute);
  return {
    compute,
    uniqueTokens,
    best: estimateRepetition(law, { params, tokens: tokensForCompute(params, compute), uniqueTokens }, decay),
    unconstrained,
    unconstrainedRepeated: estimateRepetition(law, { params: unconstrained.params, tokens: unconstrained.tokens, uniqueTokens }, decay),
    capBinds: unconstrained.tokens > uniqueTokens,
    method: CONSTRAINED_OPTIMUM_METHOD,
  };
}
