import { ChinchillaLaw } from '../laws/chinchillaLaw';
import type { ChinchillaConstants, ScalingLaw } from '../laws/scalingLaw';
import { QuantityError, requirePositive } from '../quantities';
import { formatCount } from '../numberFormat';

/**
 * A target loss under a Chinchilla-form law L(N, D) = E + A/N^α + B/D^β (Hoffmann et al. 2022,
 * Eq. 2): the law's constants and the reducible part L − E that the parameter term A/N^α and the
 * data term B/D^β share between them.
 */
export interface LossTarget {
  readonly constants: ChinchillaConstants;
  readonly loss: number;
  /** L − E > 0. */
  readonly reducibleLoss: number;
}

/**
 * The constants of a Chinchilla-form law; any other law (Kaplan et al. 2020's) is an error saying
 * why it cannot answer: its loss gives no closed-form training tokens for a target loss.
 *
 * @example chinchillaConstantsOf(findPresetLaw('chinchilla')!).alpha // 0.34
 */
export function chinchillaConstantsOf(law: ScalingLaw): ChinchillaConstants {
  if (!(law instanceof ChinchillaLaw)) {
    throw new QuantityError(
      `${law.name} is not of the Chinchilla form E + A/N^α + B/D^β, so it gives no training tokens for a target loss: use a Chinchilla-form law such as besiroglu2024 (epoch)`,
    );
  }
  return law.fit;
}

/**
 * Checks that `law` has the Chinchilla form (only then is D a closed-form function of N and L) and
 * that `targetLoss` lies above its irreducible loss E.
 *
 * @example lossTarget(findPresetLaw('chinchilla')!, 2).reducibleLoss // 2 − 1.69 = 0.31
 */
export function lossTarget(law: ScalingLaw, targetLoss: number): LossTarget {
  const constants = chinchillaConstantsOf(law);
  requirePositive(targetLoss, 'target loss');
  if (targetLoss <= constants.E) {
    throw new QuantityError(
      `target loss ${targetLoss} is not reachable: ${law.name} never goes below its irreducible loss E = ${constants.E.toFixed(4)}`,
    );
  }
  return { constants, loss: targetLoss, reducibleLoss: targetLoss - constants.E };
}

/**
 * The smallest model that can reach the target at all, with unlimited data: A/N^α = L − E, so
 * N_min = (A/(L − E))^(1/α). Every larger model reaches it with finitely many tokens.
 *
 * @example smallestParamsForLoss(lossTarget(findPresetLaw('chinchilla')!, 2)) // (406.4/0.31)^(1/0.34) ≈ 1.48e9
 */
export function smallestParamsForLoss(target: LossTarget): number {
  const { A, alpha } = target.constants;
  return (A / target.reducibleLoss) ** (1 / alpha);
}

/**
 * What a model of `params` parameters leaves to the data term: B/D^β = L − E − A/N^α. Zero or
 * less means the model cannot reach the target with any amount of data.
 *
 * @example dataTermLeft(lossTarget(findPresetLaw('chinchilla')!, 2), 10e9) // 0.31 − 406.4/1e10^0.34 ≈ 0.1482
 */
export function dataTermLeft(target: LossTarget, params: number): number {
  requirePositive(params, 'parameters');
  return target.reducibleLoss - target.constants.A / params ** target.constants.alpha;
}

/**
 * The training tokens a model of `params` parameters needs to reach the target: solving
 * E + A/N^α + B/D^β = L for D gives D = (B/(L − E − A/N^α))^(1/β). Throws for a model too small
 * to ever reach it.
 *
 * @example trainTokensForLoss(lossTarget(findPresetLaw('chinchilla')!, 2), 10e9) // (410.7/(0.31 − 406.4/1e10^0.34))^(1/0.28) ≈ 1.97e12
 */
export function trainTokensForLoss(target: LossTarget, params: number): number {
  const { B, beta } = target.constants;
  const dataTerm = dataTermLeft(target, params);
  if (!(dataTerm > 0)) {
    throw new QuantityError(
      `a ${formatCount(params)}-parameter model never reaches loss ${target.loss}: even with unlimited data its loss is ${(target.loss - dataTerm).toFixed(4)}; it needs more than ${formatCount(smallestParamsForLoss(target))} parameters`,
    );
  }
  return (B / dataTerm) ** (1 / beta);
}

/**
 * The model that reaches the target with the data term B/D^β holding `dataShare` of the reducible
 * loss and the parameter term the rest: N = (A/((1 − s)(L − E)))^(1/α), D = (B/(s(L − E)))^(1/β).
 * Every share in (0, 1) is a model that reaches the target; larger shares are smaller models
 * trained longer.
 *
 * @example modelForDataShare(lossTarget(findPresetLaw('chinchilla')!, 2), 0.17 / 0.31) // { params: (406.4 / 0.14) ** (1 / 0.34), tokens: (410.7 / 0.17) ** (1 / 0.28) }
 */
export function modelForDataShare(target: LossTarget, dataShare: number): { params: number; tokens: number } {
  const { A, B, alpha, beta } = target.constants;
  return {
    params: (A / ((1 - dataShare) * target.reducibleLoss)) ** (1 / alpha),
    tokens: (B / (dataShare * target.reducibleLoss)) ** (1 / beta),
  };
}
