import {
  PRESET_LAWS,
  computeOptimalAllocation,
  costPerFlop,
  hardwareBudget,
  inferenceAwareForCompute,
  inferenceAwareOptimum,
  optimalForLoss,
  parseCount,
  parseFlops,
  parseFraction,
  parsePricePerHour,
  type HardwareBudget,
  type ScalingLaw,
} from '../core';
import { allocationPayload } from '../language/output/allocationPayload';
import { inferenceAwareData, inferenceAwarePayload, type ServingAnswer } from '../language/output/inferenceAwarePayload';
import { payloadToText } from '../language/output/payloadText';
import { hardwareTable } from '../language/output/resultTables';
import { UsageError, parseArgs, readOption, requireOption, type ParsedArgs } from './cliArgs';
import { EXIT_OK, type CliIo } from './cliIo';
import { lawFromArgs } from './lawOption';

export const OPTIMAL_USAGE =
  'optimal --compute 5.76e23 | --gpus 1024 --gpu H100 (--days 30 | --hours 720) --mfu 0.4 [--price 2.5] [--peak 989T] | --loss 1.95 [--serve 2e12] [--law NAME] [--json]';

interface BudgetFromArgs {
  readonly compute: number;
  readonly hardware?: { budget: HardwareBudget; accelerators: number; hours: number; mfu: number };
}

function budgetFromArgs(args: ParsedArgs): BudgetFromArgs {
  const compute = readOption(args, 'compute', (text) => parseFlops(text));
  const accelerators = readOption(args, 'gpus', (text) => parseCount(text, 'number of accelerators'));
  if (compute !== undefined && accelerators !== undefined)
    throw new UsageError('give either --compute or --gpus/--gpu/--days/--mfu, not both');
  if (compute !== undefined) return { compute };
  if (accelerators === undefined)
    throw new UsageError(`missing budget: expected --compute FLOP, --gpus N --gpu NAME --days D --mfu M, or --loss L`);
  const accelerator = requireOption(args, 'gpu', (text) => text, 'an accelerator name like H100');
  const days = readOption(args, 'days', (text) => parseCount(text, 'days'));
  const hours = readOption(args, 'hours', (text) => parseCount(text, 'hours')) ?? (days === undefined ? undefined : days * 24);
  if (hours === undefined) throw new UsageError('missing --days or --hours: expected how long the accelerators run');
  const mfu = requireOption(args, 'mfu', (text) => parseFraction(text, 'MFU'), 'model FLOPs utilisation like 0.4 or 40%');
  const pricePerHour = readOption(args, 'price', parsePricePerHour);
  const peakFlops = readOption(args, 'peak', (text) => parseCount(text, 'peak FLOP/s'));
  const budget = readOption(args, 'gpu', () => hardwareBudget({ accelerators, accelerator, hours, mfu, pricePerHour, peakFlops }))!;
  return { compute: budget.compute, hardware: { budget, accelerators, hours, mfu } };
}

/**
 * With --serve (or --inference-tokens), the model reaching the target loss (--loss, or the budget's
 * compute-optimal loss) with the least training + inference FLOPs (Sardana et al. 2023).
 */
function servingAnswer(args: ParsedArgs, law: ScalingLaw, inferenceTokens: number): ServingAnswer {
  const loss = readOption(args, 'loss', (text) => parseCount(text, 'target loss'));
  if (loss !== undefined) return { law, optimum: inferenceAwareOptimum(law, loss, inferenceTokens) };
  const { compute, hardware } = budgetFromArgs(args);
  const perFlop = hardware && costPerFlop(hardware.budget);
  return {
    law,
    optimum: inferenceAwareForCompute(law, compute, inferenceTokens),
    budget: { name: 'this budget', compute },
    ...(perFlop !== undefined ? { price: { costPerFlop: perFlop, source: 'this budget' } } : {}),
  };
}

/** `optimal`: the compute-optimal model size and token count for a budget or a loss, or the inference-aware one. */
export function runOptimal(argv: readonly string[], io: CliIo): number {
  const args = parseArgs(
    argv,
    ['compute', 'gpus', 'gpu', 'days', 'hours', 'mfu', 'price', 'peak', 'law', 'loss', 'serve', 'inference-tokens'],
    ['json'],
  );
  const law = lawFromArgs(args);
  if (args.options.has('loss') && (args.options.has('compute') || args.options.has('gpus')))
    throw new UsageError('give either --loss or a budget (--compute or --gpus …), not both');
  // --serve is the notebook's serve=; --inference-tokens, its older name, still works.
  if (args.options.has('serve') && args.options.has('inference-tokens'))
    throw new UsageError('give --serve or --inference-tokens (the same thing), not both');
  const servedFlag = args.options.has('serve') ? 'serve' : 'inference-tokens';
  const inferenceTokens = readOption(args, servedFlag, (text) => parseCount(text, 'inference tokens'));
  if (inferenceTokens !== undefined) {
    const answer = servingAnswer(args, law, inferenceTokens);
    io.out(args.flags.has('json') ? JSON.stringify(inferenceAwareData(answer), null, 2) : payloadToText(inferenceAwarePayload(answer, 1)));
    return EXIT_OK;
  }
  const loss = readOption(args, 'loss', (text) => parseCount(text, 'target loss'));
  const { compute, hardware } =
    loss === undefined ? budgetFromArgs(args) : { compute: optimalForLoss(law, loss).compute, hardware: undefined };
  const allocation = computeOptimalAllocation(law, compute);
  if (args.flags.has('json')) {
    const { method, ...numbers } = allocation;
    io.out(
      JSON.stringify(
        {
          ...numbers,
          law: law.id,
          method,
          ...(hardware ? { gpuHours: hardware.budget.acceleratorHours, cost: hardware.budget.cost ?? null } : {}),
        },
        null,
        2,
      ),
    );
    return EXIT_OK;
  }
  const others = PRESET_LAWS.filter((other) => other.id !== law.id).map((other) => ({
    law: other,
    allocation: computeOptimalAllocation(other, compute),
  }));
  const table = hardware && hardwareTable(hardware.budget, hardware.accelerators, hardware.hours, hardware.mfu);
  const name = loss === undefined ? 'this budget' : `loss ${loss}`;
  io.out(
    payloadToText(
      allocationPayload(name, { law, allocation }, others, 1, table && hardware ? { table, budget: hardware.budget } : undefined),
    ),
  );
  return EXIT_OK;
}
