/**
 * The cell language's vocabulary: every keyword with the properties it takes, each with a line of
 * documentation. The parser checks keywords against it, the evaluator checks properties, and the
 * editor builds completions and hovers from it, so the three never disagree.
 */

export interface PropertySpec {
  readonly doc: string;
  /** What the value is, for completions and error hints. */
  readonly expects: string;
}

export interface KeywordSpec {
  readonly doc: string;
  readonly syntax: string;
  readonly example: string;
  readonly properties: Readonly<Record<string, PropertySpec>>;
  /** Whether words may follow the name (`check a, b`, `data d from "x.csv"`); elsewhere they are a mistake. */
  readonly positionals?: boolean;
}

const LAW_CONSTANTS: Readonly<Record<string, PropertySpec>> = {
  E: { doc: 'irreducible loss (nats/token)', expects: 'a number like 1.69' },
  A: { doc: 'parameter term coefficient in A/N^α', expects: 'a number like 406.4' },
  B: { doc: 'data term coefficient in B/D^β', expects: 'a number like 410.7' },
  alpha: { doc: 'parameter exponent α', expects: 'a number like 0.34' },
  beta: { doc: 'data exponent β', expects: 'a number like 0.28' },
};

const LAW_PROPERTY: PropertySpec = { doc: 'answer under this law instead of the active one', expects: 'a law name like epoch' };

