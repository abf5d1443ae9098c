import * as assert from 'node:assert/strict';
import { constrainedAllocation, findPresetLaw } from '../../src/core';
import { hoverAt } from '../../src/language/hoverContent';
import { payloadToText } from '../../src/language/output/payloadText';
import type { ModelChecksData } from '../../src/language/output/resultData';
import { assertDiagnostics, dataOf, evaluateLast, onlyResultData } from './helpers';

const muennighoff = findPresetLaw('muennighoff2023')!;
const models = 'law muennighoff2023\nmodel four params=8B tokens=2T unique=500B\nmodel forty params=8B tokens=2T unique=50B';

describe('language/evaluator/uniqueData', () => {
  describe('model … unique=', () => {
    it('shows epochs, effective tokens, the loss with repeats and the loss lost to them', () => {
      // Worked examples (core/dataConstrained tests): 4 epochs of 500B are worth 1.862837T and lose
      // 2.106780 − 2.105047 = 0.001733; 40 epochs of 50B are worth 758.373B and lose 0.035612.
      const [result] = evaluateLast(
        'law muennighoff2023',
        'model four params=8B tokens=2T unique=500B\nmodel forty params=8B tokens=2T unique=50B',
      ).results;
      const table = result.tables[0];
      assert.deepEqual(table.columns.slice(-5), ['unique', 'epochs', 'effective D', 'loss with repeats', 'lost to repeats']);
      assert.deepEqual(
        table.rows.map((row) => row.slice(-5)),
        [
          ['500B', '4', '1.86T', '2.1068', '+0.0017'],
          ['50B', '40', '758B', '2.1407', '+0.0356'],
        ],
      );
      const [four] = dataOf(result, 'model');
      assert.equal(four.epochs, 4);
      assert.ok(Math.abs(four.effectiveTokens! / 1.862837e12 - 1) < 1e-6);
      assert.ok(Math.abs(four.repetitionLoss! - 0.001733) < 1e-6);
      assert.match(result.notes[0], /R_D\* = 15\.39/);
    });

    it('keeps a model without unique= in its own table, with the usual columns', () => {
      const evaluation = evaluateLast(
        'model a params=1B tokens=20B\nmodel b params=1B tokens=20B unique=5B\nmodel c params=1B tokens=20B unique=10B',
      );
      assert.deepEqual(
        evaluation.results.map((result) => result.tables[0].rows.length),
        [1, 2],
      );
      assert.equal(evaluation.results[0].tables[0].columns.length, 7);
    });

    it('says R_D* and R_N* are borrowed under another law', () => {
      const [row] = onlyResultData('model four params=8B tokens=2T unique=500B');
      assert.equal(row.law, 'besiroglu2024');
      const notes = evaluateLast('model four params=8B tokens=2T unique=500B').results[0].notes;
      assert.match(notes[1], /under besiroglu2024 they are borrowed/);
    });

    it('allows arithmetic over the line: unique=tokens/4 is 4 epochs', () => {
      const [row] = onlyResultData('model m params=8B tokens=2T unique=tokens/4');
      assert.equal(row.epochs, 4);
    });
  });

  describe('check and compare', () => {
    it('check adds a table of the repeated models only, with the numbers in data', () => {
      const result = evaluateLast(models + '\nmodel fresh params=8B tokens=2T', 'check fresh, four, forty').results[0];
      const repetition = result.tables[1];
      assert.deepEqual(
        repetition.rows.map((row) => row[0]),
        ['four', 'forty'],
      );
      assert.deepEqual(
        repetition.rows.map((row) => row.slice(-2)),
        [
          ['2.1068', '+0.0017'],
          ['2.1407', '+0.0356'],
        ],
      );
      const data = dataOf(result, 'check') as ModelChecksData;
      assert.deepEqual(
        data.repetition!.map((row) => [row.name, row.epochs]),
        [
          ['four', 4],
          ['forty', 40],
        ],
      );
    });

    it('a mixture-of-experts model is judged on its active parameters, its total shown beside them', () => {
      const result = evaluateLast('model moe params=671B active=37B tokens=14.8T unique=4T', 'check moe').results[0];
      assert.equal(result.tables[1].rows[0][1], '671B (37B active)');
      const [repetition] = (dataOf(result, 'check') as ModelChecksData).repetition!;
      // 14.8T / 4T = 3.7 epochs; 37B is below the compute-optimal size for 4T tokens, so N′ = 37B.
      assert.equal(repetition.epochs, 3.7);
      assert.equal(repetition.effectiveParams, 37e9);
    });

    it('check of models trained on fresh data is unchanged', () => {
      assert.equal(evaluateLast('check gopher').results[0].tables.length, 1);
    });

    it('compare gives the loss with repeats and the loss lost to them under each law', () => {
      const result = evaluateLast(models, 'compare four, forty laws=muennighoff2023,epoch').results[0];
      const table = result.tables[1];
      assert.deepEqual(table.columns, ['model', 'unique', 'epochs', 'effective D', 'muennighoff2023', 'besiroglu2024']);
      assert.deepEqual(table.rows[0].slice(0, 5), ['four', '500B', '4', '1.86T', '2.1068 (+0.0017)']);
      assert.ok(result.notes.some((note) => /under besiroglu2024 they are borrowed/.test(note)));
    });
  });

  describe('optimal … unique=', () => {
    it('finds the best model with capped unique data beside the unconstrained optimum', () => {
      const data = onlyResultData('law muennighoff2023\nbudget run compute=1e24', 'optimal run unique=500B');
      const expected = constrainedAllocation(muennighoff, 1e24, 500e9);
      assert.equal(data.best.params, expected.best.params);
      assert.equal(data.best.epochs, expected.best.epochs);
      assert.equal(data.unconstrained.params, expected.unconstrained.params);
      assert.equal(data.capBinds, true);
    });

    it("reproduces the paper's allocation: 8.67B × 178B of compute on 25B unique → 6.8B parameters, 9.1 epochs", () => {
      // huggingface/datablations README: 227B tokens, 9.1 epochs, 6.8B parameters.
      const result = evaluateLast('law muennighoff2023', 'optimal compute=6*8.67B*178B unique=25B').results[0];
      assert.match(result.tables[0].rows[0].join(' '), /^best with 25B unique 6\.8B 227B .* 25B 9\.07 /);
      assert.match(result.notes[0], /cannot feed the compute-optimal run/);
    });

    it('says when the cap does not bind', () => {
      const result = evaluateLast('optimal compute=1e21 unique=1T').results[0];
      assert.match(result.notes[0], /cover the compute-optimal run .*: the cap does not bind/);
    });

    it("works for a model name and keeps a budget's hardware table", () => {
      // Chinchilla's reported budget, the same as Gopher's (Hoffmann et al. 2022, abstract).
      assert.equal(onlyResultData('optimal chinchilla unique=300B').compute, 5.76e23);
      const result = evaluateLast('budget cluster gpus=1024 gpu=H100 days=30 mfu=40%', 'optimal cluster unique=1T').results[0];
      assert.equal(result.tables.length, 2);
      assert.match(payloadToText(result), /1024 × H100/);
    });
  });

  describe('hover', () => {
    it('a model with unique= shows its epochs and the loss lost to repetition', () => {
      const cells = [models, 'check four'];
      const markdown = hoverAt(cells, 1, { line: 0, column: 7 })!.markdown;
      assert.match(markdown, /\| epochs \| \*\*4\*\* over 500B unique tokens, worth 1\.86T fresh ones \|/);
      assert.match(markdown, /\*\*\+0\.0017\*\* lost to repetition/);
    });

    it('a model on fresh data shows no repetition rows', () => {
      assert.doesNotMatch(hoverAt(['check gopher'], 0, { line: 0, column: 7 })!.markdown, /epochs/);
    });
  });

  describe('bad input is a located error', () => {
    for (const [input, code] of [
      ['model m params=8B tokens=160B unique=0', 'invalid-value'],
      ['model m params=8B tokens=160B unique=40%', 'invalid-value'],
      ['model m params=8B tokens=160B unique=1B unique=2B', 'duplicate-property'],
      ['model m params=8B tokens=160B uniq=1B', 'unknown-property'],
      ['optimal loss=2 unique=1T', 'invalid-value'],
      ['optimal params=8B unique=1T', 'invalid-value'],
      ['optimal unique=1T', 'syntax'],
      ['optimal compute=1e24 unique=-1T', 'invalid-value'],
    ] as const) {
      it(`"${input}" → ${code}`, () => {
        assertDiagnostics(input, code);
      });
    }
  });
});
