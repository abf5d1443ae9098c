import * as assert from 'node:assert/strict';
import { assertDiagnostics, evaluateLast, onlyResultData } from './helpers';

describe('language/returns', () => {
  it("tables each law's improvement per 10× compute and draws them", () => {
    const data = onlyResultData('returns compute=1e20..1e24 laws=epoch,kaplan');
    assert.deepEqual(
      data.laws.map((entry: { law: string }) => entry.law),
      ['besiroglu2024', 'kaplan2020'],
    );
    assert.equal(data.laws[0].decades.length, 4);
    assert.ok(data.laws[0].improvementRatio < 1);
  });

  it("tables the loss at C and at 10·C in that order, the improvement and its share of L − E (Chinchilla's printed constants)", () => {
    const [result] = evaluateLast('returns compute=1e20..1e22 laws=chinchilla').results;
    assert.deepEqual(result.tables[0].columns.slice(2, 4), ['loss', 'loss at 10×']);
    // Compute-optimal N = G·(C/6)^(β/(α+β)), G = (αA/(βB))^(1/(α+β)), D = C/(6N); L = E + A/N^α + B/D^β:
    // L(1e20) = 2.59985, L(1e21) = 2.32888; improvement 0.27097 of L − E = 0.90985, a share of 29.8%.
    assert.deepEqual(result.tables[0].rows[0], ['1e20', '1e21', '2.5998', '2.3289', '0.2710', '0.9098', '29.8%']);
  });

  it('notes an E = 0 law only for laws without an irreducible term', () => {
    const note = /has no irreducible term \(E = 0\)/;
    assert.ok(evaluateLast('returns laws=kaplan').results[0].notes.some((text) => note.test(text)));
    assert.ok(!evaluateLast('returns laws=chinchilla').results[0].notes.some((text) => note.test(text)));
  });

  it("under kaplan, every decade removes Kaplan's constant 1 − 10^−0.05 ≈ 10.9% of the loss (Eq. 1.3), and Epoch's ≈ 34%", () => {
    const data = onlyResultData('returns compute=1e20..1e24 laws=kaplan,epoch');
    const kaplanShare = 1 - 10 ** -0.05;
    for (const { reducibleShare } of data.laws[0].decades) assert.ok(Math.abs(reducibleShare - kaplanShare) < 1e-9, String(reducibleShare));
    // Epoch: L − E ∝ C^(−αβ/(α+β)) with α = 0.3478, β = 0.3659: exponent 0.17832, share 1 − 10^−0.17832 = 33.7%.
    const epochShare = 1 - 10 ** -((0.34781302903942635 * 0.3658541172951044) / (0.34781302903942635 + 0.3658541172951044));
    for (const { reducibleShare } of data.laws[1].decades) assert.ok(Math.abs(reducibleShare - epochShare) < 1e-9, String(reducibleShare));
  });

  it('suggests a range that goes up: swapped ends for a falling range, one decade up for equal ends', () => {
    const [falling] = assertDiagnostics('returns compute=1e22..1e20', 'invalid-value').diagnostics;
    assert.equal(falling.hint, 'write compute=1e20..1e22');
    const [equal] = assertDiagnostics('returns compute=1e20..1e20', 'invalid-value').diagnostics;
    assert.match(equal.message, /must go up: 1e20\.\.1e20/);
    assert.equal(equal.hint, 'write compute=1e20..1e21');
  });

  it('reports three dots and a fractional exponent in a range as syntax errors at the range, not as other ranges', () => {
    const [dots] = assertDiagnostics('returns compute=1e20...1e26', 'syntax').diagnostics;
    assert.match(dots.message, /two dots/);
    assert.equal(dots.span.start, 20);
    const [exponent] = assertDiagnostics('returns compute=1e20..1e21.5', 'syntax').diagnostics;
    assert.match(exponent.message, /"1e21\.5".*exponent is a whole number/);
  });

  it('reports a range without a full decade at the range', () => {
    const [diagnostic] = assertDiagnostics('returns compute=1e20..5e20', 'invalid-value').diagnostics;
    assert.match(diagnostic.message, /at least one 10× step/);
    assert.deepEqual(diagnostic.span, { line: 0, start: 16, end: 26 });
  });

  it("says under the chart how far a law's decades reach beyond its data, and nothing inside", () => {
    const extrapolation = /extrapolates up to/;
    // 1e19→1e22 under epoch: every compute-optimal model from 262M/6.35B to 9.06B/184B at 1e22 lies inside the
    // 240 runs Epoch fit (N 57.3M–16.2B, D 819M–318B, C 1.4e18–1.3e22).
    assert.ok(!evaluateLast('returns compute=1e19..1e22 laws=epoch').results[0].notes.some((note) => extrapolation.test(note)));
    // The default 1e20→1e26 ends at 1e26 FLOP, log10(1e26/1.3e22) = 3.89 decades above the largest budget (N ≈ 1.0T: 1.8 decades).
    const notes = evaluateLast('returns laws=epoch').results[0].notes;
    const note = notes.find((text) => extrapolation.test(text));
    assert.match(note ?? '', /^besiroglu2024 extrapolates up to 3\.9 decades beyond the data it was fitted on, .* C 1\.4e18–1\.3e22 FLOP/);
    assert.match(note ?? '', /its line is dashed there\.$/);
  });
});