export const KEYWORDS: Readonly<Record<string, KeywordSpec>> = {
  law: {
    doc: 'Makes a scaling law active for the statements below: a preset (hoffmann2022, hoffmann2022-precise, besiroglu2024, kaplan2020, muennighoff2023; aliases chinchilla, epoch, kaplan, muennighoff) or your own Chinchilla-form constants.',
    syntax: 'law NAME [E=… A=… B=… alpha=… beta=…]',
    example: 'law epoch',
    properties: LAW_CONSTANTS,
  },
  model: {
    doc: 'Declares a model: total parameters, active parameters for mixture-of-experts, training tokens.',
    syntax: 'model NAME params=N tokens=D [active=N] [unique=U] [layers=… context=… width=…]',
    example: 'model chinchilla params=70B tokens=1.4T',
    properties: {
      params: { doc: 'total parameters (memory and serving)', expects: 'a count like 70B' },
      active: { doc: 'parameters active per token (mixture-of-experts); compute uses these', expects: 'a count like 37B' },
      tokens: { doc: 'training tokens', expects: 'a count like 1.4T, or arithmetic like 20*params' },
      layers: { doc: "transformer layers, for Kaplan's attention FLOPs", expects: 'a whole number like 80' },
      context: { doc: "context length in tokens, for Kaplan's attention FLOPs", expects: 'a whole number like 4096' },
      width: { doc: "model width d_model, for Kaplan's attention FLOPs", expects: 'a whole number like 8192' },
      unique: { doc: 'unique tokens the training data is drawn from: epochs, effective data and the loss lost to repeats (Muennighoff et al. 2023)', expects: 'a count like 500B' },
    },
  },
  budget: {
    doc: 'Declares a compute budget: FLOPs directly, or accelerators × time × utilisation, with an optional price.',
    syntax: 'budget NAME compute=C | gpus=N gpu=H100 days=D mfu=40% [price=$2.50/h]',
    example: 'budget cluster gpus=2048 gpu=H100 days=60 mfu=40% price=$2.50/h',
    properties: {
      compute: { doc: 'training compute in FLOP', expects: 'a number like 5.76e23' },
      gpus: { doc: 'number of accelerators', expects: 'a count like 2048' },
      gpu: { doc: 'accelerator type', expects: 'an accelerator like H100, A100, B200, MI300X, TPUv5p' },
      days: { doc: 'wall-clock days', expects: 'a number like 60' },
      hours: { doc: 'wall-clock hours (instead of days)', expects: 'a number like 720' },
      mfu: { doc: 'model FLOPs utilisation', expects: 'a percentage like 40%' },
      price: { doc: 'price per accelerator-hour', expects: 'dollars like $2.50/h' },
      peak: { doc: "dense BF16 peak FLOP/s per accelerator, for one the catalog lacks (gpu= is then just its name)", expects: 'FLOP/s like 989T' },
    },
  },
  optimal: {
    positionals: true,
    doc: 'The compute-optimal model: for a budget or a model\'s compute, for compute=C, for a target loss, or the budget that makes params=N optimal. Other laws\' answers are shown beside it.',
    syntax: 'optimal BUDGET|MODEL | compute=C | loss=L | params=N [law=NAME] [serve=TOKENS] [unique=U] | optimal mixture for DATA[, DATA…] params=N tokens=D [importance=W,…]',
    example: 'optimal cluster',
    properties: {
      compute: { doc: 'a compute budget in FLOP', expects: 'a number like 1e24' },
      loss: { doc: 'a target loss (nats/token): the cheapest compute-optimal model reaching it', expects: 'a number like 1.95' },
      params: { doc: 'a model size: the budget for which it is compute-optimal', expects: 'a count like 70B' },
      serve: { doc: 'tokens the model will serve: the model reaching the same loss with the least training + inference FLOPs, beside the Chinchilla-optimal one (Sardana et al. 2023)', expects: 'a count like 2T' },
      unique: { doc: 'unique tokens available: the best model for the budget when data must be repeated, beside the unconstrained optimum (Muennighoff et al. 2023)', expects: 'a count like 500B' },
      tokens: { doc: 'training tokens of the planned run (optimal mixture … params=N tokens=D)', expects: 'a count like 150B' },
      importance: { doc: 'how much each target of an optimal mixture counts, one per data set (normalised)', expects: 'numbers like 3,1' },
      law: LAW_PROPERTY,
    },
  },
  check: {
    positionals: true,
    doc: 'Verdicts for models (declared above or from the catalog): D/N against the optimum at the same compute, loss gap, compute efficiency.',
    syntax: 'check MODEL[, MODEL…] [law=NAME]',
    example: 'check gopher, chinchilla',
    properties: { law: LAW_PROPERTY },
  },
  compare: {
    positionals: true,
    doc: 'Models side by side under every law: how each law judges each model.',
    syntax: 'compare MODEL, MODEL[, …] [laws=NAME,…]',
    example: 'compare gopher, chinchilla, llama-3-8b',
    properties: { laws: { doc: 'laws to compare (default: every preset)', expects: 'law names like epoch, chinchilla' } },
  },
  returns: {
    doc: 'Diminishing returns: the loss improvement each further 10× of compute buys along the compute-optimal frontier, in total and as a share of the reducible loss (above E), with a chart.',
    syntax: 'returns [compute=FROM..TO] [laws=NAME,…]',
    example: 'returns compute=1e20..1e26',
    properties: {
      compute: { doc: 'the compute range, stepped in 10× decades', expects: 'a range like 1e20..1e26' },
      laws: { doc: 'laws to compare (default: the active law)', expects: 'law names like epoch, chinchilla' },
    },
  },
  data: {
    positionals: true,
    doc: 'Your training runs (parameters, tokens or compute, and final loss) from a CSV file next to the notebook, or as an indented table under the line. Header names are flexible and reported back.',
    syntax: 'data NAME from "runs.csv" [params=COLUMN tokens=COLUMN compute=COLUMN loss=COLUMN] [domains=NAME,…] | data NAME from "curves.jsonl" [run=COLUMN step=COLUMN tokens_per_step=N]',
    example: 'data ladder from "runs/ladder.csv"',
    properties: {
      params: { doc: 'the column holding parameter counts, when its header is unusual', expects: 'a header name like "n_params"' },
      tokens: { doc: 'the column holding training tokens', expects: 'a header name like "train_tokens"' },
      compute: { doc: 'the column holding training FLOPs (tokens are then C/(6N))', expects: 'a header name like "flops"' },
      loss: { doc: 'the column holding the final loss', expects: 'a header name like "val_loss"' },
      run: { doc: 'the column naming each run, in training curves (one row per evaluation)', expects: 'a header name like "run_id"' },
      step: { doc: 'the column of optimizer steps, in training curves without a tokens column', expects: 'a header like "global_step"' },
      tokens_per_step: {
        doc: 'tokens per optimizer step (batch × sequence length), when training curves give steps',
        expects: 'a count like 524288 or 0.5M',
      },
      domains: { doc: 'the domains of a data-mixture study, one weight column each (web, w_web, weight_web or h_web); without it, w_ and weight_ columns are read as domain weights', expects: 'names like web,code,books' },
    },
  },
  fit: {
    doc: "Fits L(N, D) = E + A/N^α + B/D^β to a data set the way Hoffmann et al. 2022 did (Huber loss on log loss, L-BFGS from 4,500 starts); the fit becomes the active law, usable by the data set's name. With bootstrap=N, intervals for the constants and the predictions.",
    syntax: 'fit DATA [approach=parametric|isoflop|envelope|all] [bootstrap=N] [seed=S] [delta=1e-3] [predict=MODEL,…] [E=… alpha=… (held fixed)] | fit DATA mixture=joint|additive [seed=S] [delta=1e-3]',
    example: 'fit ladder bootstrap=200 predict=big-run',
    properties: {
      bootstrap: { doc: 'resamples for intervals (0 = none)', expects: 'a whole number like 1000' },
      seed: { doc: 'seed of the resampling: the same seed gives the same intervals', expects: 'a whole number like 1' },
      delta: { doc: 'Huber threshold δ (Hoffmann et al. 2022 use 1e-3)', expects: 'a number like 1e-3' },
      confidence: { doc: 'interval coverage', expects: 'a fraction like 95%' },
      predict: { doc: 'models (declared above or from the catalog) whose loss to predict, with intervals', expects: 'model names like big-run' },
      approach: {
        doc:
          "Hoffmann et al. 2022's approach: parametric (Approach 3, L(N, D), the default), isoflop (Approach 2: a parabola per " +
          'isoFLOP budget), envelope (Approach 1: the lower envelope of training curves), or all (a and b side by side, Table 2)',
        expects: 'parametric, isoflop, envelope or all',
      },
      mixture: { doc: "fit Shukor et al. 2025's data-mixture law L(N, D, h) instead, to runs with domain weights: joint (the best mixture moves with scale) or additive (it does not)", expects: 'joint or additive' },
      ...Object.fromEntries(Object.entries(LAW_CONSTANTS).map(([key, spec]) => [key, { ...spec, doc: `hold ${spec.doc} fixed at this value` }])),
    },
  },
  plot: {
    positionals: true,
    doc: 'A log-log chart: frontier, isoflop, tokens-per-param, loss-vs-params, loss-vs-tokens, laws, or fit (your runs against the fitted law).',
    syntax: 'plot KIND [compute=…] [models=…] [laws=…] [tokens=…] [params=…]',
    example: 'plot frontier compute=1e18..1e26 models=gopher,chinchilla',
    properties: {
      compute: { doc: 'a compute range (frontier, laws, tokens-per-param) or a list of budgets (isoflop)', expects: 'a range like 1e18..1e26 or a list like 1e19,1e21' },
      models: { doc: 'models to mark on the chart', expects: 'model names like gopher, chinchilla' },
      laws: { doc: 'laws to draw (default: the active law; laws chart: every preset)', expects: 'law names like epoch, kaplan' },
      tokens: { doc: 'fixed training tokens (loss-vs-params), or the range swept (loss-vs-tokens)', expects: 'a count like 300B, or a range like 1e9..1e14' },
      params: { doc: 'fixed model size (loss-vs-tokens), or the range swept (loss-vs-params)', expects: 'a count like 70B, or a range like 1e8..1e13' },
      points: { doc: 'points per curve', expects: 'a whole number like 60' },
      loss: { doc: 'the target loss (inference-cost)', expects: 'a number like 1.95' },
      serve: { doc: 'tokens the model will serve (inference-cost)', expects: 'a count like 2T' },
      unique: { doc: 'unique tokens available (epochs)', expects: 'a count like 500B' },
      epochs: { doc: 'the epoch range swept (epochs)', expects: 'a range like 1..100' },
      importance: { doc: 'how much each target counts (mixture, several data sets)', expects: 'numbers like 3,1' },
    },
  },
  coverage: {
    doc: 'Coverage from repeated sampling: the share of problems at least one of k samples solves — 1 − (1 − p)^k for one per-sample success rate p, 1 − B(a, b + k)/B(a, b) for rates spread as Beta(a, b) — with −ln coverage and its power law in k (slope −a for large k), the samples a target needs, and a chart.',
    syntax: 'coverage p=RATE | beta=A,B [samples=FROM..TO] [target=90%]',
    example: 'coverage beta=0.3,3 samples=1..10000 target=90%',
    properties: {
      p: { doc: 'one per-sample success rate, the same for every problem', expects: 'a fraction like 0.05 or 5%' },
      beta: { doc: 'shapes a, b of the Beta distribution of per-problem success rates; a sets the hard-problem tail p^(a−1), and −ln coverage falls as k^(−a)', expects: 'two numbers like 0.3,3' },
      samples: { doc: 'samples per problem swept (default 1..10000)', expects: 'a range of whole numbers like 1..10000' },
      target: { doc: 'a coverage to reach: the fewest samples per problem that get there', expects: 'a percentage like 90%' },
    },
  },
  tournament: {
    doc: "Chen et al. 2024's generate-then-knockout tournament: N candidates, each match won by the majority of K comparisons. P(wrong) ≤ (1 − p_gen)^N + ⌈log₂ N⌉·e^(−2K(p_comp − ½)²) with N·(K + 1) LLM calls, for a given N and K or the best within a call budget (with a chart of the bound against the budget).",
    syntax: 'tournament generate=P compare=P (candidates=N comparisons=K | calls=BUDGET)',
    example: 'tournament generate=0.3 compare=0.7 candidates=16 comparisons=50',
    properties: {
      generate: { doc: 'p_gen: the chance one generated candidate is correct', expects: 'a fraction like 0.3 or 30%' },
      compare: { doc: 'p_comp: the chance one comparison of a correct and an incorrect candidate picks the correct one; must beat 50%', expects: 'a fraction like 0.7 or 70%' },
      candidates: { doc: 'N: candidates generated', expects: 'a whole number like 16' },
      comparisons: { doc: 'K: comparisons per match, the majority wins', expects: 'a whole number like 50' },
      calls: { doc: 'an LLM-call budget per problem: the N and K with the lowest bound within it', expects: 'a whole number like 1000' },
    },
  },
  emergence: {
    doc: "Emergence as a metric artefact (Schaeffer et al. 2023): the per-token loss L falls smoothly with N while exact match over an ℓ-token answer, p^ℓ with p = e^(−(L − offset)), sits near 0 and then jumps. Table along N, where exact match reaches 1%, 10%, the threshold and 90%, and a paired chart.",
    syntax: 'emergence answer=ℓ [params=FROM..TO] [tokens=D | ratio=D/N] [offset=0|E] [threshold=50%] [law=NAME]',
    example: 'emergence answer=20 params=1e8..1e14 offset=E',
    properties: {
      answer: { doc: 'ℓ: tokens in the answer, every one of which must be right', expects: 'a number like 20' },
      params: { doc: 'model sizes swept (default 1e8..1e14)', expects: 'a range like 1e8..1e14' },
      tokens: { doc: "train every size on this many tokens (default: the law's compute-optimal D for each N)", expects: 'a count like 300B' },
      ratio: { doc: 'train every size on this many tokens per parameter instead', expects: 'a number like 20' },
      offset: { doc: "nats taken off L before p = e^(−(L − offset)): 0, the paper's stylised p = e^(−L), is the default; E, the law's irreducible loss, counts only the reducible loss", expects: 'a number like 0, or E' },
      threshold: { doc: 'the exact-match level whose crossing is reported and marked', expects: 'a percentage like 50%' },
      law: LAW_PROPERTY,
    },
  },
  languages: {
    doc: "The curse of multilinguality (Longpre et al. 2026, ATLAS): going from K to K′ languages at equal per-language loss takes N ∝ r^0.243, total data ∝ r^0.728 and compute ∝ r^0.97 (r = K′/K); or the exponents ϕ/α and 1 + ψ/β of your own α, β. With a chart over the number of languages.",
    syntax: 'languages from=K to=K′ [params=N tokens=D] [alpha=… beta=… [phi=0.11 psi=-0.04]]',
    example: 'languages from=8 to=32 params=7B tokens=1T',
    properties: {
      from: { doc: 'languages the run is trained on now', expects: 'a whole number like 8' },
      to: { doc: 'languages to support at the same per-language loss', expects: 'a whole number like 32' },
      params: { doc: 'parameters of the run with `from` languages, to scale', expects: 'a count like 7B' },
      tokens: { doc: 'total training tokens of the run with `from` languages', expects: 'a count like 1T' },
      alpha: { doc: 'α of your curse-of-multilinguality fit (with beta=): N ∝ r^(ϕ/α)', expects: 'a number like 0.34' },
      beta: { doc: 'β of your fit (with alpha=): D_total ∝ r^(1+ψ/β)', expects: 'a number like 0.28' },
      phi: { doc: "ϕ, the exponent of K in the size term (ATLAS: 0.11)", expects: 'a number like 0.11' },
      psi: { doc: 'ψ, the exponent of K in the data term (ATLAS: −0.04)', expects: 'a number like -0.04' },
    },
  },
  transfer: {
    positionals: true,
    doc: "ATLAS's effective data for a target language (Longpre et al. 2026): D_eff = S_λ(D_t; U_t) + Σᵢ τᵢ·S_λ(Dᵢ; Uᵢ), each language's tokens discounted for repetition by S_λ and weighted by its transfer τ, from an indented table; with params=, the loss it buys under the active law.",
    syntax: 'transfer TARGET [params=N] [lambda=λ] [law=NAME], then indented lines: language, tokens, unique, tau',
    example: 'transfer catalan params=2B lambda=0.5',
    properties: {
      params: { doc: 'model size: the loss with D_eff, with the target alone, and counting every token as the target’s', expects: 'a count like 2B' },
      lambda: { doc: 'λ of S_λ: each epoch beyond the first is worth e^−λ of the one before (needed when a language repeats its data)', expects: 'a number like 0.5' },
      law: LAW_PROPERTY,
    },
  },
};

