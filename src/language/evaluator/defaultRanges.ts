/** The ranges statements sweep, and the levels they report, when their property is absent (shown in their docs and CLI help). */
import type { ParamsRange, SampleRange } from '../../core';

/** Budgets swept when a plot gives no compute: 1e18 to 1e26 FLOP, small ablations to frontier runs. */
export const DEFAULT_COMPUTE_RANGE: readonly [number, number] = [1e18, 1e26];

/** Model sizes swept by loss-vs-params when none are given: 100M to 10T parameters. */
export const DEFAULT_PARAMS_RANGE: readonly [number, number] = [1e8, 1e13];

/** Token counts swept by loss-vs-tokens when none are given: 1B to 100T tokens. */
export const DEFAULT_TOKENS_RANGE: readonly [number, number] = [1e9, 1e14];

/** Budgets stepped through when `returns` gives no compute: 1e20 to 1e26 FLOP, today's frontier runs and beyond. */
export const DEFAULT_RETURNS_RANGE: readonly [number, number] = [1e20, 1e26];

/**
 * Samples per problem swept when none are given: 1 to 10,000, the four decades over which Brown et
 * al. 2024 ("Large Language Monkeys", arXiv:2407.21787) measured coverage.
 */
export const DEFAULT_COVERAGE_SAMPLES: SampleRange = [1, 10000];

/**
 * Model sizes swept when none are given: 100M to 100T parameters, from small models to 50× today's
 * largest dense ones, far enough for exact match over a typical answer to rise.
 */
export const DEFAULT_EMERGENCE_PARAMS: ParamsRange = [1e8, 1e14];

/** The exact-match level reported when none is given: right as often as wrong. */
export const DEFAULT_EMERGENCE_THRESHOLD = 0.5;
