/** The ranges statements sweep when their property is absent (shown in their docs and CLI help). */

/** Budgets swept when a plot gives no compute: 1e18 to 1e26 FLOP, small ablations to frontier runs. */
export const DEFAULT_COMPUTE_RANGE: readonly [number, number] = [1e18, 1e26];

/** Model sizes swept by loss-vs-params when none are given: 100M to 10T parameters. */
export const DEFAULT_PARAMS_RANGE: readonly [number, number] = [1e8, 1e13];

/** Token counts swept by loss-vs-tokens when none are given: 1B to 100T tokens. */
export const DEFAULT_TOKENS_RANGE: readonly [number, number] = [1e9, 1e14];

/** Budgets stepped through when `returns` gives no compute: 1e20 to 1e26 FLOP, today's frontier runs and beyond. */
export const DEFAULT_RETURNS_RANGE: readonly [number, number] = [1e20, 1e26];
