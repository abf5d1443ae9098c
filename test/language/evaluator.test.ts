import * as assert from 'node:assert/strict';
import { assessModel, computeOptimalAllocation, findPresetLaw, hardwareBudget } from '../../src/core';
import { evaluateNotebook } from '../../src/language/evaluator/evaluateNotebook';
import { assertDiagnostics, dataOf, evaluateLast, onlyResultData } from './helpers';

const epoch = findPresetLaw('epoch')!;

describe('language/evaluator', () => {
  describe('declarations', () => {
    it('declares a model and summarises it under the active law', () => {
      const [row] = onlyResultData('model chinchilla params=70B tokens=1.4T');
      assert.equal(row.params, 70e9);
      assert.equal(row.compute, 6 * 70e9 * 1.4e12);
      assert.equal(row.verdict, 'near compute-optimal');
      assert.equal(row.law, 'besiroglu2024');
    });

    it('evaluates arithmetic over the same line: tokens=20*params', () => {
      const [row] = onlyResultData('model next params=20B tokens=20*params');
      assert.equal(row.tokens, 400e9);
    });

    it('shows consecutive model lines as one table', () => {
      const evaluation = evaluateLast('model a params=1B tokens=20B\nmodel b params=2B tokens=40B');
      assert.equal(evaluation.results.length, 1);
      assert.equal(evaluation.results[0].tables[0].rows.length, 2);
    });

    it('declares a GPU budget: FLOPs, GPU-hours and cost from the hardware catalog', () => {
      const [row] = onlyResultData('budget cluster gpus=2048 gpu=H100 days=60 mfu=40% price=$2.50/h');
      const expected = hardwareBudget({ accelerators: 2048, accelerator: 'H100', hours: 60 * 24, mfu: 0.4, pricePerHour: 2.5 });
      assert.equal(row.compute, expected.compute);
      assert.equal(row.acceleratorHours, 2048 * 1440);
      assert.equal(row.cost, 2048 * 1440 * 2.5);
    });

    it('switches the active law, and declares custom laws', () => {
      const [law] = evaluateLast('law mine E=1.69 A=406.4 B=410.7 alpha=0.34 beta=0.28\ncheck chinchilla').results.slice(-1);
      assert.equal((law.data as { law: string }).law, 'mine');
      const data = onlyResultData('law kaplan', 'check chinchilla');
      assert.equal(data.law, 'kaplan2020');
    });
  });

  describe('queries', () => {
    it("optimal BUDGET gives the active law's closed-form optimum and the other laws beside it", () => {
      const data = onlyResultData('budget b compute=5.76e23', 'optimal b');
      const expected = computeOptimalAllocation(epoch, 5.76e23);
      assert.equal(data.params, expected.params);
      assert.equal(data.tokens, expected.tokens);
      assert.deepEqual(
        data.otherLaws.map((other: { law: string }) => other.law),
        ['hoffmann2022', 'hoffmann2022-precise', 'kaplan2020', 'muennighoff2023'],
      );
    });

    it('optimal accepts compute=, loss= and params= and a model name', () => {
      assert.equal(onlyResultData('optimal compute=1e24').compute, 1e24);
      assert.ok(Math.abs(onlyResultData('optimal loss=2.0').loss - 2.0) < 1e-9);
      assert.ok(Math.abs(onlyResultData('optimal params=70B').params / 70e9 - 1) < 1e-9);
      assert.equal(onlyResultData('optimal gopher').compute, 5.76e23); // Gopher's reported compute (Hoffmann et al. 2022, Sec. 3)
    });

    it('check gives the core verdicts, catalog models included', () => {
      const data = onlyResultData('model chinchilla params=70B tokens=1.4T', 'check gopher, chinchilla, llama-3-8b');
      assert.deepEqual(
        data.models.map((model: { label: string }) => model.label),
        ['undertrained', 'near compute-optimal', 'overtrained'],
      );
      assert.equal(data.models[0].loss, assessModel(epoch, { params: 280e9, tokens: 300e9 }).loss);
    });

    it('check law= answers under another law for that line only', () => {
      assert.equal(onlyResultData('check chinchilla law=chinchilla').law, 'hoffmann2022');
    });

    it('compare shows every law and says where they disagree', () => {
      const evaluation = evaluateLast('compare gopher, chinchilla');
      const [result] = evaluation.results;
      assert.deepEqual(dataOf(result, 'compare').laws, [
        'besiroglu2024',
        'hoffmann2022',
        'hoffmann2022-precise',
        'kaplan2020',
        'muennighoff2023',
      ]);
      assert.ok(result.notes.some((note) => /disagree about chinchilla/.test(note)));
    });

    it('uses active parameters for mixture-of-experts models', () => {
      const data = onlyResultData('model dsv3 params=671B active=37B tokens=14.8T', 'check dsv3');
      assert.equal(data.models[0].compute, 6 * 37e9 * 14.8e12);
    });
  });

  describe('scoping', () => {
    it('cells see the names declared above them, not below', () => {
      const evaluations = evaluateNotebook(['check mine', 'model mine params=1B tokens=20B', 'check mine']);
      assert.equal(evaluations[0].diagnostics[0].code, 'unknown-name');
      assert.equal(evaluations[2].ok, true);
    });

    it('redeclaring is an error naming both places', () => {
      const evaluation = assertDiagnostics(['model a params=1B tokens=20B', 'model a params=2B tokens=40B'], 'redeclared');
      const [diagnostic] = evaluation.diagnostics;
      assert.match(diagnostic.message, /already declared \(model, cell 1, line 1\)/);
      assert.deepEqual(diagnostic.related?.cellIndex, 0);
    });

    it("evaluating up to a cell runs only that cell's queries", () => {
      const evaluations = evaluateNotebook(['model a params=1B tokens=20B\ncheck a', 'check a'], { upTo: 1 });
      assert.equal(evaluations[0].results.length, 1);
      assert.equal(evaluations[1].results.length, 1);
    });
  });

  describe('errors are located and never stop other lines', () => {
    it('a bad line leaves the good lines evaluated', () => {
      const evaluation = evaluateLast('model a params=1B tokens=20B\nmodel b params=-1B tokens=1T\ncheck a');
      assert.equal(evaluation.ok, false);
      assert.deepEqual(
        evaluation.results.map((result) => result.kind),
        ['model', 'check'],
      );
      assert.equal(evaluation.diagnostics[0].span.line, 1);
    });

    it('unknown names come with a suggestion', () => {
      const [diagnostic] = assertDiagnostics('check chinchila', 'unknown-name').diagnostics;
      assert.equal(diagnostic.hint, 'did you mean "chinchilla"?');
    });

    for (const [input, code] of [
      ['model m params=0 tokens=1T', 'invalid-value'],
      ['model m params=7B', 'missing-property'],
      ['model m params=7B tokens=1T active=8B', 'invalid-value'],
      ['model m params=7B tokens=1T size=3', 'unknown-property'],
      ['model m params=7B tokens=1T params=8B', 'duplicate-property'],
      ['model m params=7B tokens=2*size', 'unknown-name'],
      ['model m params=40% tokens=1T', 'invalid-value'],
      ['budget b gpus=8 gpu=H100 days=1 mfu=140%', 'invalid-value'],
      ['budget b gpus=8 gpu=X9 days=1 mfu=40%', 'invalid-value'],
      ['budget b gpus=8 gpu=H100 mfu=40%', 'missing-property'],
      ['budget b compute=1e24 gpus=8', 'invalid-value'],
      ['law nope', 'unknown-name'],
      ['law mine E=1 A=1 B=1 alpha=1', 'missing-property'],
      ['optimal', 'syntax'],
      ['optimal loss=1.5', 'invalid-value'],
      ['plot nonsense', 'unknown-name'],
      ['plot frontier compute=1e26..1e18', 'invalid-value'],
      ['check', 'syntax'],
      ['model', 'syntax'],
    ] as const) {
      it(`"${input}" → ${code}`, () => {
        assertDiagnostics(input, code);
      });
    }

    it('hints when a declared model is far from optimal', () => {
      const [hint] = assertDiagnostics('model gopher params=280B tokens=300B', 'far-from-optimal').diagnostics;
      assert.equal(hint.severity, 'information');
      assert.match(hint.message, /undertrained/);
    });
  });
});

