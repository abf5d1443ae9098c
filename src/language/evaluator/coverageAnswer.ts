import {
  betaFailureAsymptote,
  coverageCurve,
  coveragePowerLaw,
  decadeStops,
  passAtK,
  samplesForTarget,
  type BetaRates,
  type CoveragePowerLaw,
  type SampleRange,
} from '../../core';
import type { CoverageAnswer, CoverageQuestion } from '../output/coveragePayload';

/** The power law fitted over each decade of the range, then over all of it (none where coverage is 100%). */
function powerLawFits(rates: BetaRates, samples: SampleRange): CoveragePowerLaw[] {
  const stops = decadeStops(...samples);
  const decades = stops.slice(1).map((to, i): SampleRange => [stops[i], to]);
  return [...(decades.length > 1 ? decades : []), samples].flatMap((range) => coveragePowerLaw(rates, range) ?? []);
}

/**
 * What a `coverage` statement shows, computed: coverage at each decade of k, the samples a target
 * needs with the coverage one sample short of it, and for Beta rates the same problems at their
 * mean rate p̄ = a/(a + b) and the power law of −ln coverage with its large-k limit.
 */
export function coverageAnswer(question: CoverageQuestion): CoverageAnswer {
  const { rates, samples, target } = question;
  const points = coverageCurve(rates, decadeStops(...samples));
  const mean = rates.kind === 'beta' ? rates.a / (rates.a + rates.b) : undefined;
  const needed = target === undefined ? undefined : samplesForTarget(target, rates);
  const [atNeeded, oneFewer] = needed === undefined ? [] : coverageCurve(rates, [needed, Math.max(1, needed - 1)]);
  return {
    ...question,
    points,
    ...(mean !== undefined ? { evenly: { rate: mean, coverage: points.map((point) => passAtK(mean, point.samples)) } } : {}),
    ...(needed !== undefined
      ? {
          needed: {
            samples: needed,
            atNeeded,
            oneFewer,
            ...(mean !== undefined ? { evenlySamples: samplesForTarget(target!, { kind: 'single', p: mean }) } : {}),
          },
        }
      : {}),
    ...(rates.kind === 'beta' ? { powerLaw: { fits: powerLawFits(rates, samples), asymptote: betaFailureAsymptote(rates) } } : {}),
  };
}
