/**
 * Design-doc detection speed. Goals (issue 7): a hover answers in < 5 ms on a 5,000-line document
 * (only the hovered paragraph is read), and `scan` reads a 1 MB file in < 200 ms.
 *
 * Each figure is given as wall time and as CPU time of this process. The goals are judged on CPU
 * time: it is the work the code does, while wall time on a shared machine also counts the time
 * other processes held the cores. Run: npx tsx bench/designDocs.bench.ts
 */
import { resolveLaw } from '../src/core';
import { runScan } from '../src/cli/scanCommand';
import { detectModelMentions, detectedModelMarkdown, mentionAt, type LineSource } from '../src/designDocs';
import { timed, type Timing } from './timing';

const HOVER_GOAL_MS = 5;
const SCAN_GOAL_MS = 200;
const DOCUMENT_LINES = 5000;
const SCAN_BYTES = 1024 * 1024;
const WARM_UP = 20;
const HOVERS = 2001;
const SCANS = 11;

const law = resolveLaw(undefined);

/**
 * Paragraphs, lists, tables and code as design docs mix them, numbered by section so sizes vary
 * (a scan judges each distinct size once). Roughly one model mention per 150 characters: far denser
 * than real design docs, so the scan figure is a worst case.
 */
const SECTIONS: ReadonlyArray<(i: number) => string> = [
  (i) =>
    `We propose to train a ${1 + (i % 70)}B model on ${1 + (i % 30)}T tokens as the first rung of the ladder.\nThe data mix follows the previous run, with more code and\nless web text than last quarter.`,
  (i) =>
    `Gopher (280B/300B) was undertrained by today's standards; Chinchilla, with\n${10 + (i % 90)}B parameters trained on 1.${i % 10}T tokens, matched it at a quarter of the size.`,
  () =>
    'The tokenizer has a vocabulary of 128K tokens and a context length of 8K tokens.\nBatch size ramps from 1M to 4M tokens over the first 5% of training.',
  (i) =>
    `| Model | Params | Tokens | Notes |\n|---|---:|---:|---|\n| proxy | ${100 + (i % 900)}M | 7B | ablations |\n| small | 1.3B | ${20 + (i % 50)}B | scaling fit |\n| main | 13B | 1T | release |`,
  (i) => `- **Params:** ${2 + (i % 60)}B\n- **Tokens:** 2.5T\n- **Cluster:** 2048 × H100 for 60 days at 40% MFU`,
  () =>
    'Budget: $10M in 2025. Milestones are reviewed every two weeks by the\ntraining committee, and any change to the data mix needs sign-off.',
  (i) => `\`\`\`python\nconfig = dict(n_layers=48, d_model=6144, lr=3e-4)\nN=${1 + (i % 40)}e9, D=1e12\n\`\`\``,
  () =>
    'As a reference point we compare against Llama 3 8B and DeepSeek-V3 throughout;\nboth are heavily overtrained on purpose, which lowers serving cost.',
  () =>
    'Open questions: should the 13B run use the same learning-rate schedule\nas the 7B run, and how many epochs of the code subset are acceptable?\nWe expect to settle both after the proxy results are in.',
];

/** A generated document: sections separated by blank lines until it has `lines` lines or `bytes` characters. */
function generateDocument(limit: { lines?: number; bytes?: number }): string {
  const parts: string[] = [];
  let lineCount = 0;
  let length = 0;
  for (let i = 0; (limit.lines === undefined || lineCount < limit.lines) && (limit.bytes === undefined || length < limit.bytes); i++) {
    const section = `## Section ${i + 1}\n\n${SECTIONS[i % SECTIONS.length](i)}`;
    parts.push(section);
    lineCount += section.split('\n').length + 1;
    length += section.length + 2;
  }
  const text = parts.join('\n\n');
  return limit.lines === undefined ? text : text.split('\n').slice(0, limit.lines).join('\n');
}

/** Lines held as an array, as an open editor document holds them. */
function editorLines(text: string): LineSource {
  const lines = text.split('\n');
  const offsets: number[] = [];
  let offset = 0;
  for (const line of lines) {
    offsets.push(offset);
    offset += line.length + 1;
  }
  return { lineCount: lines.length, lineText: (line) => lines[line], lineOffset: (line) => offsets[line] };
}

