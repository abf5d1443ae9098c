import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  COSINE_SCHEDULE_CAVEAT,
  finalEvaluations,
  fitTrainingCurveEnvelope,
  looksLikeTrainingCurves,
  lowerEnvelope,
  parseTrainingCurves,
  smoothCurve,
  type TrainingCurve,
} from '../../../src/core/fit';
import { customLaw, findPresetLaw } from '../../../src/core/laws/presets';
import type { ChinchillaConstants } from '../../../src/core/laws/scalingLaw';
import { logSpace } from '../../../src/core/sweeps';

const EPOCH = findPresetLaw('epoch')!.constants as unknown as ChinchillaConstants;
const LAW = customLaw('truth', EPOCH);

/** Noise-free curves of `sizes` sizes from 20M to 2B, each evaluated 60 times from 2 to 100 tokens per parameter. */
function lawCurves(sizes: number): TrainingCurve[] {
  return logSpace(2e7, 2e9, sizes).map((params) => ({
    run: `n${params}`,
    params,
    evaluations: logSpace(2 * params, 100 * params, 60).map((tokens) => ({ tokens, loss: LAW.loss(params, tokens), source: 'synthetic' })),
  }));
}

/**
 * `runsPerSize` schedules per size, as Hoffmann et al. train them: the law's curve with independent
 * evaluation noise (0.3% of the loss, from a fixed-seed generator), each schedule its own run.
 */
function noisySchedules(sizes: number, runsPerSize: number): TrainingCurve[] {
  let state = 12345;
  const uniform = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) + 0.5) / 2 ** 31;
  const gaussian = () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
  return lawCurves(sizes).flatMap((curve) =>
    Array.from({ length: runsPerSize }, (_, k) => ({
      ...curve,
      run: `${curve.run}-s${k}`,
      evaluations: curve.evaluations.map((evaluation) => ({ ...evaluation, loss: evaluation.loss * (1 + 0.003 * gaussian()) })),
    })),
  );
}

