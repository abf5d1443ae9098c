import { trainingCompute } from '../core/compute';
import type { EnvelopeFit } from '../core/fit/trainingCurveEnvelope';
import { logAxis, tooltipOf } from './chartEncodings';
import { lineLayer } from './chartLayers';
import { chartFileName, layeredChart, REFERENCE_STYLE, type ChartSpec } from './chartSpec';
import { sizeColour } from './fitChart';
import { keepLogPlottable } from './plottable';

/** Envelope points drawn: the 1,500 the fit reads are more than a line needs. */
const ENVELOPE_LINE_POINTS = 300;

/**
 * Training curves as Hoffmann et al. 2022 draw them for Approach 1 (Fig. 2, left): loss against
 * FLOP (6·N·D) for every run, coloured by model size, with the lower envelope drawn over them.
 *
 * @example trainingCurvesChart(fitTrainingCurveEnvelope(curves), 'curves')
 */
export function trainingCurvesChart(fit: EnvelopeFit, name: string): ChartSpec {
  const sizes = [...new Set(fit.curves.map((curve) => curve.params))].sort((left, right) => left - right);
  const { sizeOf, color } = sizeColour(sizes);
  const curves = keepLogPlottable(
    fit.curves.flatMap((curve) =>
      curve.evaluations.map((evaluation) => ({
        run: curve.run,
        params: curve.params,
        size: sizeOf(curve.params),
        tokens: evaluation.tokens,
        compute: trainingCompute(curve.params, evaluation.tokens),
        loss: evaluation.loss,
      })),
    ),
    ['compute', 'loss'],
  );
  const stride = Math.max(1, Math.ceil(fit.envelope.length / ENVELOPE_LINE_POINTS));
  const envelope = keepLogPlottable(
    fit.envelope
      .filter((_, i) => i % stride === 0 || i === fit.envelope.length - 1)
      .map(({ compute, params, tokens, loss }) => ({ compute, params, tokens, loss })),
    ['compute', 'loss'],
  );
  const x = logAxis(
    'compute',
    [...curves.rows, ...envelope.rows].map((row) => row.compute),
  );
  const y = logAxis(
    'loss',
    [...curves.rows, ...envelope.rows].map((row) => row.loss),
  );
  const position = { x: x.channel('compute'), y: { ...y.channel('loss'), title: 'Loss L (nats/token)' } };
  const tooltip = tooltipOf(['params', 'tokens', 'compute', 'loss']);
  return {
    spec: layeredChart(
      `Training curves of ${name} and their lower envelope`,
      `${fit.curves.length} runs · thick line: the envelope (lowest loss at each FLOP) · a = ${fit.params.exponent.toFixed(3)}`,
      [
        lineLayer(curves.rows, { ...position, color, detail: { field: 'run', type: 'nominal' } }, tooltip),
        {
          data: { values: envelope.rows },
          transform: tooltip.transform,
          encoding: position,
          layer: [
            { mark: { type: 'line', style: REFERENCE_STYLE, strokeWidth: 4, opacity: 0.6 } },
            { mark: { type: 'point', opacity: 0, size: 60 }, encoding: { tooltip: tooltip.tooltip } },
          ],
        },
      ],
    ),
    droppedPoints: curves.dropped + envelope.dropped,
    fileName: chartFileName('training-curves', name),
  };
}
