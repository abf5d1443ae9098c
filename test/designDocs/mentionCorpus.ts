import type { MentionSource } from '../../src/designDocs';

/** What a corpus text must yield: one entry per mention, in order. */
export interface ExpectedMention {
  readonly params: number;
  readonly tokens: number;
  readonly activeParams?: number;
  readonly source: MentionSource;
  /** The exact text the mention must cover. */
  readonly text?: string;
}

export interface CorpusEntry {
  readonly text: string;
  readonly mentions: readonly ExpectedMention[];
}

const prose = (params: number, tokens: number, text?: string, activeParams?: number): ExpectedMention => ({
  params,
  tokens,
  source: 'prose',
  ...(text === undefined ? {} : { text }),
  ...(activeParams === undefined ? {} : { activeParams }),
});

const catalog = (params: number, tokens: number, text: string, activeParams?: number): ExpectedMention => ({
  params,
  ...(activeParams === undefined ? {} : { activeParams }),
  tokens,
  source: 'catalog',
  text,
});

/** Sentences and snippets as design docs write them, each with what must be found in it. */
export const POSITIVE_CORPUS: readonly CorpusEntry[] = [
  {
    text: 'Chinchilla showed that 70B parameters trained on 1.4T tokens beats Gopher.',
    mentions: [prose(70e9, 1.4e12, '70B parameters trained on 1.4T tokens')],
  },
  { text: 'For the pilot we train a 7B model on 2T tokens.', mentions: [prose(7e9, 2e12, '7B model on 2T tokens')] },
  { text: 'The 13B variant sees 1T tokens before annealing.', mentions: [prose(13e9, 1e12)] },
  {
    text: 'Our 1.3B-parameter draft model is trained for 300B tokens.',
    mentions: [prose(1.3e9, 300e9, '1.3B-parameter draft model is trained for 300B tokens')],
  },
  {
    text: 'Trained on 15 trillion tokens, the 8 billion parameter model is heavily overtrained.',
    mentions: [prose(8e9, 15e12, '15 trillion tokens, the 8 billion parameter model')],
  },
  {
    text: 'The MoE has 671B total parameters (37B active) and was trained on 14.8T tokens.',
    mentions: [prose(671e9, 14.8e12, undefined, 37e9)],
  },
  {
    text: 'We budget 2.5T training tokens for a 34B dense model.',
    mentions: [prose(34e9, 2.5e12, '2.5T training tokens for a 34B dense model')],
  },
  { text: 'A 70 billion-parameter model needs roughly 1.4 trillion tokens.', mentions: [prose(70e9, 1.4e12)] },
  { text: 'The 400M model was trained on 8B tokens as an ablation.', mentions: [prose(400e6, 8e9)] },
  { text: 'At 125M params and 2.5B tokens, the proxy runs in an hour.', mentions: [prose(125e6, 2.5e9, '125M params and 2.5B tokens')] },
  { text: 'D ≈ 20N, so a 1B model wants 20B tokens.', mentions: [prose(1e9, 20e9)] },
  { text: 'We train on 1.4e12 tokens with 7e10 parameters.', mentions: [prose(7e10, 1.4e12, '1.4e12 tokens with 7e10 parameters')] },
  { text: 'The model (7B params) is trained on ~2T tokens.', mentions: [prose(7e9, 2e12)] },
  { text: 'A 2.7b LM trained on 55b tokens is our smallest rung.', mentions: [prose(2.7e9, 55e9)] },
  {
    text: 'It has 671B parameters, trained on 14.8T tokens with 37B active.',
    mentions: [prose(671e9, 14.8e12, '671B parameters, trained on 14.8T tokens with 37B active', 37e9)],
  },
  { text: 'Try `70B params 1.4T tokens` or `671B 37B active 14.8T`.', mentions: [prose(70e9, 1.4e12, '70B params 1.4T tokens')] },
  { text: 'We train a 1B model on 20B tokens and a 3B model on 60B tokens.', mentions: [prose(1e9, 20e9), prose(3e9, 60e9)] },
  {
    text: 'The 70B model\nwas trained on 1.4 trillion tokens,\nas in the paper.',
    mentions: [prose(70e9, 1.4e12, '70B model\nwas trained on 1.4 trillion tokens')],
  },
  { text: 'Its model size is 6.7B and the token budget is 1T.', mentions: [prose(6.7e9, 1e12)] },
  { text: 'A 175bn-parameter model fed 300bn tokens.', mentions: [prose(175e9, 300e9)] },
  { text: 'Scale-up: 70,000,000,000 parameters on 1,400,000,000,000 tokens.', mentions: [prose(70e9, 1.4e12)] },
  { text: 'The proxy is a 350M transformer trained on 7B high-quality tokens.', mentions: [prose(350e6, 7e9)] },
  { text: 'We trained a 1.5B model for 1.4×10^12 tokens.', mentions: [prose(1.5e9, 1.4e12)] },
  { text: 'Llama 3 8B model trained on 2T tokens of our own data.', mentions: [prose(8e9, 2e12, '8B model trained on 2T tokens')] },
  {
    text: 'We will fine-tune Llama 3 8B on our support transcripts.',
    mentions: [{ params: 8e9, tokens: 15e12, source: 'catalog', text: 'Llama 3 8B' }],
  },
  { text: 'As a reference point we use LLaMA-65B.', mentions: [{ params: 65.2e9, tokens: 1.4e12, source: 'catalog', text: 'LLaMA-65B' }] },
  { text: 'llama2-70b is the obvious open baseline.', mentions: [{ params: 70e9, tokens: 2e12, source: 'catalog', text: 'llama2-70b' }] },
  {
    text: 'DeepSeek-V3 is our mixture-of-experts reference.',
    mentions: [{ params: 671e9, activeParams: 37e9, tokens: 14.8e12, source: 'catalog' }],
  },
  {
    text: 'Compare with Falcon 180B and Qwen2 72B.',
    mentions: [
      { params: 180e9, tokens: 3.5e12, source: 'catalog' },
      { params: 72e9, tokens: 7e12, source: 'catalog' },
    ],
  },
  { text: 'A llama-3-8B model trained on 2T tokens of our own data.', mentions: [prose(8e9, 2e12, '8B model trained on 2T tokens')] },
  { text: 'GPT-3 175B remains the cautionary tale.', mentions: [{ params: 175e9, tokens: 300e9, source: 'catalog', text: 'GPT-3 175B' }] },
  {
    text: 'Gopher (280B/300B) is the classic undertrained example.',
    mentions: [{ params: 280e9, tokens: 300e9, source: 'slash', text: '280B/300B' }],
  },
  {
    text: 'Our target is 70B / 1.4T, Chinchilla-style.',
    mentions: [{ params: 70e9, tokens: 1.4e12, source: 'slash', text: '70B / 1.4T' }],
  },
  {
    text: 'Baseline: N=70e9, D=1.4e12, matching Hoffmann et al.',
    mentions: [{ params: 70e9, tokens: 1.4e12, source: 'assignment', text: 'N=70e9, D=1.4e12' }],
  },
  {
    text: 'Use `params=7B tokens=140B` in the notebook.',
    mentions: [{ params: 7e9, tokens: 140e9, source: 'assignment', text: 'params=7B tokens=140B' }],
  },
  { text: '- **Params:** 175B\n- **Tokens:** 300B', mentions: [{ params: 175e9, tokens: 300e9, source: 'assignment' }] },
  { text: 'Parameters: 70 billion\nTraining tokens: 1.4 trillion', mentions: [{ params: 70e9, tokens: 1.4e12, source: 'assignment' }] },
  {
    text: 'model moe params=671B active=37B tokens=14.8T',
    mentions: [{ params: 671e9, activeParams: 37e9, tokens: 14.8e12, source: 'assignment' }],
  },
  {
    text: '| Model | Params | Tokens |\n| --- | ---: | ---: |\n| Chinchilla | 70B | 1.4T |\n| Gopher | 280B | 300B |',
    mentions: [
      { params: 70e9, tokens: 1.4e12, source: 'table', text: '| Chinchilla | 70B | 1.4T |' },
      { params: 280e9, tokens: 300e9, source: 'table', text: '| Gopher | 280B | 300B |' },
    ],
  },
  {
    text: 'Run | N (B) | D (T)\n--- | --- | ---\nsmall | 1.3 | 0.026\nlarge | 13 | 0.26',
    mentions: [
      { params: 1.3e9, tokens: 26e9, source: 'table' },
      { params: 13e9, tokens: 260e9, source: 'table' },
    ],
  },
  {
    text: '| Name | Total params | Active params | Training tokens |\n|:--|--:|--:|--:|\n| **ours** | 236B | 21B | 8.1T |\n| dense | 70B | — | 2T |',
    mentions: [
      { params: 236e9, activeParams: 21e9, tokens: 8.1e12, source: 'table' },
      { params: 70e9, tokens: 2e12, source: 'table' },
    ],
  },
  // One sentence, one model: a count is paired only within its sentence and only once.
  {
    text: 'Llama 3 8B was trained on 15T tokens. DeepSeek-V3 uses 671B total and 37B active parameters on 14.8T tokens.',
    mentions: [catalog(8e9, 15e12, 'Llama 3 8B'), catalog(671e9, 14.8e12, 'DeepSeek-V3', 37e9)],
  },
  {
    text: 'Active parameters may also follow: "… on 14.8T tokens with 37B active". Several models in one paragraph are found one by one\n("a 1B model on 20B tokens and a 3B model on 60B tokens"). When a sentence both names a catalog model and states numbers ("Llama 3 8B model trained on 2T tokens"), the numbers written win.',
    mentions: [
      prose(1e9, 20e9, '1B model on 20B tokens'),
      prose(3e9, 60e9, '3B model on 60B tokens'),
      prose(8e9, 2e12, '8B model trained on 2T tokens'),
    ],
  },
  { text: 'We used 2T tokens before! Now a 7B model gets 140B tokens.', mentions: [prose(7e9, 140e9, '7B model gets 140B tokens')] },
  { text: 'Trained on 15T tokens, the 8B model on 2T tokens is the ablation.', mentions: [prose(8e9, 2e12, '8B model on 2T tokens')] },
  { text: 'The 7B model (e.g. the proxy) was trained on 140B tokens.', mentions: [prose(7e9, 140e9)] },
  { text: 'The 7B model, i.e. our proxy, vs. the 2023 run, was trained on 2T tokens.', mentions: [prose(7e9, 2e12)] },
  { text: 'The 70B model (Hoffmann et al. 2022) saw 1.4T tokens.', mentions: [prose(70e9, 1.4e12)] },
  { text: 'A 1.3B model was trained on 1.4T tokens; a 2.7B model on 2.8T tokens.', mentions: [prose(1.3e9, 1.4e12), prose(2.7e9, 2.8e12)] },
  { text: 'Llama 3 8B model trained on 15T tokens is the baseline.', mentions: [catalog(8e9, 15e12, 'Llama 3 8B')] },
  { text: 'Our baseline is LLaMA-65B, a 65B model on 1.4T tokens.', mentions: [catalog(65.2e9, 1.4e12, 'LLaMA-65B')] },
  { text: 'Llama 3 8B. We train an 8B model on 2T tokens.', mentions: [catalog(8e9, 15e12, 'Llama 3 8B'), prose(8e9, 2e12)] },
  {
    text: '| Model | Notes |\n|---|---|\n| Llama 3 8B | our baseline |',
    mentions: [{ params: 8e9, tokens: 15e12, source: 'catalog', text: 'Llama 3 8B' }],
  },
];

