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
import type { ResultTable } from './resultPayload';

/** Loss values are shown to 4 decimals: differences between laws are in the third. */
export function formatLoss(loss: number): string {
  return Number.isFinite(loss) ? loss.toFixed(4) : String(loss);
}

/** Signed loss difference, e.g. +0.0213. */
export function formatLossGap(gap: number): string {
  return `${gap >= 0 ? '+' : '−'}${Math.abs(gap).toFixed(4)}`;
}

/** Compute efficiency as a percentage, e.g. 50%. */
export function formatEfficiency(efficiency: number): string {
  return formatPercent(efficiency);
}

/** A fraction as a percentage, by default to three significant digits: 0.9 → 90%, 3.3e-14 → 3.3e-12%. */
export function formatPercent(fraction: number, digits = 3): string {
  return `${formatRatio(fraction * 100, digits)}%`;
}

/** A whole count written out with thousands separators, e.g. 5,737 samples. */
export function formatWholeNumber(count: number): string {
  return count.toLocaleString('en-US');
}

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

/** What a hardware booking buys: FLOPs, accelerator-hours and cost. */
export function hardwareTable(budget: HardwareBudget, accelerators: number, hours: number, mfu: number): ResultTable {
  return {
    columns: ['accelerators', 'days', 'MFU', 'C (FLOP)', 'GPU-hours', 'cost'],
    align: ['left', 'right', 'right', 'right', 'right', 'right'],
    rows: [
      [
        `${accelerators} × ${budget.accelerator.id}`,
        formatRatio(hours / 24),
        formatEfficiency(mfu),
        formatScientific(budget.compute),
        formatCount(budget.acceleratorHours),
        budget.cost === undefined ? '—' : formatDollars(budget.cost),
      ],
    ],
  };
}
