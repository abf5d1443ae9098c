import { findCatalogModel, formatCount, type ScalingLaw } from '../core';
import { serializeScalingMarkdown, type CellData } from '../markdownFormat/markdownCells';
import { detectedModelLabel } from './mentionSummary';
import type { DetectedModel } from './modelMention';

/** Enough digits that `params=…` says exactly what the document said (6.7B stays 6.7B, 65.2B stays 65.2B). */
const EXACT_DIGITS = 12;

function identifier(text: string): string {
  return text.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
}

/**
 * A name the cell language accepts for the model: the text's name, else the size, with anything
 * but letters, digits and underscores turned into underscores.
 *
 * @example notebookModelName({ params: 7e10, tokens: 1.4e12, matchedText: '', source: 'slash' }) // 'model_70B'
 */
export function notebookModelName(model: DetectedModel): string {
  const name = identifier(model.name ?? '') || identifier(`model ${formatCount(model.params)}`);
  return /^[A-Za-z_]/.test(name) ? name : `model_${name}`;
}

function quoted(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Statements that declare the model and ask for its verdict and the compute-optimal alternative. */
function checkStatements(model: DetectedModel, law: ScalingLaw): string {
  const name = notebookModelName(model);
  const active = model.activeParams === undefined ? '' : ` active=${formatCount(model.activeParams, EXACT_DIGITS)}`;
  return [
    `law ${law.id}`,
    `model ${name} params=${formatCount(model.params, EXACT_DIGITS)}${active} tokens=${formatCount(model.tokens, EXACT_DIGITS)}`,
    `check ${name}`,
    `optimal ${name}`,
  ].join('\n');
}

/**
 * The cells of a new scaling notebook about a detected model: where it came from, then a code cell
 * declaring it and checking it under `law`.
 */
export function detectedModelNotebookCells(model: DetectedModel, law: ScalingLaw): CellData[] {
  const catalogSource = model.source === 'catalog' && model.name ? findCatalogModel(model.name)?.source : undefined;
  const origin = [
    `From a design doc: “${quoted(model.matchedText)}”.`,
    ...(catalogSource ? [`Sizes from the model catalog: ${catalogSource}.`] : []),
  ];
  return [
    { kind: 'markdown', source: [`# Is ${detectedModelLabel(model)} undertrained?`, '', ...origin].join('\n') },
    { kind: 'code', source: checkStatements(model, law) },
  ];
}

/**
 * The same notebook as `.scaling` file text (Markdown with ```scaling fences).
 *
 * @example detectedModelNotebookText(chinchilla, epoch) // '# Is 70B / 1.4T tokens undertrained?\n…```scaling\nlaw besiroglu2024\nmodel model_70B params=70B tokens=1.4T\n…'
 */
export function detectedModelNotebookText(model: DetectedModel, law: ScalingLaw): string {
  return serializeScalingMarkdown(detectedModelNotebookCells(model, law));
}
