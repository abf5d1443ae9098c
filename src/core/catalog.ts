/** A published model: sizes as reported by its authors. */
export interface CatalogModel {
  readonly id: string;
  readonly name: string;
  /** Total parameters. */
  readonly params: number;
  /** Parameters active per token (mixture-of-experts); absent for dense models. */
  readonly activeParams?: number;
  readonly tokens: number;
  readonly source: string;
  /**
   * The training compute its authors report, where they do: it differs from 6·N·D (attention,
   * rounding, the actual token count), and answers about the model's budget use it and say so.
   */
  readonly reportedCompute?: { readonly flops: number; readonly source: string };
  /** Other spellings people use ("llama3-8b", "Llama 3 8B"). */
  readonly aliases?: readonly string[];
}

/** Published models, with the paper and table that report their size and training tokens. */
export const MODEL_CATALOG: readonly CatalogModel[] = [
  {
    id: 'gpt-3',
    name: 'GPT-3 175B',
    params: 175e9,
    tokens: 300e9,
    source: 'Brown et al. 2020, Table 2.1 and Sec. 2.2 (300B training tokens)',
    reportedCompute: { flops: 3.14e23, source: 'Brown et al. 2020, Table D.1 (3.64e3 PF-days)' },
    aliases: ['gpt3', 'gpt-3-175b'],
  },
  {
    id: 'gopher',
    name: 'Gopher 280B',
    params: 280e9,
    tokens: 300e9,
    source: 'Rae et al. 2021, Table 1 (300B training tokens)',
    reportedCompute: {
      flops: 5.76e23,
      source: 'Hoffmann et al. 2022, Sec. 3 and Fig. 2 ("the number of FLOPs used to train Gopher (5.76 × 10^23)")',
    },
    aliases: ['gopher-280b'],
  },
  {
    id: 'chinchilla',
    name: 'Chinchilla 70B',
    params: 70e9,
    tokens: 1.4e12,
    source: 'Hoffmann et al. 2022, Table 1',
    reportedCompute: { flops: 5.76e23, source: 'Hoffmann et al. 2022, abstract ("the same compute budget as Gopher") and Sec. 3' },
    aliases: ['chinchilla-70b'],
  },
  {
    id: 'mt-nlg-530b',
    name: 'MT-NLG 530B',
    params: 530e9,
    tokens: 270e9,
    source: 'Smith et al. 2022 (Megatron-Turing NLG 530B); Hoffmann et al. 2022, Table 1 (530B, 270B tokens)',
    aliases: ['mt-nlg', 'megatron-turing-nlg', 'megatron-turing-nlg-530b'],
  },
  {
    id: 'jurassic-1',
    name: 'Jurassic-1 Jumbo 178B',
    params: 178e9,
    tokens: 300e9,
    source: 'Lieber et al. 2021; Hoffmann et al. 2022, Table 1 (178B, 300B tokens)',
    aliases: ['jurassic-1-jumbo', 'jurassic', 'j1-jumbo'],
  },
  {
    id: 'lamda',
    name: 'LaMDA 137B',
    params: 137e9,
    tokens: 168e9,
    source: 'Thoppilan et al. 2022; Hoffmann et al. 2022, Table 1 (137B, 168B tokens)',
    reportedCompute: {
      flops: 3.55e23,
      source: 'Thoppilan et al. 2022, Sec. 10 (56.5% × 123 TFLOP/s × 1024 chips × 57.7 days = 3.55e23)',
    },
    aliases: ['lamda-137b'],
  },
  {
    id: 'palm-540b',
    name: 'PaLM 540B',
    params: 540e9,
    tokens: 780e9,
    source: 'Chowdhery et al. 2022, "PaLM: Scaling Language Modeling with Pathways", Sec. 3 (780B training tokens)',
    aliases: ['palm', 'palm-540'],
  },
  {
    id: 'opt-175b',
    name: 'OPT-175B',
    params: 175e9,
    tokens: 180e9,
    source: 'Zhang et al. 2022, "OPT: Open Pre-trained Transformer Language Models", Sec. 3.2 (180B tokens)',
    aliases: ['opt', 'opt175b'],
  },
  {
    id: 'bloom',
    name: 'BLOOM 176B',
    params: 176e9,
    tokens: 366e9,
    source: 'BigScience 2022, "BLOOM: A 176B-Parameter Open-Access Multilingual Language Model", Sec. 3 (366B tokens)',
    aliases: ['bloom-176b'],
  },
  {
    id: 'llama-7b',
    name: 'LLaMA 7B',
    params: 6.7e9,
    tokens: 1e12,
    source: 'Touvron et al. 2023a, Table 2 (6.7B parameters, 1.0T tokens)',
    aliases: ['llama-1-7b', 'llama1-7b'],
  },
  {
    id: 'llama-65b',
    name: 'LLaMA 65B',
    params: 65.2e9,
    tokens: 1.4e12,
    source: 'Touvron et al. 2023a, Table 2 (65.2B parameters, 1.4T tokens)',
    aliases: ['llama-1-65b', 'llama1-65b'],
  },
  {
    id: 'llama-2-7b',
    name: 'Llama 2 7B',
    params: 7e9,
    tokens: 2e12,
    source: 'Touvron et al. 2023b, Table 1 (2.0T tokens)',
    aliases: ['llama2-7b'],
  },
  {
    id: 'llama-2-70b',
    name: 'Llama 2 70B',
    params: 70e9,
    tokens: 2e12,
    source: 'Touvron et al. 2023b, Table 1 (2.0T tokens)',
    aliases: ['llama2-70b'],
  },
  {
    id: 'llama-3-8b',
    name: 'Llama 3 8B',
    params: 8e9,
    tokens: 15e12,
    source: 'Meta 2024, "Introducing Meta Llama 3" (over 15T tokens); Dubey et al. 2024',
    aliases: ['llama3-8b'],
  },
  {
    id: 'llama-3-70b',
    name: 'Llama 3 70B',
    params: 70e9,
    tokens: 15e12,
    source: 'Meta 2024, "Introducing Meta Llama 3" (over 15T tokens); Dubey et al. 2024',
    aliases: ['llama3-70b'],
  },
  {
    id: 'llama-3.1-405b',
    name: 'Llama 3.1 405B',
    params: 405e9,
    tokens: 15.6e12,
    source: 'Dubey et al. 2024, "The Llama 3 Herd of Models", Sec. 3 (15.6T tokens)',
    reportedCompute: { flops: 3.8e25, source: 'Dubey et al. 2024, Sec. 1 ("pre-trained using 3.8 × 10^25 FLOPs")' },
    aliases: ['llama-3-405b', 'llama3.1-405b'],
  },
  {
    id: 'falcon-40b',
    name: 'Falcon 40B',
    params: 40e9,
    tokens: 1e12,
    source: 'Almazrouei et al. 2023, "The Falcon Series of Open Language Models", Table 1',
    aliases: ['falcon40b'],
  },
  {
    id: 'falcon-180b',
    name: 'Falcon 180B',
    params: 180e9,
    tokens: 3.5e12,
    source: 'Almazrouei et al. 2023, Table 1 (3.5T tokens)',
    aliases: ['falcon180b'],
  },
  {
    id: 'qwen2-72b',
    name: 'Qwen2 72B',
    params: 72e9,
    tokens: 7e12,
    source: 'Yang et al. 2024, "Qwen2 Technical Report", Sec. 3 (7T tokens)',
    aliases: ['qwen-2-72b'],
  },
  {
    id: 'deepseek-v3',
    name: 'DeepSeek-V3',
    params: 671e9,
    activeParams: 37e9,
    tokens: 14.8e12,
    source: 'DeepSeek-AI 2024, "DeepSeek-V3 Technical Report", abstract (671B total, 37B active, 14.8T tokens)',
    aliases: ['deepseekv3'],
  },
];

function normaliseModelName(name: string): string {
  return name.toLowerCase().replace(/[\s_]+/g, '-');
}

/** Finds a catalog model by id, name or alias, ignoring case and spaces ("Llama 3 8B", "llama-3-8b"). */
export function findCatalogModel(name: string): CatalogModel | undefined {
  const key = normaliseModelName(name);
  return MODEL_CATALOG.find(
    (model) =>
      model.id === key ||
      normaliseModelName(model.name) === key ||
      (model.aliases ?? []).some((alias) => normaliseModelName(alias) === key),
  );
}
