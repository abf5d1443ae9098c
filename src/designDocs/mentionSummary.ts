import {
  assessModel,
  extrapolationDecades,
  formatCount,
  formatDecades,
  formatRatio,
  formatScientific,
  type ScalingLaw,
  type Verdict,
} from '../core';
import { payloadToMarkdown } from '../language/output/payloadText';
import { RESULT_PAYLOAD_VERSION, type ResultPayload, type ResultTable } from '../language/output/resultPayload';
import { allocationTable, formatParams, verdictTable } from '../language/output/resultTables';
import type { DetectedModel } from './modelMention';

/**
 * What the editor and the CLI say about a detected model: its verdict under a law and the
 * compute-optimal model at the same compute. Numbers come from the shared result tables, so a hover
 * shows exactly what a notebook's `check` shows.
 */

/** The verdict for a detected model; never throws for a detector's output (all counts are positive). */
export function assessDetectedModel(model: DetectedModel, law: ScalingLaw): Verdict {
  return assessModel(law, { params: model.params, activeParams: model.activeParams, tokens: model.tokens });
}

/**
 * A short label: the name the text gives, else the sizes.
 *
 * @example detectedModelLabel({ params: 7e10, tokens: 1.4e12, matchedText: '', source: 'slash' }) // '70B / 1.4T tokens'
 */
export function detectedModelLabel(model: DetectedModel): string {
  const sizes = `${formatParams(model.params, model.activeParams ?? model.params)} / ${formatCount(model.tokens)} tokens`;
  return model.name ? `${model.name} — ${sizes}` : sizes;
}

function cellsByColumn(table: ResultTable): ReadonlyMap<string, string> {
  return new Map(table.columns.map((column, index) => [column, table.rows[0]?.[index] ?? '—']));
}

/**
 * The model as written beside the compute-optimal one, one quantity per row: narrow enough for a
 * hover, where the eleven columns of a verdict table would not fit.
 */
function comparisonTable(name: string, verdict: Verdict, law: ScalingLaw): ResultTable {
  const written = cellsByColumn(verdictTable([{ name, verdict }], law));
  const optimal = cellsByColumn(allocationTable([{ law, allocation: verdict.optimal }]));
  const row = (label: string, writtenColumn: string, optimalColumn: string) => [
    label,
    written.get(writtenColumn) ?? '—',
    optimal.get(optimalColumn) ?? '—',
  ];
  return {
    caption: `Under ${law.name}, at the same compute`,
    columns: ['', 'as written', 'compute-optimal'],
    align: ['left', 'right', 'right'],
    rows: [
      row('N (params)', 'N', 'optimal N'),
      row('D (tokens)', 'D', 'optimal D'),
      row('D/N', 'D/N', 'D/N'),
      row('C (FLOP)', 'C (FLOP)', 'C (FLOP)'),
      row('loss', 'loss', 'loss'),
    ],
  };
}

/** The verdict on a detected model as a result payload: a title, the comparison and the explanation. */
export function detectedModelPayload(model: DetectedModel, law: ScalingLaw, line = 1): ResultPayload {
  const verdict = assessDetectedModel(model, law);
  const label = detectedModelLabel(model);
  const notes = [`${verdict.label}: ${verdict.explanation}`, ...verdict.warnings, ...verdict.extrapolation];
  if (law.caveat) notes.push(law.caveat);
  return {
    version: RESULT_PAYLOAD_VERSION,
    kind: 'check',
    title: `${label}: ${verdict.label}`,
    line,
    tables: [comparisonTable(model.name ?? 'model', verdict, law)],
    notes,
    data: { name: model.name, text: model.matchedText, source: model.source, ...verdict },
  };
}

/** The verdict as Markdown, for hovers and the clipboard. */
export function detectedModelMarkdown(model: DetectedModel, law: ScalingLaw): string {
  return payloadToMarkdown(detectedModelPayload(model, law));
}

/**
 * " · extrapolated 1.7 decades beyond besiroglu2024's data" when the model lies outside the runs the law
 * was fitted on (on the axis where it lies furthest, as the hover's notes say axis by axis); else ''.
 */
function extrapolationMarker(verdict: Verdict, law: ScalingLaw): string {
  const { activeParams: params, tokens, compute, tokensPerParam } = verdict;
  const decades = extrapolationDecades(law.validity, { params, tokens, compute, tokensPerParam });
  return decades > 0 ? ` · extrapolated ${formatDecades(decades)} beyond ${law.id}'s data` : '';
}

/**
 * One line for a notification: D/N, compute, verdict and the alternative, and how far it extrapolates.
 *
 * @example detectedModelSummary(chinchilla, epoch) // '70B / 1.4T tokens: D/N 20, C 5.88e23 FLOP, near compute-optimal under besiroglu2024; compute-optimal at that compute: 73.1B on 1.34T tokens (D/N 18.3) · extrapolated 1.7 decades beyond besiroglu2024's data.'
 */
export function detectedModelSummary(model: DetectedModel, law: ScalingLaw): string {
  const verdict = assessDetectedModel(model, law);
  const { optimal } = verdict;
  return (
    `${detectedModelLabel(model)}: D/N ${formatRatio(verdict.tokensPerParam)}, C ${formatScientific(verdict.compute)} FLOP, ` +
    `${verdict.label} under ${law.id}; compute-optimal at that compute: ${formatCount(optimal.params)} on ` +
    `${formatCount(optimal.tokens)} tokens (D/N ${formatRatio(optimal.tokensPerParam)})${extrapolationMarker(verdict, law)}.`
  );
}

/**
 * The text of an inline hint after a mention, with the same extrapolation marker as the notification.
 *
 * @example verdictHint(verdict, epoch) // '≈20 tokens/param · near compute-optimal · extrapolated 1.7 decades beyond besiroglu2024's data'
 */
export function verdictHint(verdict: Verdict, law: ScalingLaw): string {
  return `≈${formatRatio(verdict.tokensPerParam)} tokens/param · ${verdict.label}${extrapolationMarker(verdict, law)}`;
}
