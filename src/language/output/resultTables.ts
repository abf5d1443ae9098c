import {
  formatCount,
  formatDollars,
  formatRatio,
  formatScientific,
  type Allocation,
  type HardwareBudget,
  type ScalingLaw,
  type Verdict,
} from '../../core';
import { formatEfficiency, formatLoss, formatLossGap } from '../../core/numberFormat';
import type { ResultTable } from './resultPayload';

/** Parameters, with the active count for mixture-of-experts models: "671B (37B active)". */
export function formatParams(params: number, activeParams: number): string {
  return activeParams < params ? `${formatCount(params)} (${formatCount(activeParams)} active)` : formatCount(params);
}

/** One row per model: the numbers behind each verdict, side by side. */
export function verdictTable(entries: ReadonlyArray<{ name: string; verdict: Verdict }>, law: ScalingLaw): ResultTable {
  return {
    caption: `Verdicts under ${law.name}`,
    columns: ['model', 'N', 'D', 'D/N', 'C (FLOP)', 'loss', 'optimal N', 'optimal D/N', 'loss gap', 'efficiency', 'verdict'],
    align: ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'left'],
    rows: entries.map(({ name, verdict }) => [
      name,
      formatParams(verdict.params, verdict.activeParams),
      formatCount(verdict.tokens),
      formatRatio(verdict.tokensPerParam),
      formatScientific(verdict.compute),
      formatLoss(verdict.loss),
      formatCount(verdict.optimal.params),
      formatRatio(verdict.optimal.tokensPerParam),
      formatLossGap(verdict.lossGap),
      formatEfficiency(verdict.computeEfficiency),
      verdict.activeParams < verdict.params ? `${verdict.label} (dense-equivalent)` : verdict.label,
    ]),
  };
}

/** The compute-optimal model for a budget, one row per law. */
export function allocationTable(entries: ReadonlyArray<{ law: ScalingLaw; allocation: Allocation }>, caption?: string): ResultTable {
  return {
    ...(caption ? { caption } : {}),
    columns: ['law', 'C (FLOP)', 'optimal N', 'optimal D', 'D/N', 'loss'],
    align: ['left', 'right', 'right', 'right', 'right', 'right'],
    rows: entries.map(({ law, allocation }) => [
      law.id,
      formatScientific(allocation.compute),
      formatCount(allocation.params),
      formatCount(allocation.tokens),
      formatRatio(allocation.tokensPerParam),
      formatLoss(allocation.loss),
    ]),
  };
}

/** A number of accelerators as written (1024), in scientific notation only past what String() prints plainly (1e+21). */
export function formatAcceleratorCount(accelerators: number): string {
  return accelerators < 1e21 ? String(accelerators) : formatScientific(accelerators);
}

/** What a hardware booking buys: FLOPs, accelerator-hours and cost. */
export function hardwareTable(budget: HardwareBudget, accelerators: number, hours: number, mfu: number): ResultTable {
  return {
    columns: ['accelerators', 'days', 'MFU', 'C (FLOP)', 'GPU-hours', 'cost'],
    align: ['left', 'right', 'right', 'right', 'right', 'right'],
    rows: [
      [
        `${formatAcceleratorCount(accelerators)} × ${budget.accelerator.id}`,
        formatRatio(hours / 24),
        formatEfficiency(mfu),
        formatScientific(budget.compute),
        formatCount(budget.acceleratorHours),
        budget.cost === undefined ? '—' : formatDollars(budget.cost),
      ],
    ],
  };
}
