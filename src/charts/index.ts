/**
 * Vega-Lite specs for the notebook's charts: pure builders from laws and models to a spec with
 * inline data, formatted log axes and no colours (the renderer themes them).
 */
export {
  type ChartModel,
  type ChartSpec,
  type ComputeSweepInput,
  type LogRange,
  CHART_HEIGHT,
  DEFAULT_SWEEP_POINTS,
  REFERENCE_STYLE,
  VEGA_LITE_SCHEMA,
} from './chartSpec';
export { droppedPointsNote, isLogPlottable, keepLogPlottable, type PlottableRows } from './plottable';
export { countExpr, lossExpr, scientificExpr } from './labelExpressions';
export { decadeTicks, lossTicks, type LogTicks } from './logTicks';
export { frontierChart } from './frontierChart';
export { isoflopChart, isoflopChartWithNotes, type IsoflopChartInput } from './isoflopChart';
export { RULE_OF_THUMB_TOKENS_PER_PARAM, tokensPerParamChart } from './tokensPerParamChart';
export {
  lossVsParamsChart,
  lossVsParamsChartWithNotes,
  lossVsTokensChart,
  lossVsTokensChartWithNotes,
  type LossVsParamsChartInput,
  type LossVsTokensChartInput,
} from './lossWallCharts';
export { lawComparisonChart } from './lawComparisonChart';
export { fitChart, fitResiduals, type FitChartInput, type FitResidual, type PlannedRun } from './fitChart';
export { diminishingReturnsChart, diminishingReturnsChartWithNotes } from './diminishingReturnsChart';
export { inferenceCostChart, type InferenceCostChartInput } from './inferenceCostChart';
export { DEFAULT_EPOCHS_RANGE, epochsChart, type EpochsChartInput } from './epochsChart';
export { coverageChart, type CoverageChartInput } from './coverageChart';
export { emergenceChart, type EmergenceChartInput } from './emergenceChart';
export { tournamentChart, type TournamentChartInput } from './tournamentChart';
export { mixtureWeightChart, type MixtureWeightChartInput } from './mixtureWeightChart';
export { mixtureBarChart, type MixtureBarChartInput, type NamedMixture } from './mixtureBarChart';
export { languageScalingChart, type LanguageScalingChartInput } from './languageScalingChart';
export { isoflopProfilesChart } from './isoflopProfilesChart';
export { allocationChart, type AllocationTarget } from './allocationChart';
export { trainingCurvesChart } from './trainingCurvesChart';
