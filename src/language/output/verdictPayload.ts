import { formatScientific, type ScalingLaw, type Verdict } from '../../core';
import { formatEfficiency } from '../../core/numberFormat';
import type { ModelChecksData } from './resultData';
import { RESULT_PAYLOAD_VERSION, type PayloadWith } from './resultPayload';
import { verdictTable } from './resultTables';

/** Compute efficiency at the edges of "near compute-optimal": ⅓ and 3× the optimal D/N (core's bandEdgeEfficiencies). */
export interface BandEdges {
  readonly fewerTokens: number;
  readonly moreTokens: number;
}

/** Each distinct sentence once, in first-seen order. */
export function distinct(sentences: readonly string[]): string[] {
  return [...new Set(sentences)];
}

/** What "near compute-optimal" costs at its edges under `law`, at `compute` FLOP. */
function bandEdgeNote(law: ScalingLaw, compute: number, edges: BandEdges): string {
  return (
    `"Near compute-optimal" means D/N within 3× of the optimum; at the band's edges a model reaches ` +
    `${formatEfficiency(edges.fewerTokens)} (⅓ the optimal D/N) ` +
    `and ${formatEfficiency(edges.moreTokens)} (3×) compute efficiency under ${law.id} at ${formatScientific(compute)} FLOP.`
  );
}

/**
 * The result of checking one or more models: a table of verdicts and one sentence per model, and
 * what the band's edges cost at the first model's compute (`bandEdges`, computed there).
 */
export function verdictPayload(
  entries: ReadonlyArray<{ name: string; verdict: Verdict }>,
  law: ScalingLaw,
  bandEdges: BandEdges,
  line: number,
): PayloadWith<'check', ModelChecksData> {
  const notes = entries.map(({ name, verdict }) => `${name}: ${verdict.label} — ${verdict.explanation}`);
  const modelNotes = entries.flatMap(({ name, verdict }) =>
    [...verdict.warnings, ...verdict.extrapolation].map((note) => `${name}: ${note}`),
  );
  notes.push(...distinct(modelNotes));
  if (law.caveat) notes.push(law.caveat);
  if (entries.length > 0) notes.push(bandEdgeNote(law, entries[0].verdict.compute, bandEdges));
  return {
    version: RESULT_PAYLOAD_VERSION,
    kind: 'check',
    title: entries.length === 1 ? `${entries[0].name}: ${entries[0].verdict.label}` : `Checks under ${law.id}`,
    line,
    tables: [verdictTable(entries, law)],
    notes,
    data: { law: law.id, models: entries.map(({ name, verdict }) => ({ name, ...verdict })) },
  };
}
