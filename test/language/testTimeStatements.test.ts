import * as assert from 'node:assert/strict';
import { bestTournament } from '../../src/core';
import { completionsAt } from '../../src/language/completionItems';
import { hoverAt } from '../../src/language/hoverContent';
import { payloadToMarkdown } from '../../src/language/output/payloadText';
import { assertDiagnostics, evaluateLast, onlyResultData } from './helpers';

describe('language: coverage and tournament statements', () => {
  describe('coverage', () => {
    it('Beta(1, 1) rates: coverage k/(k + 1), 9 samples for 90%', () => {
      const data = onlyResultData('coverage beta=1,1 samples=1..100 target=90%');
      assert.deepEqual(data.rates, { kind: 'beta', a: 1, b: 1 });
      assert.deepEqual(
        data.points.map((point: { samples: number }) => point.samples),
        [1, 10, 100],
      );
      assert.ok(Math.abs(data.points[1].coverage - 10 / 11) < 1e-14); // k = 10: 10/11
      assert.equal(data.samplesForTarget, 9); // k/(k + 1) ≥ 0.9 ⇔ k ≥ 9
      assert.ok(Math.abs(data.asymptote.exponent - 1) < 1e-15);
    });

    it('one rate: 45 samples for 90% at p = 5%, and no power law', () => {
      // ln 0.1/ln 0.95 = 44.89 → 45
      const data = onlyResultData('coverage p=5% target=90%');
      assert.deepEqual(data.rates, { kind: 'single', p: 0.05 });
      assert.deepEqual(data.samples, [1, 10000]);
      assert.equal(data.samplesForTarget, 45);
      assert.equal(data.powerLaw, undefined);
    });

    it('shows the coverage table, the samples needed, the fitted exponents and a chart', () => {
      const [result] = evaluateLast('coverage beta=0.3,3 samples=1..10000 target=90%').results;
      assert.equal(result.kind, 'coverage');
      assert.equal(result.chart?.fileName, 'coverage-beta-0.3-3');
      const markdown = payloadToMarkdown(result);
      // 1 − B(0.3, 3 + k)/B(0.3, 3) is 1 − 0.0999990 = 90.0001% at k = 5,737 and 1 − 0.1000043 = 89.9996% at 5,736;
      // spread evenly at p̄ = 0.3/3.3, ⌈ln 0.1/ln(1 − 0.0909)⌉ = ⌈24.2⌉ = 25 samples would do.
      assert.match(markdown, /\| 90% \| 5,737 \| 90\.0001% \| 89\.9996% \| 25 \|/);
      assert.match(markdown, /\| large k \| ∞ \| 0\.3 \| 1\.342 \| — \|/);
      assert.ok(result.notes.some((note) => /slope −a/.test(note)));
    });

    for (const [input, code] of [
      ['coverage', 'missing-property'],
      ['coverage p=5% beta=1,1', 'invalid-value'],
      ['coverage beta=1', 'invalid-value'],
      ['coverage beta=1,0.5,2', 'invalid-value'],
      ['coverage p=150%', 'invalid-value'],
      ['coverage p=0.5 samples=1.5..10', 'invalid-value'],
      ['coverage p=0.5 target=100%', 'invalid-value'],
      ['coverage beta=0.01,1 target=99%', 'invalid-value'],
      ['coverage p=0.5 sample=1..10', 'unknown-property'],
    ] as const) {
      it(`reports ${code} for: ${input}`, () => {
        assertDiagnostics(input, code);
      });
    }

    it('points the error at the value that is wrong', () => {
      const [diagnostic] = assertDiagnostics('coverage p=150%', 'invalid-value').diagnostics;
      assert.deepEqual(diagnostic.span, { line: 0, start: 11, end: 15 });
      assert.equal(diagnostic.message, 'p must be between 0% and 100% (exclusive), got 150%');
      assert.equal(
        assertDiagnostics('coverage p=12', 'invalid-value').diagnostics[0].message,
        'p must be between 0% and 100% (exclusive), got 12 (as a fraction that is 1200%); write 12% or 0.12',
      );
      assert.equal(
        assertDiagnostics('coverage p=5% target=80', 'invalid-value').diagnostics[0].message,
        'target coverage must be between 0% and 100% (exclusive), got 80 (as a fraction that is 8000%); write 80% or 0.8',
      );
      assert.match(
        assertDiagnostics('tournament generate=0.3 compare=50% candidates=4 comparisons=3', 'invalid-value').diagnostics[0].message,
        /compare \(p_comp\) must be above 50% and at most 100% .*, got 50%$/,
      );
      assert.match(
        assertDiagnostics('tournament generate=30 compare=0.7 candidates=4 comparisons=3', 'invalid-value').diagnostics[0].message,
        /got 30 \(as a fraction that is 3000%\); write 30% or 0\.3$/,
      );
      const [unreachable] = assertDiagnostics('coverage beta=0.01,1 target=99%', 'invalid-value').diagnostics;
      assert.match(unreachable.message, /stays below 99% even at 1T samples/);
    });
  });

  describe('tournament', () => {
    it("works Chen et al.'s bound for N = 16, K = 50: 0.7^16 + 4·e^(−4) = 0.07659 with 816 calls", () => {
      const [row] = onlyResultData('tournament generate=0.3 compare=0.7 candidates=16 comparisons=50').tournaments;
      assert.equal(row.calls, 816);
      assert.ok(Math.abs(row.bound - 0.0765858486118968) < 1e-15);
    });

    it('finds the best N and K within a call budget, beside the given ones', () => {
      const { tournaments } = onlyResultData('tournament generate=30% compare=70% candidates=16 comparisons=50 calls=1000');
      assert.deepEqual(
        tournaments.map((row: { label: string }) => row.label),
        ['as given', 'best within 1,000 calls'],
      );
      const best = bestTournament({ generate: 0.3, compare: 0.7 }, 1000);
      assert.deepEqual([tournaments[1].candidates, tournaments[1].comparisons], [best.candidates, best.comparisons]);
    });

    it('charts the bound against the call budget when there is one', () => {
      assert.equal(evaluateLast('tournament generate=0.3 compare=0.7 calls=1000').results[0].chart?.fileName, 'tournament-0.3-0.7');
      assert.equal(evaluateLast('tournament generate=0.3 compare=0.7 candidates=16 comparisons=50').results[0].chart, undefined);
    });

    it('says when the bound promises nothing', () => {
      // K = 5: 4·e^(−2·5·0.04) = 4·e^(−0.4) = 2.68 on its own
      const [result] = evaluateLast('tournament generate=0.3 compare=0.7 candidates=16 comparisons=5').results;
      assert.ok(result.notes.some((note) => /promises nothing/.test(note)));
    });

    for (const [input, code] of [
      ['tournament compare=0.7 calls=100', 'missing-property'],
      ['tournament generate=0.3 compare=0.7', 'missing-property'],
      ['tournament generate=0.3 compare=0.7 candidates=16', 'missing-property'],
      ['tournament generate=0.3 compare=0.5 calls=100', 'invalid-value'],
      ['tournament generate=0.3 compare=0.7 candidates=2.5 comparisons=3', 'invalid-value'],
      ['tournament generate=0.3 compare=0.7 calls=1e12', 'invalid-value'],
    ] as const) {
      it(`reports ${code} for: ${input}`, () => {
        assertDiagnostics(input, code);
      });
    }
  });

  describe('editor help from the keyword table', () => {
    it('hovers the keywords and their properties', () => {
      assert.match(
        hoverAt(['coverage beta=0.3,3'], 0, { line: 0, column: 3 })!.markdown,
        /\*\*coverage\*\* — Coverage from repeated sampling/,
      );
      assert.match(
        hoverAt(['tournament generate=0.3 compare=0.7 calls=100'], 0, { line: 0, column: 26 })!.markdown,
        /\*\*compare\*\* — p_comp/,
      );
    });

    it('completes their properties', () => {
      const offered = completionsAt(['coverage '], 0, { line: 0, column: 9 }).map((entry) => entry.label);
      assert.deepEqual(offered, ['p', 'beta', 'samples', 'target']);
    });
  });
});
