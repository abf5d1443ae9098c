import { parseCount, parseSignedCount, requireEmergenceSettings, requireExactMatchLevel, type ScalingLaw, type TrainingTokensRule } from '../core';
import { DEFAULT_EMERGENCE_PARAMS, DEFAULT_EMERGENCE_THRESHOLD, emergencePayload } from '../language/output/emergencePayload';
import { UsageError, parseArgs, readOption, requireOption, type ParsedArgs } from './cliArgs';
import type { CliIo } from './cliIo';
import { parseCheckedFraction, parseRange } from './cliNumbers';
import { lawFromArgs } from './lawOption';
import { printPayload, refusePositionals } from './payloadOutput';

export const EMERGENCE_USAGE = 'emergence --answer 20 [--params 1e8..1e14] [--tokens 300B | --ratio 20] [--offset 0|E] [--threshold 50%] [--law NAME] [--json]';

function trainingFromArgs(args: ParsedArgs): TrainingTokensRule {
  const tokens = readOption(args, 'tokens', (text) => parseCount(text, 'tokens'));
  const ratio = readOption(args, 'ratio', (text) => parseCount(text, 'tokens per parameter'));
  if (tokens !== undefined && ratio !== undefined) throw new UsageError('give either --tokens or --ratio, not both');
  if (tokens !== undefined) return { kind: 'fixed', tokens };
  return ratio !== undefined ? { kind: 'ratio', tokensPerParam: ratio } : { kind: 'optimal' };
}

/** `--offset E` is the law's irreducible loss; otherwise a number of nats (0 when absent). */
function offsetFromArgs(args: ParsedArgs, law: ScalingLaw): number {
  return readOption(args, 'offset', (text) => (text.trim().toLowerCase() === 'e' ? law.irreducibleLoss : parseSignedCount(text, 'offset'))) ?? 0;
}

/** `emergence`: a smooth per-token loss against N beside exact match over an answer (Schaeffer et al. 2023). */
export function runEmergence(argv: readonly string[], io: CliIo): number {
  const args = parseArgs(argv, ['answer', 'params', 'tokens', 'ratio', 'offset', 'threshold', 'law'], ['json']);
  refusePositionals(args, EMERGENCE_USAGE);
  const law = lawFromArgs(args);
  const settings = {
    answerTokens: requireOption(args, 'answer', (text) => parseCount(text, 'answer tokens'), 'the answer length in tokens, like 20'),
    offset: offsetFromArgs(args, law),
    training: trainingFromArgs(args),
  };
  readOption(args, 'offset', () => requireEmergenceSettings(law, settings));
  const params = readOption(args, 'params', (text) => parseRange(text, 'params')) ?? DEFAULT_EMERGENCE_PARAMS;
  const threshold = readOption(args, 'threshold', (text) => parseCheckedFraction(text, 'threshold', (level) => requireExactMatchLevel(level, 'threshold'))) ?? DEFAULT_EMERGENCE_THRESHOLD;
  return printPayload(io, args, emergencePayload({ law, settings, params, threshold }, 1));
}