describe('Approach 1: the envelope of training curves', () => {
  it('recovers the law’s allocation a = β/(α+β), closer as sizes get denser', () => {
    // The truth is derived from the constants, not from the code: N_opt ∝ C^(β/(α+β)) (Hoffmann et al. 2022, Eq. 4).
    const truth = EPOCH.beta / (EPOCH.alpha + EPOCH.beta);
    const coarse = fitTrainingCurveEnvelope(lawCurves(13));
    const dense = fitTrainingCurveEnvelope(lawCurves(49));
    assert.ok(Math.abs(coarse.params.exponent - truth) < 0.01, `13 sizes: a = ${coarse.params.exponent}, truth ${truth}`);
    assert.ok(Math.abs(dense.params.exponent - truth) < 0.002, `49 sizes: a = ${dense.params.exponent}, truth ${truth}`);
    assert.ok(Math.abs(dense.params.exponent + dense.tokens.exponent - 1) < 1e-9, 'a + b = 1 when D = C/(6N)');
    // G as well as a: N_opt at 1e19 FLOP within 10% of the law's.
    const predicted = dense.params.coefficient * 1e19 ** dense.params.exponent;
    assert.ok(Math.abs(predicted / LAW.optimalParams(1e19) - 1) < 0.1, `N_opt(1e19) = ${predicted}, law ${LAW.optimalParams(1e19)}`);
  });

  it('bootstraps runs within each size: an interval around the full fit that holds the truth, the same for the same seed', () => {
    const truth = EPOCH.beta / (EPOCH.alpha + EPOCH.beta);
    const curves = noisySchedules(13, 3);
    const fit = fitTrainingCurveEnvelope(curves, { bootstrap: { samples: 200, seed: 1 } });
    const a = fit.intervals!.paramsExponent;
    assert.equal(a.estimate, fit.params.exponent, 'the estimate is the fit to every run, not a resample');
    assert.ok(a.low < a.estimate && a.estimate < a.high, `[${a.low}, ${a.high}] around ${a.estimate}`);
    assert.ok(a.low <= truth && truth <= a.high, `truth ${truth} in [${a.low}, ${a.high}]`);
    // Every size keeps a run in every resample, so none fails for want of sizes.
    assert.equal(fit.intervals!.failedSamples, 0);
    const again = fitTrainingCurveEnvelope(curves, { bootstrap: { samples: 200, seed: 1 } });
    assert.deepEqual(again.intervals!.paramsExponent, a);
    const other = fitTrainingCurveEnvelope(curves, { bootstrap: { samples: 200, seed: 2 } });
    assert.notDeepEqual(other.intervals!.paramsExponent, a);
  });

  it('gives no interval, and says why, with one run per size', () => {
    const fit = fitTrainingCurveEnvelope(lawCurves(13), { bootstrap: { samples: 200, seed: 1 } });
    assert.equal(fit.intervals, undefined);
    assert.match(fit.warnings[fit.warnings.length - 1], /^No interval: each of the 13 sizes has one run/);
  });

  it('takes the lowest curve at each FLOP value and leaves the smallest and largest sizes out of the regression', () => {
    const fit = fitTrainingCurveEnvelope(lawCurves(13));
    const sizes = logSpace(2e7, 2e9, 13);
    assert.equal(fit.envelope.length > 1400, true);
    // Brute force at one FLOP value: the lowest loss among the curves that reach it.
    const point = fit.envelope[700];
    const best = sizes
      .filter((params) => point.compute >= 6 * params * 2 * params * (1 - 1e-9) && point.compute <= 6 * params * 100 * params * (1 + 1e-9))
      .reduce((winner, params) =>
        LAW.loss(params, point.compute / (6 * params)) < LAW.loss(winner, point.compute / (6 * winner)) ? params : winner,
      );
    assert.equal(point.params, best);
    assert.ok(fit.optima.every((optimum) => optimum.params !== sizes[0] && optimum.params !== sizes[12]));
    assert.match(fit.warnings[0], /^Up to .* FLOP the smallest size \(20M, n20000000\) is on the envelope/);
    assert.match(fit.warnings[1], /^From .* FLOP the largest size \(2B, n2000000000\) is on the envelope/);
    assert.equal(fit.warnings[2], COSINE_SCHEDULE_CAVEAT);
    assert.match(COSINE_SCHEDULE_CAVEAT, /overstate the loss/);
  });

  it('interpolates a curve linearly in ln C between evaluations', () => {
    const curve: TrainingCurve = {
      run: 'a',
      params: 1e8,
      evaluations: [
        { tokens: 1e9, loss: 4, source: '' },
        { tokens: 1e11, loss: 2, source: '' },
      ],
    };
    const envelope = lowerEnvelope([curve], 3);
    // The middle grid point is C = 6e8·1e10, halfway in ln C, so the loss is halfway.
    assert.ok(Math.abs(envelope[1].compute / 6e18 - 1) < 1e-12);
    assert.ok(Math.abs(envelope[1].loss - 3) < 1e-12);
    assert.ok(Math.abs(envelope[1].tokens / 1e10 - 1) < 1e-12);
  });

  it('smooths with a centred moving average that keeps a straight stretch straight', () => {
    const curve: TrainingCurve = {
      run: 'a',
      params: 1,
      evaluations: [5, 4, 3, 9, 1].map((loss, i) => ({ tokens: i + 1, loss, source: '' })),
    };
    assert.deepEqual(
      smoothCurve(curve, 3).evaluations.map((evaluation) => evaluation.loss),
      [5, 4, 16 / 3, 13 / 3, 1],
    );
    assert.deepEqual(
      smoothCurve(curve, 5).evaluations.map((evaluation) => evaluation.loss),
      [5, 4, 22 / 5, 13 / 3, 1],
    );
  });

  it('needs 4 sizes: 2 at the edges that only bound the envelope, and 2 between them for a slope', () => {
    assert.throws(() => fitTrainingCurveEnvelope(lawCurves(3)), /3 model sizes among the curves: the envelope needs at least 4/);
    assert.doesNotThrow(() => fitTrainingCurveEnvelope(lawCurves(4)));
  });
});

