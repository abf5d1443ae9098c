import { assessModel, formatCount as text, parseCount, type Verdict } from '../core';
import { payloadToText } from '../language/output/payloadText';
import { verdictPayload } from '../language/output/verdictPayload';
import { UsageError, parseArgs, readOption, requireOption } from './cliArgs';
import { EXIT_OK, type CliIo } from './cliIo';
import { lawFromArgs } from './lawOption';

export const CHECK_USAGE = 'check --params 280B --tokens 300B [--active 37B] [--law NAME|"E=… A=… B=… alpha=… beta=…"] [--json]';

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
  };
}

/** `check`: is a model of this size and training data under- or over-trained? */
export function runCheck(argv: readonly string[], io: CliIo): number {
  const args = parseArgs(argv, ['params', 'tokens', 'active', 'law'], ['json']);
  const params = requireOption(args, 'params', (text) => parseCount(text, 'parameters'), 'a parameter count like 70B');
  const tokens = requireOption(args, 'tokens', (text) => parseCount(text, 'tokens'), 'a token count like 1.4T');
  const activeParams = readOption(args, 'active', (text) => parseCount(text, 'active parameters'));
  const law = lawFromArgs(args);
  if (activeParams !== undefined && activeParams > params) {
    throw new UsageError(`--active: active parameters (${text(activeParams)}) cannot exceed --params (${text(params)})`);
  }
  const verdict = assessModel(law, { params, activeParams, tokens });
  if (args.flags.has('json')) io.out(JSON.stringify(verdictJson(verdict), null, 2));
  else io.out(payloadToText(verdictPayload([{ name: 'model', verdict }], law, 1)));
  return EXIT_OK;
}
