import * as assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import type { ResultPayload } from '../../src/language/output/resultPayload';
import { diskIo, memoryIo } from './memoryIo';

const ROOT = join(__dirname, '..', '..');
const exampleFiles = readdirSync(join(ROOT, 'examples')).filter((name) => name.endsWith('.scaling'));

async function runOnDisk(...argv: string[]) {
  const io = diskIo(ROOT);
  const status = await main(argv, io);
  return { status, out: io.stdout.join('\n'), err: io.stderr.join('\n'), written: io.written };
}

/** Vega-Lite mark types in a spec (every layer), as the SVG group classes Vega draws them with. */
function vegaMarkClasses(spec: unknown): Set<string> {
  const vegaName: Record<string, string> = { point: 'symbol', circle: 'symbol', square: 'symbol', bar: 'rect', tick: 'rect' };
  const found = new Set<string>();
  const visit = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      const { mark } = node as { mark?: unknown };
      const type = typeof mark === 'string' ? mark : (mark as { type?: string } | undefined)?.type;
      if (type) found.add(vegaName[type] ?? type);
      Object.values(node).forEach(visit);
    }
  };
  visit(spec);
  return found;
}

const inlineSvgs = (html: string) => [...html.matchAll(/<svg[\s\S]*?<\/svg>/g)].map((match) => match[0]);
const escaped = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