/** The value below which `fraction` of the timings fall. */
function quantile(timings: readonly Timing[], key: keyof Timing, fraction: number): number {
  const sorted = timings.map((timing) => timing[key]).sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))];
}

function figures(timings: readonly Timing[], digits: number): string {
  const wall = `wall median ${quantile(timings, 'wallMs', 0.5).toFixed(digits)} ms, p99 ${quantile(timings, 'wallMs', 0.99).toFixed(digits)} ms`;
  const cpu = `CPU median ${quantile(timings, 'cpuMs', 0.5).toFixed(digits)} ms, p99 ${quantile(timings, 'cpuMs', 0.99).toFixed(digits)} ms`;
  return `${wall}; ${cpu}`;
}

/** What the hover does: find the mention under the cursor and render its verdict. */
function hover(source: LineSource, line: number, column: number): boolean {
  const mention = mentionAt(source, line, column);
  return mention !== undefined && detectedModelMarkdown(mention, law).length > 0;
}

function timeHovers(name: string, source: LineSource): boolean {
  // Hovers land mid-line on lines spread over the whole document.
  const positions = Array.from({ length: HOVERS }, (_, i) => {
    const line = (i * 7919) % source.lineCount;
    return { line, column: Math.floor(source.lineText(line).length / 2) };
  });
  for (let i = 0; i < WARM_UP; i++) hover(source, positions[i].line, positions[i].column);
  let answered = 0;
  const timings = positions.map(({ line, column }) =>
    timed(() => {
      if (hover(source, line, column)) answered++;
    }),
  );
  const met = quantile(timings, 'cpuMs', 0.99) < HOVER_GOAL_MS;
  console.log(`  ${name} (${answered}/${HOVERS} hovers on a mention)\n    ${figures(timings, 3)}  ${met ? 'ok' : 'SLOWER THAN GOAL'}`);
  return met;
}

/** The `scan` command on one in-memory file, its JSON output discarded. */
function scan(text: string): void {
  const io = { out: () => undefined, err: () => undefined, readFile: () => text, realPath: (path: string) => path, cwd: '.' };
  runScan(['--json', 'doc.md'], { ...io, writeFile: () => undefined });
}

function timeRuns(run: () => void): Timing[] {
  for (let i = 0; i < 2; i++) run();
  return Array.from({ length: SCANS }, () => timed(run));
}

const designDoc = generateDocument({ lines: DOCUMENT_LINES });
const withoutBlankLines = designDoc.replace(/\n\n+/g, '\n');
const tableRows = Array.from({ length: DOCUMENT_LINES - 2 }, (_, i) => `| run ${i} | ${(i % 90) + 1}B | ${(i % 15) + 1}T |`);
const oneTable = ['| Model | Params | Tokens |', '|---|---|---|', ...tableRows].join('\n');
const megabyte = generateDocument({ bytes: SCAN_BYTES });

console.log(`Hover on ${DOCUMENT_LINES}-line documents, ${HOVERS} positions (goal: CPU p99 < ${HOVER_GOAL_MS} ms)`);
const hoversMet = [
  timeHovers('design doc: paragraphs, lists, tables, code', editorLines(designDoc)),
  timeHovers('no blank lines at all: one long paragraph', editorLines(withoutBlankLines)),
  timeHovers(`one ${DOCUMENT_LINES}-row table`, editorLines(oneTable)),
].every(Boolean);

console.log(
  `Scan of a 1 MB design doc, ${detectModelMentions(megabyte).length} mentions, median of ${SCANS} runs (goal: CPU median < ${SCAN_GOAL_MS} ms)`,
);
const scanTimings = timeRuns(() => scan(megabyte));
const scanMet = quantile(scanTimings, 'cpuMs', 0.5) < SCAN_GOAL_MS;
console.log(`  scan --json: ${figures(scanTimings, 1)}  ${scanMet ? 'ok' : 'SLOWER THAN GOAL'}`);
console.log(
  `  of which detection alone: ${figures(
    timeRuns(() => detectModelMentions(megabyte)),
    1,
  )}`,
);
console.log(hoversMet && scanMet ? 'verdict: both goals met' : 'verdict: a goal was missed');
