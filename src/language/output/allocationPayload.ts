import type { Allocation, HardwareBudget, ScalingLaw } from '../../core';
import type { ComputeOptimalData } from './resultData';
import { RESULT_PAYLOAD_VERSION, type PayloadWith, type ResultTable } from './resultPayload';
import { lossScaleNotes } from './lossScaleNote';
import { allocationTable } from './resultTables';

/**
 * The compute-optimal model for a budget: the active law's answer first, then the other laws' for
 * the same question (the same compute, loss or size, as `othersCaption` says) so their
 * disagreement is in plain view.
 */
export function allocationPayload(
  name: string,
  active: { law: ScalingLaw; allocation: Allocation },
  others: ReadonlyArray<{ law: ScalingLaw; allocation: Allocation }>,
  line: number,
  hardware?: { table: ResultTable; budget: HardwareBudget },
  othersCaption = 'Other laws at the same compute',
): PayloadWith<'optimal', ComputeOptimalData> {
  const notes = [`Optimum by ${active.allocation.method}.`, ...active.allocation.extrapolation];
  if (active.law.caveat) notes.push(active.law.caveat);
  notes.push(...lossScaleNotes([active.law, ...others.map((other) => other.law)]));
  return {
    version: RESULT_PAYLOAD_VERSION,
    kind: 'optimal',
    title: `Compute-optimal model for ${name} under ${active.law.id}`,
    line,
    tables: [
      ...(hardware ? [hardware.table] : []),
      allocationTable([active], `Under ${active.law.name}`),
      ...(others.length > 0 ? [allocationTable(others, othersCaption)] : []),
    ],
    notes,
    data: {
      name,
      law: active.law.id,
      ...active.allocation,
      ...(hardware ? { acceleratorHours: hardware.budget.acceleratorHours, cost: hardware.budget.cost } : {}),
      otherLaws: others.map(({ law, allocation }) => ({ law: law.id, ...allocation })),
    },
  };
}
