import type { ScalingLaw, Verdict } from '../../core';
import { RESULT_PAYLOAD_VERSION, type ResultPayload } from './resultPayload';
import { verdictTable } from './resultTables';

/** The result of checking one or more models: a table of verdicts and one sentence per model. */
export function verdictPayload(
  entries: ReadonlyArray<{ name: string; verdict: Verdict }>,
  law: ScalingLaw,
  line: number,
  kind = 'check',
): ResultPayload {
  const notes = entries.map(({ name, verdict }) => `${name}: ${verdict.label} — ${verdict.explanation}`);
  if (law.caveat) notes.push(law.caveat);
  return {
    version: RESULT_PAYLOAD_VERSION,
    kind,
    title: entries.length === 1 ? `${entries[0].name}: ${entries[0].verdict.label}` : `${kind === 'compare' ? 'Comparison' : 'Checks'} under ${law.id}`,
    line,
    tables: [verdictTable(entries, law)],
    notes,
    data: { law: law.id, models: entries.map(({ name, verdict }) => ({ name, ...verdict })) },
  };
}
