import type { ScalingLaw, Verdict } from '../../core';
import { RESULT_PAYLOAD_VERSION, type ResultKind, type ResultPayload } from './resultPayload';
import { verdictTable } from './resultTables';

/** The result of checking one or more models: a table of verdicts and one sentence per model. */
export function verdictPayload(
  entries: ReadonlyArray<{ name: string; verdict: Verdict }>,
  law: ScalingLaw,
  line: number,
  kind: ResultKind = 'check',
): ResultPayload {
  const notes = entries.map(({ name, verdict }) => `${name}: ${verdict.label} — ${verdict.explanation}`);
  if (law.caveat) notes.push(law.caveat);
  if (entries.some(({ verdict }) => verdict.computeEfficiency > 1.001)) {
    notes.push(
      `Efficiency above 100% means the model reaches a lower loss than ${law.id}'s own compute-optimal model of the same compute: the law's optimum is not the minimum of its loss formula (Kaplan et al. 2020's frontier includes training short of convergence), so read its verdicts as that law's advice, not as waste.`,
    );
  }
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