describe('training curves from CSV and JSON Lines', () => {
  it('reads the example JSON Lines, tokens from steps × tokens per step', () => {
    const curves = parseTrainingCurves(readFileSync(join(__dirname, '../../../examples/runs/training-curves.jsonl'), 'utf8'));
    assert.equal(curves.curves.length, 19);
    assert.equal(curves.evaluations, 760);
    assert.match(curves.summary, /tokens seen = "step" × "tokens_per_step"/);
    const first = curves.curves[0];
    assert.equal(first.params, 20_000_000);
    assert.equal(first.evaluations[0].tokens, 95 * 524_288);
    assert.deepEqual(curves.ignoredColumns, []);
  });

  it('reads CSV with a steps column and a tokens-per-step option, sorting each run by tokens', () => {
    const text = 'run_id,n_params,global_step,train_loss,lr\nb,2e8,20,3.0,1e-4\na,1e8,20,3.1,1e-4\na,1e8,10,3.4,2e-4\n';
    assert.equal(looksLikeTrainingCurves(text), true);
    const { curves, ignoredColumns, summary } = parseTrainingCurves(text, { tokensPerStep: 1000 });
    assert.deepEqual(
      curves.map((curve) => [curve.run, curve.params, curve.evaluations.map((evaluation) => [evaluation.tokens, evaluation.loss])]),
      [
        ['b', 2e8, [[20_000, 3]]],
        [
          'a',
          1e8,
          [
            [10_000, 3.4],
            [20_000, 3.1],
          ],
        ],
      ],
    );
    assert.deepEqual(ignoredColumns, ['lr']);
    assert.match(summary, /"global_step" × 1000 tokens per step/);
    assert.deepEqual(
      finalEvaluations(curves).map((point) => [point.params, point.tokens, point.loss, point.source]),
      [
        [2e8, 20_000, 3, 'b (line 2)'],
        [1e8, 20_000, 3.1, 'a (line 3)'],
      ],
    );
  });

  it('tells a table of finished runs from one of curves', () => {
    assert.equal(looksLikeTrainingCurves('run,params,tokens,loss\na,1e8,1e9,3\nb,2e8,1e9,2.9\n'), false);
    assert.equal(looksLikeTrainingCurves('params,tokens,loss\n1e8,1e9,3\n1e8,2e9,2.9\n'), false);
    assert.equal(looksLikeTrainingCurves('{"run": "a", "params": 1e8, "tokens": 1e9, "loss": 3}\n'), true);
  });

  it('names the line of every problem', () => {
    assert.throws(() => parseTrainingCurves('run,params,step,loss\na,1e8,10,3\n'), /no tokens-per-step column or tokens_per_step=/);
    assert.throws(() => parseTrainingCurves('run,params,loss\na,1e8,3\n'), /no tokens seen column and no step column/);
    assert.throws(
      () => parseTrainingCurves('run,params,tokens,loss\na,1e8,1e9,3\na,2e8,2e9,2.9\n'),
      /line 3: run "a" has 200000000 parameters here but 100000000 on line 2/,
    );
    assert.throws(
      () => parseTrainingCurves('run,params,tokens,loss\na,1e8,1e9,3\na,1e8,1e9,2.9\n'),
      /line 3: run "a" is evaluated twice at 1000000000 tokens \(also line 2\)/,
    );
    assert.throws(
      () => parseTrainingCurves('{"run": "a", "params": 1e8, "tokens": 1e9, "loss": 3}\n{"run": "a", "params": 1e8,\n'),
      /line 2 is not valid JSON/,
    );
    assert.throws(
      () => parseTrainingCurves('{"run": "a", "params": 1e8, "tokens": 1e9, "loss": -3}\n'),
      /line 1, column "loss": loss must be greater than zero/,
    );
    assert.throws(() => parseTrainingCurves('{"run": "a", "params": 1e8, "tokens": 1e9}\n'), /no loss column/);
  });
});
