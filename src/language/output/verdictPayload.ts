import { bandEdgeEfficiencies, formatScientific, type ScalingLaw, type Verdict } from '../../core';
import { formatEfficiency } from '../../core/numberFormat';
import { RESULT_PAYLOAD_VERSION, type ResultKind, type ResultPayload } from './resultPayload';
import { verdictTable } from './resultTables';

/** Each distinct sentence once, in first-seen order. */
export function distinct(sentences: readonly string[]): string[] {
  return [...new Set(sentences)];
}

/** What "near compute-optimal" costs at its edges under `law`, at the compute of `verdict`. */
export function bandEdgeNote(law: ScalingLaw, verdict: Verdict): string {
  const edges = bandEdgeEfficiencies(law, verdict.compute);
  return (
    `"Near compute-optimal" means D/N within 3× of the optimum; at the band's edges a model reaches ` +
    `${formatEfficiency(edges.fewerTokens)} (⅓ the optimal D/N) ` +
    `and ${formatEfficiency(edges.moreTokens)} (3×) compute efficiency under ${law.id} at ${formatScientific(verdict.compute)} FLOP.`
  );
}

/** The result of checking one or more models: a table of verdicts and one sentence per model. */
export function verdictPayload(
  entries: ReadonlyArray<{ name: string; verdict: Verdict }>,
  law: ScalingLaw,
  line: number,
  kind: ResultKind = 'check',
): ResultPayload {
  const notes = entries.map(({ name, verdict }) => `${name}: ${verdict.label} — ${verdict.explanation}`);
  const modelNotes = entries.flatMap(({ name, verdict }) =>
    [...verdict.warnings, ...verdict.extrapolation].map((note) => `${name}: ${note}`),
  );
  notes.push(...distinct(modelNotes));
  if (law.caveat) notes.push(law.caveat);
  if (entries.length > 0) notes.push(bandEdgeNote(law, entries[0].verdict));
  return {
    version: RESULT_PAYLOAD_VERSION,
    kind,
    title:
      entries.length === 1
        ? `${entries[0].name}: ${entries[0].verdict.label}`
        : `${kind === 'compare' ? 'Comparison' : 'Checks'} under ${law.id}`,
    line,
    tables: [verdictTable(entries, law)],
    notes,
    data: { law: law.id, models: entries.map(({ name, verdict }) => ({ name, ...verdict })) },
  };
}
