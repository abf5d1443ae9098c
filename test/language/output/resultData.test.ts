import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../../src/cli/main';
import { evaluateNotebook } from '../../../src/language/evaluator/evaluateNotebook';
import { RESULT_KINDS, type ResultKind } from '../../../src/language/output/resultPayload';
import { diskIo } from '../../cli/memoryIo';

/**
 * docs/json.md lists, per result kind, the top-level keys of each shape its `data` takes. Every
 * kind must have a section, every result of the examples (and of a few cells for what they lack)
 * must have the keys of one of its kind's shapes, and every shape must be produced by one of them:
 * a key renamed, dropped or added in a builder, or a shape the docs forget, fails here.
 */
const ROOT = join(__dirname, '..', '..', '..');

interface Shape {
  readonly kind: string;
  readonly name: string;
  readonly required: readonly string[];
  readonly optional: readonly string[];
}

/** The shapes of docs/json.md: under `## \`kind\``, one table row per shape, its keys in backticks (`key`? when optional). */
function documentedShapes(markdown: string): Shape[] {
  return markdown.split(/^## /m).flatMap((section) => {
    const kind = /^`([\w-]+)`/.exec(section)?.[1];
    if (!kind) return [];
    return section
      .split('\n')
      .filter((line) => line.startsWith('| ') && !/^\| (result|---) \|/.test(line))
      .map((row) => {
        const [name, keys] = row.replace(/^\| | \|$/g, '').split(' | ');
        const found = [...keys.matchAll(/`(\w+)`(\?)?/g)];
        return {
          kind,
          name,
          required: found.filter((match) => !match[2]).map((match) => match[1]),
          optional: found.filter((match) => match[2]).map((match) => match[1]),
        };
      });
  });
}

/**
 * The shapes whose keys `data` has: all the required ones, and no key that is not documented. (A
 * Chinchilla fit without bootstrap and a mixture fit share their top-level keys.)
 */
function shapesOf(shapes: readonly Shape[], kind: string, data: object): Shape[] {
  const keys = Object.keys(data);
  return shapes.filter(
    (shape) =>
      shape.kind === kind &&
      shape.required.every((key) => keys.includes(key)) &&
      keys.every((key) => shape.required.includes(key) || shape.optional.includes(key)),
  );
}

/** Results of kinds, and keys, the examples do not produce: returns, and a comparison with repeated data. */
const EXTRA_CELLS = ['returns compute=1e20..1e23', 'model four params=8B tokens=2T unique=500B\ncompare four, chinchilla'];

async function exampleResults(): Promise<Array<{ kind: ResultKind; data: unknown; where: string }>> {
  const files = readdirSync(join(ROOT, 'examples')).filter((name) => name.endsWith('.scaling'));
  const results = [];
  for (const file of files) {
    const io = diskIo(ROOT);
    assert.equal(await main(['run', `examples/${file}`, '--format', 'json'], io), 0, file);
    const report = JSON.parse(io.stdout.join('\n')) as { cells: Array<{ results: Array<{ kind: ResultKind; data: unknown }> }> };
    results.push(...report.cells.flatMap((cell) => cell.results.map((result) => ({ ...result, where: file }))));
  }
  const cells = evaluateNotebook(EXTRA_CELLS).flatMap((evaluation) => evaluation.results);
  return [...results, ...cells.map((result) => ({ kind: result.kind, data: result.data, where: 'a cell' }))];
}

describe('language/output/resultData: the documented JSON of each kind', () => {
  const shapes = documentedShapes(readFileSync(join(ROOT, 'docs', 'json.md'), 'utf8'));

  it('docs/json.md has a section for every kind, and no other', () => {
    assert.deepEqual([...new Set(shapes.map((shape) => shape.kind))].sort(), [...RESULT_KINDS].sort());
    for (const shape of shapes) assert.ok(shape.required.length > 0, `${shape.kind}: ${shape.name} lists keys`);
  });

  it('every result of the examples has the keys of a documented shape, and every documented key is produced', async function () {
    this.timeout(60000);
    const keysSeen = new Map<Shape, Set<string>>(shapes.map((shape) => [shape, new Set()]));
    for (const { kind, data, where } of await exampleResults()) {
      // model and budget results list one entry per declaration.
      for (const entry of Array.isArray(data) ? data : [data]) {
        const matching = shapesOf(shapes, kind, entry as object);
        assert.ok(
          matching.length > 0,
          `${where}: a ${kind} result with keys ${Object.keys(entry as object).join(', ')} matches no shape of docs/json.md`,
        );
        for (const shape of matching) Object.keys(entry as object).forEach((key) => keysSeen.get(shape)!.add(key));
      }
    }
    const unseen = shapes.flatMap((shape) =>
      [...shape.required, ...shape.optional]
        .filter((key) => !keysSeen.get(shape)!.has(key))
        .map((key) => `${shape.kind}: ${shape.name}: ${key}`),
    );
    assert.deepEqual(unseen, [], 'documented keys no result has');
  });

  it('the parser reads optional keys and refuses undocumented ones', () => {
    const [shape] = documentedShapes(
      '## `budget`\n\n| result | keys |\n| --- | --- |\n| x | `name`, `compute` (FLOP), `cost`? (dollars) |\n',
    );
    assert.deepEqual([shape.required, shape.optional], [['name', 'compute'], ['cost']]);
    assert.deepEqual(shapesOf([shape], 'budget', { name: 'a', compute: 1 }), [shape]);
    assert.deepEqual(shapesOf([shape], 'budget', { name: 'a', compute: 1, cost: 2, hours: 3 }), []);
    assert.deepEqual(shapesOf([shape], 'budget', { name: 'a' }), []);
  });
});
