/**
 * The kernel and the editor on generated notebooks of simple cells (`model`, `check`,
 * `optimal compute=`), through the paths they use (scalingController.ts, cellDiagnostics.ts,
 * liveResults.ts, cellHoverProvider.ts), minus the VS Code calls:
 *
 * - singlePass1000Ms: one `evaluateNotebook` of 1,000 cells, the least any Run All can do;
 * - runAll1000Ms: Run All of those cells as the kernel runs it, cell after cell, each through
 *   `evaluateWithResources` up to that cell with the notebook's session state (goal: within 2× of
 *   singlePass1000Ms; like the one pass, it leaves out the outputs' Markdown and text, the same
 *   work whichever way the cells are evaluated);
 * - keystroke200Ms: a keystroke in cell 100 of 200 (a model's params=): the diagnostics'
 *   evaluation, then the live re-run's (which cells changed, and their outputs) (goal < 20 ms);
 * - hover200Ms: a hover on a model name in cell 200 of 200, as the hover provider asks (goal < 5 ms).
 *
 * Medians of repeated runs after a warm-up. `--json` prints only the figures; `--baseline` measures
 * the same steps the way the kernel and editor took them before the incremental evaluator (every
 * cell above re-derived per cell run, per keystroke and per hover), for comparison.
 *
 * Run: npx tsx bench/kernel.bench.ts [--json] [--baseline]
 */
import { findPresetLaw } from '../src/core';
import { evaluateNotebook, type CellEvaluation } from '../src/language/evaluator/evaluateNotebook';
import {
  FitCache,
  evaluateWithResources,
  type EvaluationState,
  type ResourceProvider,
} from '../src/language/evaluator/evaluateWithResources';
import { IncrementalEvaluator } from '../src/language/evaluator/incrementalEvaluator';
import { hoverAt } from '../src/language/hoverContent';
import { payloadToMarkdown, payloadToText } from '../src/language/output/payloadText';
import { medianMs } from './timing';

const json = process.argv.includes('--json');
const baseline = process.argv.includes('--baseline');
const defaultLaw = findPresetLaw('epoch')!;
const provider: ResourceProvider = { readFile: async () => ({ error: 'the generated notebooks read no files' }) };

/** Cell i: a model every third cell, then a check of it, then an optimal at a fixed compute. */
function generatedNotebook(cellCount: number): string[] {
  return Array.from({ length: cellCount }, (_, index) => {
    const model = index - (index % 3);
    if (index % 3 === 0) return `model m${model} params=${1 + (model % 9)}B tokens=${20 + model}B`;
    return index % 3 === 1 ? `check m${model}` : `optimal compute=${1 + (model % 9)}e22`;
  });
}

function newState(): EvaluationState {
  return { evaluator: new IncrementalEvaluator(), files: new Map() };
}

/** What cellOutputs shows of each result besides its JSON: Markdown and plain text. */
function renderOutputs(evaluation: CellEvaluation): void {
  for (const result of evaluation.results) {
    payloadToMarkdown(result);
    payloadToText(result);
  }
}

const cells1000 = generatedNotebook(1000);
const cells200 = generatedNotebook(200);

async function main(): Promise<void> {
  const singlePass1000Ms = await medianMs(5, 2, () => void evaluateNotebook(cells1000, { defaultLaw }));

  const runAll1000Ms = await medianMs(baseline ? 1 : 5, baseline ? 0 : 1, async () => {
    const fits = new FitCache();
    const state = newState();
    for (let index = 0; index < cells1000.length; index++) {
      // Before: evaluateWithResources called evaluateNotebook up to the cell (one round: nothing pending here).
      if (baseline) evaluateNotebook(cells1000, { upTo: index, defaultLaw });
      else await evaluateWithResources(cells1000, { upTo: index, defaultLaw }, provider, fits, state);
    }
  });

  // Cell 100 (index 99) declares m99; cell 101 checks it. Each keystroke alternates two texts, so each is an edit.
  const KEYSTROKE_CELL = 99;
  const keystrokeTexts = [cells200[KEYSTROKE_CELL], cells200[KEYSTROKE_CELL].replace('params=1B', 'params=12B')];
  const fits = new FitCache();
  const editorState = newState();
  let shown = (await evaluateWithResources(cells200, { defaultLaw }, provider, fits, editorState)).evaluations;
  const keystroke200Ms = await medianMs(41, 5, async (iteration) => {
    const texts = [...cells200];
    texts[KEYSTROKE_CELL] = keystrokeTexts[(iteration + 1) % 2];
    if (baseline) {
      // Before: diagnostics evaluated the whole notebook afresh, and nothing re-ran.
      evaluateNotebook(texts, { defaultLaw });
      return;
    }
    await evaluateWithResources(texts, { defaultLaw }, provider, fits, editorState);
    const live = (await evaluateWithResources(texts, { defaultLaw }, provider, fits, editorState)).evaluations;
    for (let index = KEYSTROKE_CELL + 1; index < texts.length; index++) if (live[index] !== shown[index]) renderOutputs(live[index]);
    shown = live;
  });

  const HOVER_CELL = 199;
  const hoverLine = cells200[HOVER_CELL];
  const position = { line: 0, column: hoverLine.indexOf('m') + 1 };
  const hover200Ms = await medianMs(101, 10, () => {
    const resources = { files: editorState.files, fits: fits.asMap() };
    const scopeBefore = baseline ? undefined : editorState.evaluator.scopeBefore(cells200, HOVER_CELL, { defaultLaw, resources });
    if (!hoverAt(cells200, HOVER_CELL, position, { defaultLaw, resources, scopeBefore })) throw new Error('no hover on the model name');
  });

  const figures = { singlePass1000Ms, runAll1000Ms, keystroke200Ms, hover200Ms };
  const rounded = Object.fromEntries(Object.entries(figures).map(([key, ms]) => [key, Math.round(ms * 100) / 100]));
  if (json) {
    console.log(JSON.stringify(rounded));
  } else {
    const goals = [
      ['Run All of 1,000 cells', runAll1000Ms, 2 * singlePass1000Ms, `2 × one pass (${singlePass1000Ms.toFixed(0)} ms)`],
      ['keystroke in cell 100 of 200', keystroke200Ms, 20, '20 ms'],
      ['hover in cell 200 of 200', hover200Ms, 5, '5 ms'],
    ] as const;
    console.log(`Kernel and editor paths${baseline ? ' (baseline: every cell above re-derived)' : ''}, medians`);
    console.log(`  one pass over 1,000 cells        ${singlePass1000Ms.toFixed(2).padStart(9)} ms`);
    for (const [name, ms, goal, goalText] of goals) {
      console.log(`  ${name.padEnd(32)} ${ms.toFixed(2).padStart(9)} ms  goal < ${goalText}  ${ms < goal ? 'ok' : 'MISSED'}`);
    }
    process.exitCode = baseline || goals.every(([, ms, goal]) => ms < goal) ? 0 : 1;
  }
}

void main();