describe('cli run --format html and --format markdown --charts', () => {
  for (const name of exampleFiles) {
    it(`examples/${name}: one inline SVG per chart, with its marks drawn, the tables' numbers and no script`, async () => {
      const json = await runOnDisk('run', `examples/${name}`, '--format', 'json');
      const results: ResultPayload[] = JSON.parse(json.out).cells.flatMap((cell: { results: ResultPayload[] }) => cell.results);
      const html = await runOnDisk('run', `examples/${name}`, '--format', 'html', '--out', 'report.html');
      assert.equal(html.status, 0, html.err);
      assert.equal(html.out, '', 'the report goes to --out, not stdout');
      const text = html.written.get('report.html')!;
      assert.ok(text.startsWith('<!DOCTYPE html>'));
      assert.doesNotMatch(text, /<script/i);
      assert.doesNotMatch(text, /\s(src|href)="(https?:)?\/\//, 'no external resource');
      const charts = results.filter((result) => result.chart);
      const svgs = inlineSvgs(text);
      assert.equal(svgs.length, charts.length);
      charts.forEach((result, index) => {
        const svg = svgs[index];
        for (const mark of vegaMarkClasses(result.chart!.spec))
          assert.match(svg, new RegExp(`class="mark-${mark}\\b`), `${result.title}: ${mark} marks`);
        assert.match(
          svg,
          /class="mark-(line|symbol|rect|area)\b[^"]*"[^>]*><path[^>]*\sd="M[\d.-]/,
          `${result.title}: a drawn line, point, bar or area`,
        );
      });
      for (const result of results) {
        for (const table of result.tables)
          for (const cell of [...table.columns, ...table.rows.flat()])
            assert.ok(text.includes(escaped(cell)), `${result.title}: "${cell}"`);
      }
    });
  }

  it('writes Markdown whose images link to the SVG files written in --charts, relative to the --out file', async () => {
    const { status, written } = await runOnDisk(
      'run',
      'examples/plan-a-training-run.scaling',
      '--format',
      'markdown',
      '--out',
      'reports/plan.md',
      '--charts',
      'reports/charts',
    );
    assert.equal(status, 0);
    const markdown = written.get('reports/plan.md')!;
    const links = [...markdown.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((match) => match[1]);
    assert.equal(links.length, 2, 'the example has two plots');
    for (const link of links) {
      assert.match(link, /^charts\/[a-z0-9.-]+\.svg$/);
      assert.match(written.get(`reports/${link}`) ?? '', /^<svg[\s\S]*class="mark-line/);
    }
    assert.doesNotMatch(markdown, /Vega-Lite spec/, 'charts are pictures, not folded specs');
  });

  it('links charts relative to the working directory when the Markdown goes to stdout', async () => {
    const { out, written } = await runOnDisk(
      'run',
      'examples/plan-a-training-run.scaling',
      '--format',
      'markdown',
      '--charts',
      'out/my charts',
    );
    const link = /!\[[^\]]*\]\(([^)]+)\)/.exec(out)![1];
    assert.match(link, /^out\/my%20charts\/[a-z0-9.-]+\.svg$/);
    assert.ok(written.has(`out/my charts/${decodeURIComponent(link.slice('out/my%20charts/'.length))}`));
  });

  it('draws dark charts on a dark page with --theme dark, light ones by default', async () => {
    const light = (await runOnDisk('run', 'examples/is-my-model-undertrained.scaling', '--format', 'html')).out;
    const dark = (await runOnDisk('run', 'examples/is-my-model-undertrained.scaling', '--format', 'html', '--theme', 'dark')).out;
    // Backgrounds of VS Code's Light Modern and Dark Modern themes; blue is charts.blue of each (the first series colour).
    assert.match(inlineSvgs(light)[0], /^<svg[^>]*><rect[^>]*fill="#ffffff"/);
    assert.match(inlineSvgs(dark)[0], /^<svg[^>]*><rect[^>]*fill="#1f1f1f"/);
    assert.match(light, /body \{[^}]*background: #ffffff/);
    assert.match(dark, /body \{[^}]*background: #1f1f1f/);
    assert.match(dark, /<meta name="color-scheme" content="dark">/);
  });

  it('escapes hostile text from Markdown cells and CSV headers; Markdown images become links', async () => {
    const notebook = [
      '# Plan <script>alert(1)</script>',
      '',
      'Text <img src=x onerror=alert(2)> [a](javascript:alert(3)) ![pic](https://example.com/x.png)',
      '',
      '```scaling',
      'data runs from "runs.csv"',
      'fit runs',
      '```',
    ].join('\n');
    // A Chinchilla-shaped ladder (Hoffmann et al. 2022, Eq. 10 constants) so the fit converges.
    const loss = (n: number, d: number) => (1.69 + 406.4 / n ** 0.34 + 410.7 / d ** 0.28).toFixed(4);
    const sizes = [4e7, 8e7, 1.6e8, 3.2e8].flatMap((n) => [1e9, 2e9, 4e9].map((d) => [n, d]));
    const csv = ['params,tokens,loss,<img src=x onerror=alert(4)>|**x**', ...sizes.map(([n, d]) => `${n},${d},${loss(n, d)},1`)].join('\n');
    const files = { 'nb.scaling': notebook, '/work/runs.csv': csv };
    const html = memoryIo(files);
    assert.equal(await main(['run', 'nb.scaling', '--format', 'html'], html), 0, html.stderr.join('\n'));
    const page = html.stdout.join('\n');
    assert.doesNotMatch(page, /<script|<img|href="javascript/i);
    assert.match(page, /<a class="image-link" href="https:\/\/example\.com\/x\.png">pic<\/a>/, 'an image is a link, never loaded');
    assert.match(page, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.match(page, /&lt;img src=x onerror=alert\(2\)&gt;/);
    assert.match(page, /&lt;img src=x onerror=alert\(4\)&gt;\|\*\*x\*\*/);
    const markdown = memoryIo(files);
    await main(['run', 'nb.scaling', '--format', 'markdown'], markdown);
    assert.match(markdown.stdout.join('\n'), /&lt;img src=x onerror=alert\(4\)&gt;\\\|\\\*\\\*x\\\*\\\*/);
  });

  it('counts the charts on the progress line when stderr is a terminal, then clears it; nothing otherwise', async () => {
    const terminal = {
      ...diskIo(ROOT),
      progress: (done: number, total: number, phase: string) => void lines.push(`${phase} ${done}/${total}`),
    };
    const lines: string[] = [];
    assert.equal(await main(['run', 'examples/plan-a-training-run.scaling', '--format', 'html', '--out', 'r.html'], terminal), 0);
    assert.deepEqual(lines, [
      'examples/plan-a-training-run.scaling: drawing charts 1/2',
      'examples/plan-a-training-run.scaling: drawing charts 2/2',
    ]);
    assert.equal(terminal.stderr.length, 0);
    const log = await runOnDisk('run', 'examples/plan-a-training-run.scaling', '--format', 'html', '--out', 'r.html');
    assert.equal(log.err, '', 'no progress where stderr is a log');
  });

  it('writes any format to --out instead of stdout', async () => {
    const { out, written } = await runOnDisk('run', 'examples/is-my-model-undertrained.scaling', '--format', 'json', '--out', 'r.json');
    assert.equal(out, '');
    assert.equal(JSON.parse(written.get('r.json')!).ok, true);
  });

  it('refuses --charts without --format markdown, an unknown theme, and --theme where nothing is drawn', async () => {
    const refusals: Array<[string[], RegExp]> = [
      [['--format', 'html', '--charts', 'c'], /--charts: only with --format markdown/],
      [['--format', 'html', '--theme', 'sepia'], /--theme: expected light or dark, got "sepia"/],
      [['--format', 'markdown', '--theme', 'dark'], /--theme: only for charts/],
    ];
    for (const [options, message] of refusals) {
      const io = memoryIo({ nb: '```scaling\nlaw epoch\n```' });
      assert.equal(await main(['run', 'nb', ...options], io), 2);
      assert.match(io.stderr.join('\n'), message);
    }
  });
});
