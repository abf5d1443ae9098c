import type { DetectedModel, MentionSource } from './modelMention';

/**
 * Detected models travel through command links (`command:scaling.openMentionInNotebook?…`) as
 * JSON. Anything can invoke a command with any argument, so what comes back is checked.
 */

const SOURCES: readonly MentionSource[] = ['prose', 'catalog', 'table', 'assignment', 'slash'];

/** The model without its place in the document: all a command needs. */
export function detectedModelArgument(model: DetectedModel): DetectedModel {
  return {
    params: model.params,
    ...(model.activeParams === undefined ? {} : { activeParams: model.activeParams }),
    tokens: model.tokens,
    matchedText: model.matchedText,
    source: model.source,
    ...(model.name === undefined ? {} : { name: model.name }),
  };
}

function isPositive(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

/**
 * A command's argument read back as a model; undefined unless its counts are positive numbers with
 * active parameters no more than the total.
 */
export function readDetectedModelArgument(value: unknown): DetectedModel | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { params, activeParams, tokens, matchedText, source, name } = value as Record<string, unknown>;
  if (!isPositive(params) || !isPositive(tokens)) return undefined;
  if (activeParams !== undefined && (!isPositive(activeParams) || activeParams > params)) return undefined;
  return {
    params,
    ...(activeParams === undefined ? {} : { activeParams }),
    tokens,
    matchedText: typeof matchedText === 'string' ? matchedText : '',
    source: SOURCES.find((known) => known === source) ?? 'prose',
    ...(typeof name === 'string' && name !== '' ? { name } : {}),
  };
}

/**
 * The target of a Markdown link that runs `commandId` on the model. Parentheses are escaped too,
 * since an unbalanced one in matched text would end the link early.
 *
 * @example commandLinkTarget('scaling.copyMentionMarkdown', model) // 'command:scaling.copyMentionMarkdown?%5B%7B%22params%22…'
 */
export function commandLinkTarget(commandId: string, model: DetectedModel): string {
  const argument = encodeURIComponent(JSON.stringify([detectedModelArgument(model)]))
    .replace(/\(/g, '%28')
    .replace(/\)/g, '%29');
  return `command:${commandId}?${argument}`;
}
