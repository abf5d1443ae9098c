/**
 * The `data` of each kind of result: the raw numbers in plain units (parameters, tokens, FLOP,
 * dollars; losses in nats per token), as scripts read them from `run --format json` and the query
 * commands' `--json`. docs/json.md lists the same keys for readers; test/language/output/resultData.test.ts
 * checks both against real evaluations. Types only: shared with the webview.
 */
import type {
  Allocation,
  ChinchillaBootstrap,
  ChinchillaFit,
  CoveragePoint,
  DiminishingReturns,
  EffectiveData,
  EmergencePoint,
  ExactMatchCrossing,
  FitPoint,
  LanguageScaling,
  MixtureFit,
  ParamsRange,
  RunColumn,
  SampleRange,
  ServingPlanRow,
  SuccessRates,
  TournamentBound,
  TournamentRates,
  TrainingTokensRule,
  Verdict,
  VerdictLabel,
} from '../../core';
import type { ChartModel } from '../../charts';

/** [low, high] of an interval. */
export type Pair = readonly [low: number, high: number];

/** What repeating U unique tokens does to a run (Muennighoff et al. 2023). */
export interface RepetitionData {
  /** Unique tokens U available. */
  readonly uniqueTokens: number;
  /** D/U: passes over the unique tokens. */
  readonly epochs: number;
  /** D′: the fresh tokens the repeated data is worth. */
  readonly effectiveTokens: number;
  /** N′: the parameters the law counts once parameters beyond the unique data's optimum decay. */
  readonly effectiveParams: number;
  /** Loss of the same run on D fresh tokens. */
  readonly freshLoss: number;
  /** L(N′, D′): the loss with repeats. */
  readonly lossWithRepetition: number;
  /** lossWithRepetition − freshLoss. */
  readonly repetitionLoss: number;
}

/** `law NAME`: the law now active. */
export interface LawData {
  /** The law's id (a preset's canonical id, or the declared name). */
  readonly law: string;
  /** Its constants as printed (E, A, B, alpha, beta for the Chinchilla form). */
  readonly constants: Readonly<Record<string, number>>;
  readonly citation: string;
}

/** One `model` line; consecutive lines of a cell share one result, whose data lists them in order. */
export interface DeclaredModel extends Partial<RepetitionData> {
  readonly name: string;
  /** Total parameters. */
  readonly params: number;
  /** Parameters used per token (mixture-of-experts); `params` otherwise. */
  readonly activeParams: number;
  /** Training tokens. */
  readonly tokens: number;
  /** Training FLOP (6·N·D, or Kaplan's with attention when layers, context and width are given). */
  readonly compute: number;
  readonly verdict: VerdictLabel;
  /** The law the verdict is under. */
  readonly law: string;
}

/** One `budget` line; consecutive lines of a cell share one result, whose data lists them in order. */
export interface DeclaredBudget {
  readonly name: string;
  /** FLOP. */
  readonly compute: number;
  /** For a hardware booking: accelerator-hours, the accelerator's id and, with price=, dollars. */
  readonly acceleratorHours?: number;
  readonly accelerator?: string;
  readonly cost?: number;
}

/** `data NAME from "runs.csv"` (or an indented table): one finished run per row. */
export interface RunsData {
  readonly name: string;
  /** The runs: params, tokens, loss, and when given source, weights (domain mixtures) and compute (FLOP). */
  readonly points: readonly FitPoint[];
  /** The header each column was read from. */
  readonly columns: Readonly<Partial<Record<RunColumn, string>>>;
  /** True when tokens were derived as D = C/(6N) from a compute column. */
  readonly tokensFromCompute: boolean;
}

/** `data NAME from "curves.jsonl"` when the file holds training curves (one row per evaluation). */
export interface CurvesData {
  readonly name: string;
  /** Runs (curves) read. */
  readonly curves: number;
  /** Evaluations (rows) over all runs. */
  readonly evaluations: number;
  /** Where each quantity came from, in one line. */
  readonly summary: string;
}

/** `fit DATA` (and `approach=all`): the Chinchilla form's constants, with a bootstrap when asked. */
export interface ChinchillaFitData {
  readonly name: string;
  /** E, A, B, alpha, beta, paramsExponent and how the optimum was found. */
  readonly fit: ChinchillaFit;
  readonly bootstrap?: ChinchillaBootstrap;
}

/** `fit DATA mixture=joint|additive`: Shukor et al. 2025's mixture law. */
export interface MixtureFitData {
  readonly name: string;
  /** The law (`fit.law`: form, domains, constants) and how it was found. */
  readonly fit: MixtureFit;
}

