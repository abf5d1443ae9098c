import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { transformSync } from 'esbuild';
import * as core from '../../src/core';

/**
 * Runs the `@example` lines of src/core: `@example EXPRESSION // RESULT` must evaluate to RESULT
 * (`≈ 7.3e10` within the precision written; `e.g.` and prose after the result are not compared);
 * an example without a result must run. Examples that use a name the module does not define
 * (`runs`, `law`: a reader's own data) cannot run alone and are counted, not run.
 */
const CORE = join(__dirname, '..', '..', 'src', 'core');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : name.endsWith('.ts') ? [path] : [];
  });
}

interface Example {
  readonly file: string;
  readonly line: number;
  readonly expression: string;
  readonly result?: string;
}

function examplesOf(file: string): Example[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((text, index) => {
      const match = /^\s*\*\s*@example\s+(.+)$/.exec(text);
      if (!match) return [];
      const [expression, result] = match[1].split(/\s+\/\/\s*/, 2);
      return [
        {
          file,
          line: index + 1,
          expression: expression.replace(/^const (\w+) = ([^;]+); /, '(($1) => ').trim(),
          ...(result ? { result } : {}),
        },
      ].map((example) =>
        /^const /.test(match[1]) ? { ...example, expression: rewriteConst(match[1].split(/\s+\/\/\s*/, 2)[0]) } : example,
      );
    });
}

/** `const random = seededRandom(42); random()` → an expression with the same value. */
function rewriteConst(text: string): string {
  const [, name, value, rest] = /^const (\w+) = ([^;]+);\s*(.+)$/.exec(text)!;
  return `((${name}) => ${rest})(${value})`;
}

/** The number a comment states after `≈` or `=` (`2^0.243 ≈ 1.18`), compared to its last written digit. */
function approximately(text: string): { value: number; tolerance: number } {
  const [mantissa] = text.split('e');
  const decimals = mantissa.includes('.') ? mantissa.split('.')[1].length : 0;
  // Doubles carry about 16 digits: no comparison is closer than that.
  return { value: Number(text), tolerance: Math.max(1e-14, (0.5 * 10 ** -decimals) / Math.abs(Number(mantissa))) };
}

/** The value a result comment states, and how closely to compare; undefined when it states none (`e.g.`, prose). */
function expected(result: string): { value: unknown; tolerance?: number } | undefined {
  if (/^e\.g\./.test(result)) return undefined;
  const literal = /^((?:-?[\d.]+(?:e[+-]?\d+)?)|'(?:[^'\\]|\\.)*'|\[[^≈]*\]|\{[^≈]*\}|true|false)(?:\s*[:(].*)?$/.exec(result);
  // A formula written with ^ is prose (^ is XOR in JavaScript): not compared.
  if (literal && !literal[1].includes('^')) return { value: new Function(`return (${literal[1]});`)() };
  const stated = /^≈\s*(-?\d[\d.]*(?:e[+-]?\d+)?)|^[^{[]*?≈\s*(-?\d[\d.]*(?:e[+-]?\d+)?)\s*$/.exec(result);
  return stated ? approximately(stated[1] ?? stated[2]) : undefined;
}

/** Deep equality with numbers equal to 12 significant digits (0.3 × 0.4 is 0.12 here). */
function assertClose(actual: unknown, wanted: unknown, path = 'value'): void {
  if (typeof wanted === 'number') {
    assert.ok(
      typeof actual === 'number' && Math.abs(actual - wanted) <= 1e-12 * Math.max(1, Math.abs(wanted)),
      `${path}: ${String(actual)} is not ${wanted}`,
    );
  } else if (wanted && typeof wanted === 'object') {
    assert.ok(actual && typeof actual === 'object', `${path}: ${String(actual)} is not an object`);
    const keys = Object.keys(wanted);
    if (Array.isArray(wanted)) assert.equal((actual as unknown[]).length, wanted.length, `${path}: length`);
    for (const key of keys)
      assertClose((actual as Record<string, unknown>)[key], (wanted as Record<string, unknown>)[key], `${path}.${key}`);
  } else {
    assert.deepEqual(actual, wanted, path);
  }
}

const examples = sourceFiles(CORE).flatMap(examplesOf);
/** Evaluates an example with everything core exports and everything its own module exports in scope. */
function evaluate(example: Example): unknown {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const scope: Record<string, unknown> = { ...core, ...(require(example.file) as Record<string, unknown>) };
  const names = Object.keys(scope);
  // Examples are TypeScript (`findPresetLaw('epoch')!`): esbuild, which builds the extension, strips the types.
  const javascript = transformSync(`(${example.expression})`, { loader: 'ts' }).code.replace(/;\s*$/, '');
  return new Function(...names, `return ${javascript};`)(...names.map((name) => scope[name]));
}

describe('core: @example lines', () => {
  let needsData = 0;
  for (const example of examples) {
    it(`${relative(CORE, example.file)}:${example.line} ${example.expression.slice(0, 70)}`, function () {
      let value: unknown;
      try {
        value = evaluate(example);
      } catch (error) {
        if (error instanceof ReferenceError || error instanceof SyntaxError) {
          needsData++;
          this.skip();
        }
        throw error;
      }
      const want = example.result === undefined ? undefined : expected(example.result);
      if (!want) return;
      if (want.tolerance !== undefined) {
        assert.ok(Math.abs((value as number) / (want.value as number) - 1) <= want.tolerance, `${String(value)} is not ${example.result}`);
      } else {
        assertClose(value instanceof Uint32Array ? [...value] : value, want.value);
      }
    });
  }

  it('most examples run on their own', () => {
    assert.ok(needsData < examples.length / 3, `${needsData} of ${examples.length} examples need data of their own`);
  });
});
