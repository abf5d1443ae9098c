import {
  assessModel,
  describeValidity,
  computeOptimalAllocation,
  findAccelerator,
  formatCount,
  formatDollars,
  formatPfDays,
  formatRatio,
  formatScientific,
  weightMemoryBytes,
  type ScalingLaw,
} from '../core';
import type { Position, Span } from './ast';
import { scopeAt, type ScopeOptions } from './evaluator/evaluateNotebook';
import type { BudgetDeclaration, ModelDeclaration, Scope } from './evaluator/scope';
import { repetitionOf } from './evaluator/uniqueData';
import { lexLine } from './lexer';
import { nodeAt } from './nodeAt';
import { formatEfficiency, formatLoss, formatLossGap } from '../core/numberFormat';
import { formatParams } from './output/resultTables';
import { parseCell } from './parser';
import { formFor, formWords, keywordHelp } from './registry';
import { formLabel } from './statementForm';
import { APPROACH_DOCS, FIT_APPROACHES } from './statements/fitApproaches';

/** A hover: Markdown and the span of the word it describes. */
export interface HoverContent {
  readonly markdown: string;
  readonly span: Span;
}

function rows(entries: ReadonlyArray<[string, string]>): string {
  return ['| | |', '|---|---|', ...entries.map(([key, value]) => `| ${key} | ${value} |`)].join('\n');
}

/** Model hover: sizes, D/N, compute, loss and the verdict against the optimum under the law. */
export function modelHover(name: string, model: ModelDeclaration, law: ScalingLaw): string {
  const verdict = assessModel(law, model);
  const optimum = verdict.optimal;
  const repetition = repetitionOf(law, model);
  return [
    `**${name}** — model${model.source ? ` (catalog: ${model.source})` : ''}`,
    rows([
      ['N', formatParams(verdict.params, verdict.activeParams)],
      ['D', `${formatCount(verdict.tokens)} tokens`],
      ['D/N', `**${formatRatio(verdict.tokensPerParam)} tokens/param** (optimal ${formatRatio(optimum.tokensPerParam)} at this compute)`],
      ['C', `${formatScientific(verdict.compute)} FLOP (${formatPfDays(verdict.compute)})`],
      ['loss', `${formatLoss(verdict.loss)} (optimal ${formatLoss(optimum.loss)})`],
      ['efficiency', formatEfficiency(verdict.computeEfficiency)],
      [
        'weights',
        `${formatCount(weightMemoryBytes(verdict.params))}B in BF16 (all ${formatCount(verdict.params)} parameters are held in memory${verdict.activeParams < verdict.params ? '; compute uses the active ones' : ''})`,
      ],
      ...(repetition
        ? ([
            [
              'epochs',
              `**${formatRatio(repetition.epochs)}** over ${formatCount(repetition.uniqueTokens)} unique tokens, worth ${formatCount(repetition.effectiveTokens)} fresh ones`,
            ],
            [
              'repeats',
              `loss ${formatLoss(repetition.loss)} with repeats: **${formatLossGap(repetition.repetitionLoss)}** lost to repetition (Muennighoff et al. 2023)`,
            ],
          ] as Array<[string, string]>)
        : []),
    ]),
    `**${verdict.label}** under ${law.id}: ${verdict.explanation} Compute-optimal at this compute: ${formatCount(optimum.params)} parameters on ${formatCount(optimum.tokens)} tokens.`,
    ...[...verdict.warnings, ...verdict.extrapolation].map((note) => `_${note}_`),
  ].join('\n\n');
}

function budgetHover(budget: BudgetDeclaration, law: ScalingLaw): string {
  const optimum = computeOptimalAllocation(law, budget.compute);
  const hardware = budget.hardware;
  return [
    `**${budget.name}** — budget`,
    rows([
      ['C', `${formatScientific(budget.compute)} FLOP (${formatPfDays(budget.compute)})`],
      ...(hardware
        ? ([
            [
              'hardware',
              `${hardware.accelerators} × ${hardware.accelerator.name}, ${formatRatio(hardware.hours)} h at ${formatRatio(hardware.mfu * 100)}% MFU`,
            ],
            ['GPU-hours', formatCount(hardware.acceleratorHours)],
            ...(hardware.cost !== undefined ? [['cost', formatDollars(hardware.cost)] as [string, string]] : []),
          ] as Array<[string, string]>)
        : []),
      [
        'optimal model',
        `${formatCount(optimum.params)} parameters on ${formatCount(optimum.tokens)} tokens (${formatRatio(optimum.tokensPerParam)} tokens/param) under ${law.id}`,
      ],
      ['loss', formatLoss(optimum.loss)],
    ]),
    ...optimum.extrapolation.map((note) => `_${note}_`),
  ].join('\n\n');
}

