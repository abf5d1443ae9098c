/**
 * Spec generation time for a 1,000-point sweep of each chart kind (goal: under 5 ms each), the
 * median of repeated runs after a warm-up. Run: npx tsx bench/charts.bench.ts
 */
import { findPresetLaw, PRESET_LAWS } from '../src/core';
import {
  frontierChart,
  isoflopChart,
  lawComparisonChart,
  lossVsParamsChart,
  lossVsTokensChart,
  tokensPerParamChart,
  type ChartModel,
  type ChartSpec,
} from '../src/charts';
import { medianMs } from './timing';

const GOAL_MS = 5;
const POINTS = 1000;
const WARM_UP = 20;
const REPEATS = 101;

const epoch = findPresetLaw('epoch')!;
const models: ChartModel[] = [
  { name: 'Chinchilla 70B', params: 70e9, tokens: 1.4e12 },
  { name: 'Gopher 280B', params: 280e9, tokens: 300e9 },
  { name: 'DeepSeek-V3', params: 671e9, activeParams: 37e9, tokens: 14.8e12 },
];

/** Each chart kind with 1,000 plotted samples in total. */
const CHARTS: ReadonlyArray<readonly [name: string, build: () => ChartSpec]> = [
  ['frontier', () => frontierChart({ laws: [epoch], compute: [1e18, 1e26], models, points: POINTS })],
  ['isoflop (4 budgets × 250)', () => isoflopChart({ law: epoch, budgets: [1e19, 1e21, 1e23, 1e25], points: POINTS / 4 })],
  ['tokens per parameter', () => tokensPerParamChart({ laws: [epoch], compute: [1e18, 1e26], models, points: POINTS })],
  ['loss vs N at fixed D', () => lossVsParamsChart({ laws: [epoch], tokens: 1.4e12, params: [1e7, 1e13], points: POINTS })],
  ['loss vs D at fixed N', () => lossVsTokensChart({ laws: [epoch], params: 70e9, tokens: [1e9, 1e15], points: POINTS })],
  ['law comparison (4 laws × 250)', () => lawComparisonChart({ laws: PRESET_LAWS, compute: [1e18, 1e26], points: POINTS / 4 })],
];

async function main(): Promise<void> {
  let allMet = true;
  console.log(`Chart spec generation, ${POINTS}-point sweeps, median of ${REPEATS} runs (goal < ${GOAL_MS} ms)`);
  for (const [name, build] of CHARTS) {
    const ms = await medianMs(REPEATS, WARM_UP, build);
    const kilobytes = JSON.stringify(build().spec).length / 1024;
    const met = ms < GOAL_MS;
    allMet &&= met;
    console.log(
      `  ${name.padEnd(30)} ${ms.toFixed(2).padStart(6)} ms  ${kilobytes.toFixed(0).padStart(4)} KB of JSON  ${met ? 'ok' : 'SLOWER THAN GOAL'}`,
    );
  }
  console.log(allMet ? `verdict: every chart under ${GOAL_MS} ms` : `verdict: goal of ${GOAL_MS} ms missed`);
  process.exitCode = allMet ? 0 : 1;
}

void main();
