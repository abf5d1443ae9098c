import type { ScalingLaw } from '../../core';
import { fitResiduals } from '../../charts';
import type { FitPoint } from '../../core/fit';
import { extrapolation } from '../../core/fit/fitDiagnostics';
import type { FitAssessment, FitPrediction } from '../output/fitPayload';

/**
 * A usable fitted law against the runs it was fitted to (each run's residual) and the runs it is
 * asked to predict (the loss it gives them and how far they lie beyond the runs on each axis).
 */
export function assessFit(law: ScalingLaw, points: readonly FitPoint[], predictions: readonly FitPrediction[]): FitAssessment {
  return {
    residuals: fitResiduals(law, points),
    predictions: predictions.map((run) => ({
      ...run,
      predictedLoss: law.loss(run.params, run.tokens),
      reach: extrapolation(points, run),
    })),
  };
}