/** Plot kinds with one line each, for completions and errors. */
export const PLOT_KINDS: Readonly<Record<string, string>> = {
  frontier: 'predicted loss vs compute along the compute-optimal line, models as points',
  isoflop: 'loss vs parameters at fixed compute budgets, minima marked',
  'tokens-per-param': 'optimal tokens per parameter vs compute, models as points, the 20:1 rule',
  'loss-vs-params': 'loss vs parameters at fixed training tokens (the parameter wall)',
  'loss-vs-tokens': 'loss vs training tokens at a fixed model size (the data wall)',
  laws: "several laws' frontiers on one chart",
  fit: 'your runs against the law fitted to them (plot fit DATA), predictions with their intervals',
  'inference-cost': 'training + inference FLOPs (or cost) vs parameters at a fixed loss, inference-aware and Chinchilla-optimal models marked',
  epochs: 'loss vs epochs over capped unique data at a fixed budget or model size, beside fresh data: where repeating stops paying',
  mixture: "loss vs each domain's weight, the others rescaled from the best mixture (plot mixture DATA params=N tokens=D)",
  allocation:
    'N_opt and D_opt vs compute for an allocation fitted by approach=isoflop or envelope (plot allocation DATA), ' +
    'dashed beyond the data to the budgets, with its band',
};

/** Edit distance, for "did you mean" hints. */
function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0];
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j];
      previous[j] = Math.min(previous[j] + 1, previous[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length];
}

/** The candidate closest to `word` (case-insensitive), if it is close enough to be a typo. */
export function closestWord(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best !== undefined && bestDistance <= Math.max(1, Math.min(3, Math.floor(word.length / 2.5))) ? best : undefined;
}