/** One isoFLOP budget of Approach 2: its parabola's minimum, unless it was skipped. */
export interface IsoflopBudgetData {
  /** FLOP. */
  readonly compute: number;
  readonly params?: number;
  readonly tokens?: number;
  readonly loss?: number;
  /** Distinct model sizes, and runs, at this budget. */
  readonly sizes: number;
  readonly runs: number;
  /** The minimum lies outside the sizes trained. */
  readonly outsideSampled?: true;
  /** Why the budget is left out of the regression. */
  readonly skipped?: string;
}

/** One stretch of Approach 1's lower envelope: the run with the lowest loss from `fromCompute` to `toCompute` FLOP. */
export interface EnvelopeStretchData {
  /** The stretch's geometric middle, FLOP. */
  readonly compute: number;
  readonly fromCompute: number;
  readonly toCompute: number;
  readonly run: string;
  readonly params: number;
  /** compute/(6·params). */
  readonly tokens: number;
  /** Why the stretch is left out of the regression. */
  readonly skipped?: string;
}

/** The allocation at one named budget, with percentile intervals after a bootstrap. */
export interface AllocationPredictionData {
  readonly name: string;
  /** FLOP. */
  readonly compute: number;
  readonly params: number;
  readonly tokens: number;
  readonly paramsInterval?: Pair;
  readonly tokensInterval?: Pair;
}

/** `fit DATA approach=isoflop|envelope` (and `fit FILE --approach … --json`): N_opt = G·C^a, D_opt = H·C^b. */
export interface AllocationFitData {
  readonly approach: 'isoflop' | 'envelope';
  /** a and b. */
  readonly paramsExponent: number;
  readonly tokensExponent: number;
  /** G (parameters at 1 FLOP) and H (tokens at 1 FLOP). */
  readonly paramsCoefficient: number;
  readonly tokensCoefficient: number;
  /** After bootstrap=N: the percentile intervals of a, b, G and H. */
  readonly ci?: {
    readonly confidence: number;
    readonly samples: number;
    readonly failedSamples: number;
    readonly seed: number;
    readonly paramsExponent: Pair;
    readonly tokensExponent: Pair;
    readonly paramsCoefficient: Pair;
    readonly tokensCoefficient: Pair;
  };
  /** Per isoFLOP budget (Approach 2) or per stretch of the envelope (Approach 1). */
  readonly budgets: ReadonlyArray<IsoflopBudgetData | EnvelopeStretchData>;
  readonly warnings: readonly string[];
  /** The allocation at the budgets declared above (or `--at`). */
  readonly predictions: readonly AllocationPredictionData[];
}

/** A law's compute-optimal allocation with the law's id. */
export interface LawAllocation extends Allocation {
  readonly law: string;
}

/**
 * `optimal BUDGET`, `optimal compute=C`, `loss=L` or `params=N`: the compute-optimal model (FLOP,
 * parameters, tokens, loss, `extrapolation` sentences) under the active law, then under the others.
 */
export interface ComputeOptimalData extends LawAllocation {
  /** The budget's name, "this budget", "loss 1.9" or "a 7B model". */
  readonly name: string;
  /** For a hardware booking: accelerator-hours and, when priced, dollars. */
  readonly acceleratorHours?: number;
  readonly cost?: number;
  /** The same question under each other law that could answer it. */
  readonly otherLaws: readonly LawAllocation[];
}

/** `optimal … unique=U`: the best model when only U unique tokens exist (Muennighoff et al. 2023). */
export interface ConstrainedOptimalData {
  readonly name: string;
  readonly law: string;
  /** FLOP. */
  readonly compute: number;
  readonly uniqueTokens: number;
  /** True when the compute-optimal run needs more tokens than there are unique ones. */
  readonly capBinds: boolean;
  readonly method: string;
  /** The best model on the capped data: params, tokens and what repeating does to it. */
  readonly best: { readonly params: number; readonly tokens: number } & RepetitionData;
  /** The compute-optimal model for unlimited data, and what training it on the capped data costs. */
  readonly unconstrained: Allocation & RepetitionData;
}

/**
 * One model trained for the target loss and then served: params, training tokens, D/N, trainFlops
 * (6·N·D_train), inferenceFlops (2·N·D_inference) and their sum totalFlops in FLOP, and cost in
 * dollars for a priced budget.
 */
export type ServingPlanData = ServingPlanRow;

