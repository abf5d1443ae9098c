import { formatCount, formatRatio, formatSignificant, type MixtureFit, type MixtureResidual, type OptimalMixture } from '../../core';
import type { ChartSpec, NamedMixture } from '../../charts';
import type { MixtureFitData } from './resultData';
import { RESULT_PAYLOAD_VERSION, type PayloadWith, type ResultPayload, type ResultTable } from './resultPayload';
import { formatLoss, formatLossGap, formatShares } from '../../core/numberFormat';

/** Residual rows shown under a mixture fit: the largest misfits. */
const RESIDUAL_ROWS = 10;

/** A mixture in one cell: 34/33/33 (percent, in the domains' order). */
function mixtureText(weights: readonly number[]): string {
  return weights.map((weight) => formatSignificant(weight * 100, 2)).join('/');
}

/** What each form means for the best mixture (Shukor et al. 2025, Eqs. 2.4 and 2.5). */
export function mixtureFormNote(form: MixtureFit['law']['form']): string {
  return form === 'joint'
    ? 'Joint law (Shukor et al. 2025, Eq. 2.5): the mixture also sets the size and data terms, so the best mixture moves with N and D.'
    : 'Additive law (Shukor et al. 2025, Eq. 2.4): the mixture only shifts the irreducible term, so the best mixture is the same at every N and D.';
}

function constantsTables(fit: MixtureFit): ResultTable[] {
  const { law } = fit;
  const shared: Array<[string, number]> = [
    ['E', law.E],
    ['α', law.alpha],
    ['β', law.beta],
  ];
  const scalar = law.form === 'additive' ? [...shared, ['A', law.A], ['B', law.B]] : [...shared, ['γ_A', law.gammaA], ['γ_B', law.gammaB]];
  const perDomain = law.form === 'additive' ? ['domain', 'Cᵢ', 'γᵢ'] : ['domain', 'Cᵢ', 'γᵢ', 'Cᵢᴬ', 'Cᵢᴮ'];
  return [
    {
      caption: `Fitted constants (${law.form} law)`,
      columns: ['constant', 'value'],
      align: ['left', 'right'],
      rows: (scalar as Array<[string, number]>).map(([label, value]) => [label, formatRatio(value, 4)]),
    },
    {
      caption:
        law.form === 'additive'
          ? 'Per domain: the mixture term 1/Σᵢ Cᵢhᵢ^γᵢ'
          : 'Per domain: 1/Σᵢ Cᵢhᵢ^γᵢ, A_h = (Σᵢ Cᵢᴬhᵢ)^γ_A, B_h = (Σᵢ Cᵢᴮhᵢ)^γ_B',
      columns: perDomain,
      align: perDomain.map((_, i) => (i === 0 ? 'left' : 'right')),
      rows: law.domains.map((domain, i) => [
        domain,
        ...[law.C[i], law.gamma[i], ...(law.form === 'joint' ? [law.CA[i], law.CB[i]] : [])].map((value) => formatRatio(value, 4)),
      ]),
    },
  ];
}

function residualTable(fit: MixtureFit, residuals: readonly MixtureResidual[]): ResultTable {
  const rows = [...residuals].sort((a, b) => Math.abs(b.residual) - Math.abs(a.residual)).slice(0, RESIDUAL_ROWS);
  return {
    caption: `Largest residuals (observed − fitted), ${rows.length} of ${residuals.length}`,
    columns: ['run', 'N', 'D', `mixture (${fit.law.domains.join('/')}, %)`, 'observed', 'fitted', 'residual'],
    align: ['left', 'right', 'right', 'right', 'right', 'right', 'right'],
    rows: rows.map(({ run, source, fitted, residual }) => [
      source,
      formatCount(run.params),
      formatCount(run.tokens),
      mixtureText(run.weights),
      formatLoss(run.loss),
      formatLoss(fitted),
      formatLossGap(residual),
    ]),
  };
}