/** Texts that mention sizes, money, years or tokens but no model's size and training data. */
export const NEGATIVE_CORPUS: readonly string[] = [
  'The model has 70B parameters.',
  '- the model has 70B parameters\n- a dataset of 300B tokens is enough for ablations',
  'The company raised $70B in 2023.',
  'Analysts put the market at 1.4T dollars by 2030.',
  'The valuation reached 1.4T last quarter.',
  'Revenue grew to $1.4T while headcount hit 70,000.',
  'We have $2M of compute and 1.4T tokens of data.',
  'The tokenizer has a vocabulary of 128K tokens and a 7B model is the target.',
  'Use a batch size of 4M tokens for the 7B model.',
  'Context length is 8K tokens; the 13B model handles it.',
  'We serve 70B models at 1.4T tokens per day.',
  'Throughput is 3,000 tokens/s per GPU on the 70B model.',
  'We release 7B/13B/70B checkpoints trained on 2T tokens.',
  'The 7B/13B models share a tokenizer.',
  'Between 7B and 70B parameters, training on 2T tokens gets expensive.',
  'Models of 7–70B parameters were trained on 2T tokens each.',
  'Chinchilla-optimal training means about 20 tokens per parameter.',
  'Gopher is a 280B model; Chinchilla showed the rule.',
  'A 1.4TB dataset of 70B documents.',
  'Mixtral 8x7B handles our 1T-token eval set.',
  'In 2022, 1400 GPUs ran for 30 days.',
  'Section 3.2 covers 2T-token data mixing.',
  'A dataset of 300B tokens is enough for ablations.',
  'We budget $10M for a 70B run and €1.4T is the market size.',
  'The 1T/2T token budgets are both on the table.',
  'The 70B model is our target. The corpus has 1.4T tokens.',
  'Is 8B parameters enough? We have 15T tokens.',
  'The 70B model is the target; 1.4T tokens are ready.',
  'We bought 15T tokens! The 671B total parameters come later.',
  '"Our 70B model is the target." The 1.4T tokens are for later.',
  'Counts in different list items ("- the model has 70B parameters" and "- the corpus has 300B tokens") are not paired.',
];