/** Law hover: constants, standard errors where published, citation and caveat. */
export function lawHover(law: ScalingLaw): string {
  const constants = Object.entries(law.constants).map(([key, value]): [string, string] => [
    key,
    `${formatRatio(value, 6)}${law.standardErrors?.[key] !== undefined ? ` ± ${formatRatio(law.standardErrors[key], 3)}` : ''}`,
  ]);
  return [
    `**${law.name}** — law \`${law.id}\``,
    rows(constants),
    `Source: ${law.citation}`,
    ...(law.validity ? [`Fitted on: ${describeValidity(law.validity)}; answers beyond it say how far they extrapolate.`] : []),
    ...(law.caveat ? [`_${law.caveat}_`] : []),
  ].join('\n\n');
}

function numberHover(text: string, value: number, key: string | undefined): string {
  const exact = Number.isInteger(value) && Math.abs(value) < 1e21 ? value.toLocaleString('en-US') : String(value);
  const extra = key === 'compute' ? ` = ${formatPfDays(value)}` : '';
  const scientific = formatScientific(value, 6);
  return `\`${text}\` = ${exact}${scientific === exact ? '' : ` (${scientific})`}${extra}`;
}

function nameHover(name: string, scope: Scope, key: string | undefined, keyword: string): string | undefined {
  if (key === 'gpu') {
    const accelerator = findAccelerator(name);
    return (
      accelerator &&
      `**${accelerator.name}** — ${formatScientific(accelerator.peakFlops)} FLOP/s dense BF16 peak\n\nSource: ${accelerator.source}`
    );
  }
  const form = key === undefined ? formWords(keyword).find((candidate) => candidate.form === name.toLowerCase()) : undefined;
  if (form) return `**${formLabel(form)}** — ${form.doc}\n\n\`${form.syntax}\``;
  const approach = FIT_APPROACHES.find((candidate) => candidate === name.toLowerCase());
  if (key === 'approach' && approach) return `**approach=${approach}** — ${APPROACH_DOCS[approach]}`;
  const declared = scope.lookup(name);
  if (declared?.kind === 'budget') return budgetHover(declared, scope.law);
  if (declared?.kind === 'law' || key === 'law' || key === 'laws' || keyword === 'law') {
    const law = scope.findLaw(name);
    return law && lawHover(law);
  }
  const model = scope.findModel(name);
  return model && modelHover(name, model, scope.law);
}

/**
 * The hover for a position in code cell `cellIndex` of a notebook whose code cells are `cells`:
 * keywords and properties explain themselves, names show what they are under the law active at
 * that line, numbers show their exact value. Undefined where there is nothing to say.
 */
export function hoverAt(
  cells: readonly string[],
  cellIndex: number,
  position: Position,
  options: ScopeOptions = {},
): HoverContent | undefined {
  const parsed = parseCell(cells[cellIndex] ?? '');
  const lineText = parsed.lines[position.line] ?? '';
  const statement = parsed.statements.find((candidate) => candidate.span.line === position.line);
  if (!statement) {
    const number = lexLine(lineText).tokens.find(
      (token) => token.kind === 'number' && position.column >= token.start && position.column <= token.end,
    );
    return (
      number && {
        markdown: numberHover(number.text, number.value!, undefined),
        span: { line: position.line, start: number.start, end: number.end },
      }
    );
  }
  const node = nodeAt(statement, position.column);
  if (!node) return undefined;
  const form = formFor(statement);
  switch (node.role) {
    case 'keyword': {
      const help = form ?? keywordHelp(statement.keyword);
      return {
        markdown: `**${form ? formLabel(form) : statement.keyword}** — ${help.doc}\n\n\`${help.syntax}\`\n\nExample: \`${help.example}\``,
        span: node.span,
      };
    }
    case 'key': {
      const property = form?.properties[node.key];
      return property && { markdown: `**${node.key}** — ${property.doc}; ${property.expects}`, span: node.span };
    }
    case 'declared-name':
    case 'value': {
      const leaf = node.node;
      if (leaf.type === 'number')
        return { markdown: numberHover(leaf.text, leaf.value, node.role === 'value' ? node.propertyKey : undefined), span: leaf.span };
      const scope = scopeAt(cells, cellIndex, position.line, options);
      const markdown = nameHover(leaf.name, scope, node.role === 'value' ? node.propertyKey : undefined, statement.keyword);
      return markdown ? { markdown, span: leaf.span } : undefined;
    }
  }
}