/** `optimal … serve=TOKENS`: the model with the least training + inference FLOP for a loss (Sardana et al. 2023). */
export interface InferenceAwareData {
  readonly law: string;
  /** Nats per token both models reach. */
  readonly targetLoss: number;
  /** Tokens served over the model's life. */
  readonly inferenceTokens: number;
  /** The budget whose compute-optimal model set the target loss, when the question was a budget. */
  readonly budget?: { readonly name: string; readonly compute: number };
  /** Dollars per FLOP of a priced budget. */
  readonly costPerFlop?: number;
  readonly inferenceAware: ServingPlanData;
  readonly chinchilla: ServingPlanData;
  /** What the inference-aware model saves: a share of total FLOP, FLOP, and dollars when priced. */
  readonly saving: { readonly fraction: number; readonly flops: number; readonly cost?: number };
  /** How far the inference-aware model lies outside the runs the law was fitted on, in sentences; empty inside. */
  readonly extrapolation: readonly string[];
}

/** `optimal BUDGET law=DATA` under an allocation fitted by Approach 1 or 2: N and D only, no loss. */
export interface FittedAllocationData {
  /** The data set whose allocation answers. */
  readonly law: string;
  readonly approach: 'isoflop' | 'envelope';
  readonly allocationOnly: true;
  /** FLOP. */
  readonly compute: number;
  readonly params: number;
  readonly tokens: number;
  readonly paramsInterval?: { readonly low: number; readonly high: number };
  readonly tokensInterval?: { readonly low: number; readonly high: number };
}

/**
 * What `optimal` answers, told apart by a key only one has: `otherLaws` (compute-optimal),
 * `capBinds` (unique=), `inferenceAware` (serve=), `allocationOnly` (law= an allocation fit).
 */
export type OptimalData = ComputeOptimalData | ConstrainedOptimalData | InferenceAwareData | FittedAllocationData;

/** `optimal mixture for DATA params=N tokens=D`: the best domain weights (Shukor et al. 2025). */
export interface OptimalMixtureData {
  /** "web" or "web, code (importance 3:1)". */
  readonly targets: string;
  readonly params: number;
  readonly tokens: number;
  readonly domains: readonly string[];
  /** Weights in the order of `domains`, summing to 1. */
  readonly weights: readonly number[];
  /** The (importance-weighted) predicted loss with these weights, and each target's. */
  readonly loss: number;
  readonly losses: ReadonlyArray<{ readonly name: string; readonly loss: number }>;
  /** The best training mixture and equal weights, with their predicted loss. */
  readonly comparisons: ReadonlyArray<{ readonly name: string; readonly weights: readonly number[]; readonly loss: number }>;
}

/** A verdict with the name of the model it is about. */
export interface NamedVerdict extends Verdict {
  readonly name: string;
}

/** `check MODEL[, MODEL…]`: each model's verdict (loss, compute, optimum, efficiency, `extrapolation`). */
export interface ModelChecksData {
  readonly law: string;
  readonly models: readonly NamedVerdict[];
  /** For the models declared with unique=: what repeating their data does. */
  readonly repetition?: ReadonlyArray<{ readonly name: string } & RepetitionData>;
}

/** A model found in a design document, checked: its verdict, with the text it was found in. */
export interface MentionCheckData extends Verdict {
  /** The name the text gives, if any. */
  readonly name?: string;
  /** The text as written, and how it was written (prose, catalog, table, assignment, slash). */
  readonly text: string;
  readonly source: string;
}

/** A check: of declared models (`models`), or of a model mentioned in a design document (`text`). */
export type CheckData = ModelChecksData | MentionCheckData;

/** `compare MODEL, MODEL[, …]`: each model's verdict under each law. */
export interface CompareData {
  /** Law ids, in the order of each model's `verdicts`. */
  readonly laws: readonly string[];
  readonly models: ReadonlyArray<{ readonly name: string; readonly verdicts: readonly Verdict[] }>;
  /** For the models declared with unique=: what repeating their data does under each law. */
  readonly repetition?: ReadonlyArray<{
    readonly name: string;
    readonly laws: ReadonlyArray<{ readonly law: string } & RepetitionData>;
  }>;
}

/** `returns`: the loss each 10× of compute buys along each law's frontier. */
export interface ReturnsData {
  readonly laws: ReadonlyArray<{ readonly law: string } & DiminishingReturns>;
}

/** `plot KIND`: what the chart shows; its numbers are in the chart's spec and the tables. */
export interface PlotData {
  /** The plot form: frontier, laws, isoflop, … */
  readonly kind: string;
  readonly laws: readonly string[];
  /** The models marked on the chart. */
  readonly models: readonly ChartModel[];
}

