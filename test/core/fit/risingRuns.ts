import { logSpace } from '../../../src/core/sweeps';

/**
 * 36 runs whose loss rises with model size (2 + 1e-3·N^0.3 + 500/D^0.3): no positive α describes
 * them, so a fit's α comes out negative and its constants are no law.
 */
export function risingRuns() {
  return logSpace(1e7, 1e10, 6).flatMap((params) =>
    logSpace(1e9, 1e12, 6).map((tokens) => ({ params, tokens, loss: 2 + 1e-3 * params ** 0.3 + 500 / tokens ** 0.3 })),
  );
}
