/**
 * The registry index: every statement form of the language, one line each. Adding a statement is a
 * new file under statements/ and one line here (plus its core math, docs and tests).
 */
import type { StatementForm } from '../statementForm';
import { BUDGET } from './budget';
import { CHECK } from './check';
import { COMPARE } from './compare';
import { COVERAGE } from './coverage';
import { DATA } from './data';
import { EMERGENCE } from './emergence';
import { FIT } from './fit';
import { FIT_MIXTURE } from './fitMixture';
import { LANGUAGES } from './languages';
import { LAW } from './law';
import { MODEL } from './model';
import { OPTIMAL } from './optimal';
import { OPTIMAL_MIXTURE } from './optimalMixture';
import { PLOT_ALLOCATION } from './plot/allocation';
import { PLOT_EPOCHS } from './plot/epochs';
import { PLOT_FIT } from './plot/fit';
import { PLOT_FRONTIER } from './plot/frontier';
import { PLOT_INFERENCE_COST } from './plot/inferenceCost';
import { PLOT_ISOFLOP } from './plot/isoflop';
import { PLOT_LAWS } from './plot/laws';
import { PLOT_LOSS_VS_PARAMS } from './plot/lossVsParams';
import { PLOT_LOSS_VS_TOKENS } from './plot/lossVsTokens';
import { PLOT_MIXTURE } from './plot/mixture';
import { PLOT_TOKENS_PER_PARAM } from './plot/tokensPerParam';
import { RETURNS } from './returns';
import { TOURNAMENT } from './tournament';
import { TRANSFER } from './transfer';

/** In the order keywords are offered; a keyword's forms in the order they are tried. */
export const STATEMENT_FORMS: readonly StatementForm[] = [
  LAW,
  MODEL,
  BUDGET,
  OPTIMAL_MIXTURE,
  OPTIMAL,
  CHECK,
  COMPARE,
  RETURNS,
  DATA,
  FIT_MIXTURE,
  FIT,
  PLOT_FRONTIER,
  PLOT_ISOFLOP,
  PLOT_TOKENS_PER_PARAM,
  PLOT_LOSS_VS_PARAMS,
  PLOT_LOSS_VS_TOKENS,
  PLOT_LAWS,
  PLOT_FIT,
  PLOT_INFERENCE_COST,
  PLOT_EPOCHS,
  PLOT_MIXTURE,
  PLOT_ALLOCATION,
  COVERAGE,
  TOURNAMENT,
  EMERGENCE,
  LANGUAGES,
  TRANSFER,
];