/** The power law −ln coverage ≈ c·k^(−s) fitted over a range of samples k. */
export interface CoveragePowerLawData {
  readonly range: SampleRange;
  /** s and c. */
  readonly exponent: number;
  readonly coefficient: number;
  readonly rSquared: number;
}

/** `coverage p=… | beta=a,b`: coverage against samples per problem (Brown et al. 2024). */
export interface CoverageData {
  readonly rates: SuccessRates;
  /** The samples per problem swept, [fewest, most]. */
  readonly samples: SampleRange;
  /** Coverage at each decade of k (fractions, not percent). */
  readonly points: readonly CoveragePoint[];
  /** With target=: the coverage asked for, and the samples per problem it needs. */
  readonly target?: number;
  readonly samplesForTarget?: number;
  /** For Beta rates: the power law fitted decade by decade, then over the whole range, and its large-k limit. */
  readonly powerLaw?: readonly CoveragePowerLawData[];
  readonly asymptote?: { readonly coefficient: number; readonly exponent: number };
}

/** `tournament generate=… compare=…`: Chen et al. 2024's bound for each tournament size shown. */
export interface TournamentData {
  readonly rates: TournamentRates;
  readonly tournaments: ReadonlyArray<{ readonly label: string } & TournamentBound>;
}

/** `emergence answer=ℓ`: exact match over N from a smooth loss (Schaeffer et al. 2023). */
export interface EmergenceData {
  readonly law: string;
  /** ℓ, tokens all of which must be right. */
  readonly answerTokens: number;
  /** Nats per token subtracted from L before p = e^(−(L − offset)). */
  readonly offset: number;
  readonly training: TrainingTokensRule;
  /** Model sizes swept, [smallest, largest]. */
  readonly params: ParamsRange;
  /** The exact-match level reported (a fraction). */
  readonly threshold: number;
  /** Each decade of N: tokens, loss, p per token, exact match, wrong tokens. */
  readonly points: readonly EmergencePoint[];
  /** Where exact match reaches 1%, 10%, the threshold and 90%. */
  readonly crossings: {
    readonly visible: ExactMatchCrossing;
    readonly riseFrom: ExactMatchCrossing;
    readonly threshold: ExactMatchCrossing;
    readonly riseTo: ExactMatchCrossing;
  };
  /** Decades of N from 10% to 90%, null when either lies outside the range. */
  readonly riseDecades: number | null;
  /** Exact match as N → ∞. */
  readonly ceiling: number;
}

/** `languages from=K to=K′`: the factors that keep the per-language loss as K grows (Longpre et al. 2026). */
export interface LanguagesData extends LanguageScaling {
  /** With params= and tokens=: the run with K languages, and the run it scales to. */
  readonly base?: { readonly params: number; readonly tokens: number };
  readonly scaled?: { readonly params: number; readonly tokens: number };
  readonly warnings: readonly string[];
}

/** The target language's loss three ways, when a model size was given. */
export interface TransferLosses {
  /** The law's id. */
  readonly law: string;
  readonly params: number;
  /** With D_eff, with the target's own (repetition-discounted) data only, and with every token counted as the target's. */
  readonly withTransfer: number;
  readonly targetOnly: number;
  readonly allTokens: number;
}

/** `transfer TARGET` with a table of languages: ATLAS's effective data D_eff (Longpre et al. 2026). */
export interface TransferData extends EffectiveData {
  readonly target: string;
  readonly lambda?: number;
  readonly losses?: TransferLosses;
}

/** Each result kind's data. */
export interface ResultDataByKind {
  readonly law: LawData;
  readonly model: readonly DeclaredModel[];
  readonly budget: readonly DeclaredBudget[];
  /** Told apart by `points` (runs) or `curves` (training curves). */
  readonly data: RunsData | CurvesData;
  /** Told apart by `approach` (Approach 1 or 2), `fit.law` (mixture) or neither (Chinchilla form). */
  readonly fit: ChinchillaFitData | MixtureFitData | AllocationFitData;
  readonly optimal: OptimalData;
  readonly 'optimal-mixture': OptimalMixtureData;
  readonly check: CheckData;
  readonly compare: CompareData;
  readonly returns: ReturnsData;
  readonly plot: PlotData;
  readonly coverage: CoverageData;
  readonly tournament: TournamentData;
  readonly emergence: EmergenceData;
  readonly languages: LanguagesData;
  readonly transfer: TransferData;
}
