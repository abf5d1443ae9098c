import { QuantityError } from '../quantities';
import { logSpace } from '../sweeps';
import { coverageFailure, requireSuccessRates, type SuccessRates } from './coverage';
import { requireSampleCount } from './passAtK';

/** Coverage at one whole number of samples per problem. */
export interface CoveragePoint {
  readonly samples: number;
  readonly coverage: number;
  /** 1 − coverage: the share of problems no sample solved. */
  readonly failure: number;
  /** −ln(coverage). */
  readonly negLogCoverage: number;
}

/** A range of samples per problem, [fewest, most]. */
export type SampleRange = readonly [fewest: number, most: number];

/**
 * Up to `count` whole numbers of samples spread evenly in log space over `range`, both ends
 * included, without repeats (at the low end several log steps round to the same k).
 *
 * @example sampleGrid([1, 1000], 4) // [1, 10, 100, 1000]
 */
export function sampleGrid(range: SampleRange, count: number): number[] {
  const [fewest, most] = range;
  requireSampleCount(fewest, 'fewest samples');
  requireSampleCount(most, 'most samples');
  if (most < fewest) throw new QuantityError(`the samples range must go up, got ${fewest}..${most}`);
  return [...new Set(logSpace(fewest, most, count).map(Math.round))];
}

/**
 * Coverage, the unsolved share and −ln(coverage) at each k of `samples`.
 *
 * @example coverageCurve({ kind: 'beta', a: 1, b: 1 }, [1, 9])[1].coverage // 0.9
 */
export function coverageCurve(rates: SuccessRates, samples: readonly number[]): CoveragePoint[] {
  requireSuccessRates(rates);
  return samples.map((k) => {
    const failure = coverageFailure(rates, k);
    return { samples: k, coverage: 1 - failure, failure, negLogCoverage: -Math.log1p(-failure) };
  });
}
