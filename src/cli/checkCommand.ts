import { assessModel, bandEdgeEfficiencies, estimateRepetition, formatCount as text, parseCount, type Verdict } from '../core';
import { payloadToText } from '../language/output/payloadText';
import { withRepetition } from '../language/output/repetitionPayloads';
import { repetitionJson } from '../language/output/repetitionTables';
import { verdictPayload } from '../language/output/verdictPayload';
import { UsageError, parseArgs, readOption, requireOption } from './cliArgs';
import { EXIT_OK, type CliIo } from './cliIo';
import { lawFromArgs } from './lawOption';

export const CHECK_USAGE =
  'check --params 280B --tokens 300B [--active 37B] [--unique 500B] [--law NAME|"E=… A=… B=… alpha=… beta=…"] [--json]';

/** The JSON shape of `check --json`: numbers in plain units. */
export function verdictJson(verdict: Verdict) {
  return {
    params: verdict.params,
    activeParams: verdict.activeParams,
    tokens: verdict.tokens,
    compute: verdict.compute,
    tokensPerParam: verdict.tokensPerParam,
    loss: verdict.loss,
    optimal: {
      params: verdict.optimal.params,
      tokens: verdict.optimal.tokens,
      tokensPerParam: verdict.optimal.tokensPerParam,
      loss: verdict.optimal.loss,
    },
    lossGap: verdict.lossGap,
    computeEfficiency: verdict.computeEfficiency,
    verdict: verdict.label,
    explanation: verdict.explanation,
    law: verdict.law,
    extrapolation: verdict.extrapolation,
    warnings: verdict.warnings,
  };
}

/** `check`: is a model of this size and training data under- or over-trained? */
export function runCheck(argv: readonly string[], io: CliIo): number {
  const args = parseArgs(argv, ['params', 'tokens', 'active', 'unique', 'law'], ['json']);
  const params = requireOption(args, 'params', (text) => parseCount(text, 'parameters'), 'a parameter count like 70B');
  const tokens = requireOption(args, 'tokens', (text) => parseCount(text, 'tokens'), 'a token count like 1.4T');
  const activeParams = readOption(args, 'active', (text) => parseCount(text, 'active parameters'));
  const uniqueTokens = readOption(args, 'unique', (text) => parseCount(text, 'unique tokens'));
  const law = lawFromArgs(args);
  if (activeParams !== undefined && activeParams > params) {
    throw new UsageError(`--active: active parameters (${text(activeParams)}) cannot exceed --params (${text(params)})`);
  }
  const verdict = assessModel(law, { params, activeParams, tokens });
  // With --unique, what repeating the unique tokens does (Muennighoff et al. 2023); the law sees the active parameters.
  const repetition =
    uniqueTokens === undefined ? undefined : estimateRepetition(law, { params: verdict.activeParams, tokens, uniqueTokens });
  if (args.flags.has('json'))
    io.out(JSON.stringify({ ...verdictJson(verdict), ...(repetition ? repetitionJson(repetition) : {}) }, null, 2));
  else
    io.out(
      payloadToText(
        withRepetition(
          verdictPayload([{ name: 'model', verdict }], law, bandEdgeEfficiencies(law, verdict.compute), 1),
          law,
          repetition ? [{ label: 'model', estimate: repetition, totalParams: params }] : [],
        ),
      ),
    );
  return EXIT_OK;
}