describe('language/evaluator: stray words', () => {
  it('a suffix split from its number is an error with the fix, not 70 parameters', () => {
    const [diagnostic] = assertDiagnostics('model d params=70 B tokens=1.4T', 'syntax').diagnostics;
    assert.equal(diagnostic.hint, 'write the number and its suffix together: 70B');
    assert.deepEqual(diagnostic.span, { line: 0, start: 18, end: 19 });
  });

  it('words after a statement that takes none are reported at the first of them', () => {
    assert.match(assertDiagnostics('law epoch chinchilla', 'syntax').diagnostics[0].message, /unexpected "chinchilla" after law epoch/);
  });
});

describe('language/evaluator: names shared by a model and a preset law', () => {
  it('law=chinchilla still means the preset after model chinchilla is declared', () => {
    const data = onlyResultData('model chinchilla params=70B tokens=1.4T', 'check chinchilla law=chinchilla');
    assert.equal(data.law, 'hoffmann2022');
  });
});

describe('language/evaluator: a budget on an accelerator the catalog lacks', () => {
  it('uses peak= for its FLOP/s', () => {
    const [row] = onlyResultData('budget b gpus=8 gpu=H800 peak=989T days=1 mfu=50%');
    assert.equal(row.compute, 8 * 24 * 3600 * 989e12 * 0.5);
  });
});
