import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';

/**
 * Imports must point one way: core → charts → language → designDocs → notebook/editor → extension.ts.
 * markdownFormat (the .scaling file format) and rendererProtocol (kernel ↔ webview messages) import nothing
 * of the project, so every layer may use them.
 */
const SRC = resolve(__dirname, '..', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : name.endsWith('.ts') ? [path] : [];
  });
}

/** Each file's imports: module specifiers, with relative ones resolved to a path under src/. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((match) => {
    const specifier = match[1] ?? match[2];
    return specifier.startsWith('.') ? relative(SRC, resolve(dirname(file), specifier)) : specifier;
  });
}

const layerOf = (path: string) => (path.includes('/') ? path.split('/')[0] : path.replace(/\.ts$/, ''));

/** What each layer may import from the project (and whether it may import `vscode` or Node built-ins). */
const RULES: Record<string, { project: string[]; vscode: boolean; node: boolean }> = {
  core: { project: ['core'], vscode: false, node: false },
  markdownFormat: { project: ['markdownFormat'], vscode: false, node: false },
  rendererProtocol: { project: ['rendererProtocol'], vscode: false, node: false },
  charts: { project: ['core', 'charts'], vscode: false, node: false },
  language: { project: ['core', 'charts', 'language'], vscode: false, node: false },
  designDocs: { project: ['core', 'language', 'markdownFormat', 'designDocs'], vscode: false, node: false },
  notebook: { project: ['core', 'language', 'markdownFormat', 'rendererProtocol', 'notebook', 'report'], vscode: true, node: false },
  editor: { project: ['core', 'language', 'designDocs', 'markdownFormat', 'notebook', 'editor'], vscode: true, node: false },
  renderer: { project: ['renderer', 'core', 'charts', 'language', 'rendererProtocol'], vscode: false, node: false },
  // Reports draw charts with the renderer's theme, a pure module (no DOM), and nothing else of the renderer.
  report: { project: ['core', 'charts', 'language', 'markdownFormat', 'report', 'renderer/chartTheme'], vscode: false, node: false },
  cli: { project: ['core', 'charts', 'language', 'designDocs', 'markdownFormat', 'report', 'cli'], vscode: false, node: true },
  node: { project: ['core', 'language', 'node'], vscode: false, node: true },
  wiring: { project: ['core', 'language', 'designDocs', 'notebook', 'editor'], vscode: true, node: false },
  extension: { project: ['node', 'notebook', 'wiring'], vscode: true, node: false },
  'extension.web': { project: ['language', 'notebook', 'wiring'], vscode: true, node: false },
};

describe('architecture', () => {
  for (const file of sourceFiles(SRC)) {
    const path = relative(SRC, file);
    const layer = layerOf(path);
    it(`${path} imports only what its layer (${layer}) may`, () => {
      const rule = RULES[layer];
      assert.ok(rule, `no layer rule for ${path}`);
      for (const specifier of importsOf(file)) {
        if (specifier === 'vscode') assert.ok(rule.vscode, `${path} imports vscode`);
        else if (specifier.startsWith('node:') || ['fs', 'path', 'os', 'child_process', 'worker_threads'].includes(specifier))
          assert.ok(rule.node, `${path} imports ${specifier}`);
        else if (
          !specifier.startsWith('.') &&
          !/^(core|charts|language|designDocs|markdownFormat|rendererProtocol|notebook|editor|renderer|report|cli|node|wiring)\b/.test(
            specifier,
          ) &&
          !specifier.includes('/src/')
        )
          continue;
        else assert.ok(rule.project.includes(layerOf(specifier)) || rule.project.includes(specifier), `${path} imports ${specifier}`);
      }
    });
  }

  // The extension loads dist/report.js (vega, vega-lite) only when an export command runs: its own
  // files may name the report's types, but a value import would bundle vega into activation.
  for (const file of sourceFiles(SRC).filter((file) =>
    ['notebook', 'editor', 'wiring', 'extension', 'extension.web'].includes(layerOf(relative(SRC, file))),
  )) {
    it(`${relative(SRC, file)} imports the report code only as types`, () => {
      const text = readFileSync(file, 'utf8');
      const valueImports = [...text.matchAll(/(?:^|\n)\s*import\s+(?!type\s)[^'"]*?from\s+['"]([^'"]*\/report(?:\/[^'"]*)?)['"]/g)].map(
        (match) => match[1],
      );
      assert.deepEqual(valueImports, []);
    });
  }
});

/**
 * src/language/output formats what the evaluator (or core) computed: tables, notes, chart specs and
 * data. From src/core it may import types, formatters (`format…`, numbers as text; `describe…`, a
 * value in words) and named constants (SCREAMING_CASE, e.g. MUENNIGHOFF_2023_DECAY, whose figures
 * the notes cite); from src/charts types and the chart-spec builders (`…Chart`). Anything else — a
 * solver, a sweep, a fit, residuals — is computation in the wrong place.
 */
const OUTPUT_MAY_IMPORT: Record<'core' | 'charts', RegExp> = {
  core: /^(format[A-Z]\w*|describe[A-Z]\w*|[A-Z][A-Z0-9_]*)$/,
  charts: /^\w+Chart$/,
};

/** The names `text` imports as values from core or charts (type-only imports and `type X` bindings are left out). */
function computingImports(text: string, file: string): string[] {
  return [...text.matchAll(/(?:^|\n)\s*import\s+(type\s+)?([^'";]*?)\s+from\s+['"]([^'"]+)['"]/g)].flatMap(
    ([, typeOnly, bindings, specifier]) => {
      const layer = layerOf(relative(SRC, resolve(dirname(file), specifier))) as keyof typeof OUTPUT_MAY_IMPORT;
      if (typeOnly || !(layer in OUTPUT_MAY_IMPORT)) return [];
      const named = /^\{([^}]*)\}$/.exec(bindings.trim());
      if (!named) return [`${bindings.trim()} (not named imports) from ${layer}`];
      return named[1]
        .split(',')
        .map((binding) => binding.trim().split(/\s+as\s+/)[0])
        .filter((name) => name !== '' && !name.startsWith('type ') && !OUTPUT_MAY_IMPORT[layer].test(name))
        .map((name) => `${name} from ${layer}`);
    },
  );
}

describe('architecture: language/output only formats', () => {
  const output = join(SRC, 'language', 'output');

  it('the rule catches a payload builder that computes (as coveragePayload once called coverageCurve)', () => {
    const builder = join(output, 'coveragePayload.ts');
    const text =
      "import {\n  coverageCurve,\n  formatSignificant,\n  type SuccessRates,\n} from '../../core';\nimport { fitResiduals } from '../../charts';";
    assert.deepEqual(computingImports(text, builder), ['coverageCurve from core', 'fitResiduals from charts']);
    assert.deepEqual(
      computingImports("import type { Verdict } from '../../core';\nimport { RISE_LEVELS } from '../../core';", builder),
      [],
    );
  });

  for (const file of sourceFiles(output)) {
    it(`${relative(SRC, file)} imports from core and charts only types, formatters, constants and chart builders`, () => {
      assert.deepEqual(computingImports(readFileSync(file, 'utf8'), file), []);
    });
  }
});
