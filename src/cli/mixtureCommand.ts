import { MIXTURE_LAW_FORMS, mixtureResiduals, parseCount, parseRunsCsv, type MixtureLawForm, type MixtureRun } from '../core';
import { computeFitRequest } from '../language/evaluator/inThreadFitRunner';
import { bestMixture } from '../language/evaluator/mixtureStatements';
import { mixtureFitPayload, optimalMixturePayload } from '../language/output/mixturePayload';
import { payloadToText } from '../language/output/payloadText';
import { UsageError, parseArgs, readOption } from './cliArgs';
import { EXIT_FAILURE, EXIT_OK, type CliIo } from './cliIo';

export const MIXTURE_USAGE =
  'mixture FILE.csv [--law joint|additive] [--domains web,code,…] [--params 7B --tokens 150B] [--seed S] [--json]';

function mixtureForm(text: string): MixtureLawForm {
  const form = MIXTURE_LAW_FORMS.find((candidate) => candidate === text.toLowerCase());
  if (!form) throw new Error(`expected joint or additive, got "${text}"`);
  return form;
}

function seedNumber(text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) throw new Error(`expected a whole number ≥ 0, got "${text}"`);
  return value;
}

/**
 * `mixture`: fits Shukor et al. 2025's data-mixture law (joint by default) to the runs in a CSV file
 * with one weight column per domain, and with `--params`/`--tokens` gives the best mixture for that
 * run. `--json` prints {form, domains, law, objective, rmsResidual, converged, …, optimum?}.
 */
export function runMixture(argv: readonly string[], io: CliIo): number {
  const args = parseArgs(argv, ['law', 'domains', 'params', 'tokens', 'seed'], ['json']);
  const [file, ...extra] = args.positionals;
  if (!file) throw new UsageError(`missing CSV file: expected ${MIXTURE_USAGE}`);
  if (extra.length > 0) throw new UsageError(`one CSV file at a time: unexpected "${extra[0]}"`);
  const form = readOption(args, 'law', mixtureForm) ?? 'joint';
  const seed = readOption(args, 'seed', seedNumber);
  const domains = readOption(args, 'domains', (text) =>
    text
      .split(',')
      .map((domain) => domain.trim())
      .filter(Boolean),
  );
  const params = readOption(args, 'params', (text) => parseCount(text, 'parameters'));
  const tokens = readOption(args, 'tokens', (text) => parseCount(text, 'tokens'));
  if ((params === undefined) !== (tokens === undefined))
    throw new UsageError('give --params and --tokens together (the run to find the best mixture for), or neither');
  let text: string;
  try {
    text = io.readFile(file);
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
  }
  const table = parseRunsCsv(text, domains ? { domains } : {});
  if (table.domains.length === 0)
    throw new UsageError(`${file} has no domain weight columns: add w_… columns (w_web, w_code, …) or name them with --domains`);
  const runs = table.points as MixtureRun[];
  const outcome = computeFitRequest(
    { kind: 'mixture', points: runs, options: { domains: table.domains, form, ...(seed !== undefined ? { seed } : {}) } },
    io.progress,
  );
  if ('error' in outcome) {
    io.err(`mixture: ${file}: ${outcome.error}`);
    return EXIT_FAILURE;
  }
  const fit = outcome.mixture;
  const best =
    params !== undefined && tokens !== undefined
      ? bestMixture([{ name: file, law: fit.law, importance: 1 }], file, runs, params, tokens)
      : undefined;
  if (args.flags.has('json')) {
    const { law, objective, rmsResidual, converged, points, starts, hops, warnings } = fit;
    const optimum = best && {
      params,
      tokens,
      weights: Object.fromEntries(best.optimum.domains.map((domain, i) => [domain, best.optimum.weights[i]])),
      loss: best.optimum.loss,
    };
    io.out(
      JSON.stringify(
        {
          form: law.form,
          domains: law.domains,
          law,
          objective,
          rmsResidual,
          converged,
          points,
          starts,
          hops,
          seed: fit.seed,
          warnings,
          columns: table.columns,
          ...(optimum ? { optimum } : {}),
        },
        null,
        2,
      ),
    );
  } else {
    const fitted = mixtureFitPayload(file, mixtureResiduals(fit.law, runs), fit, 1);
    io.out(
      [
        payloadToText({ ...fitted, notes: [`Columns: ${table.summary}.`, ...fitted.notes] }),
        ...(best ? [payloadToText(optimalMixturePayload(best, 1))] : []),
      ].join('\n\n'),
    );
  }
  return EXIT_OK;
}