/** A mixture-law fit: the constants, how it was found, and the largest of the runs' residuals (core's mixtureResiduals). */
export function mixtureFitPayload(
  name: string,
  residuals: readonly MixtureResidual[],
  fit: MixtureFit,
  line: number,
): PayloadWith<'fit', MixtureFitData> {
  return {
    version: RESULT_PAYLOAD_VERSION,
    kind: 'fit',
    title: `Mixture law fitted to ${name} (${fit.points} runs over ${fit.law.domains.join(', ')})`,
    line,
    tables: [...constantsTables(fit), residualTable(fit, residuals)],
    notes: [
      mixtureFormNote(fit.law.form),
      `Huber (δ = ${fit.delta}) on the loss, averaged over runs, minimised by basin hopping around L-BFGS from ${fit.starts} seeded random starts × ${fit.hops} hops (seed ${fit.seed}), the best optimum polished, as Shukor et al. 2025 fit their laws; RMS residual ${formatSignificant(fit.rmsResidual, 3)} nats over ${fit.minimizations} local minimisations.`,
      ...fit.warnings,
    ],
    data: { name, fit },
  };
}

/** The best mixture's outcome, and what it is compared with. */
export interface OptimalMixtureResult {
  /** "web" or "web, code (importance 3:1)". */
  readonly targets: string;
  readonly params: number;
  readonly tokens: number;
  readonly optimum: OptimalMixture;
  /** Mixtures to compare with, and their (importance-weighted) predicted loss at the same N and D. */
  readonly comparisons: ReadonlyArray<NamedMixture & { readonly loss: number }>;
  readonly chart: ChartSpec;
  readonly notes: readonly string[];
}

/** The best mixture beside the ones it is compared with: weights per domain, then the predicted loss. */
export function optimalMixturePayload(result: OptimalMixtureResult, line: number): ResultPayload<'optimal-mixture'> {
  const { optimum, comparisons } = result;
  const columns = ['domain', 'best mixture', ...comparisons.map((mixture) => mixture.name)];
  // Each mixture's shares rounded together, so a column adds up to 100%.
  const shares = [optimum, ...comparisons].map((mixture) => formatShares(mixture.weights));
  const perTarget: ResultTable[] =
    optimum.losses.length > 1
      ? [
          {
            caption: 'Predicted loss on each target with the best mixture',
            columns: ['target', 'loss'],
            align: ['left', 'right'],
            rows: optimum.losses.map((target) => [target.name, formatLoss(target.loss)]),
          },
        ]
      : [];
  return {
    version: RESULT_PAYLOAD_VERSION,
    kind: 'optimal-mixture',
    title: `Best data mixture for ${result.targets} at N = ${formatCount(result.params)}, D = ${formatCount(result.tokens)}`,
    line,
    tables: [
      {
        columns,
        align: columns.map((_, i) => (i === 0 ? 'left' : 'right')),
        rows: [
          ...optimum.domains.map((domain, i) => [domain, ...shares.map((mixture) => mixture[i])]),
          [
            'predicted loss',
            formatLoss(optimum.loss),
            ...comparisons.map((mixture) => `${formatLoss(mixture.loss)} (${formatLossGap(mixture.loss - optimum.loss)})`),
          ],
        ],
      },
      ...perTarget,
    ],
    notes: [
      `Mirror descent on the simplex (h ← h·e^(−η∇L), renormalised, as Shukor et al. 2025 optimise domain weights): ${optimum.iterations} steps, ${optimum.converged ? 'converged' : 'stopped before converging'} (gap ${formatSignificant(optimum.gap, 2)} nats).`,
      ...result.notes,
    ],
    chart: result.chart,
    data: {
      targets: result.targets,
      params: result.params,
      tokens: result.tokens,
      domains: optimum.domains,
      weights: optimum.weights,
      loss: optimum.loss,
      losses: optimum.losses,
      comparisons,
    },
  };
}
