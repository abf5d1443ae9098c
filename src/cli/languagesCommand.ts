import { ATLAS_CURSE_EXPONENTS, ATLAS_ISO_LOSS_EXPONENTS, isoLossExponents, languageScaling, parseCount } from '../core';
import { languagesPayload, type CurseFit } from '../language/output/multilingualPayload';
import { payloadToText } from '../language/output/payloadText';
import { UsageError, parseArgs, readOption, requireOption } from './cliArgs';
import { EXIT_OK, type CliIo } from './cliIo';

export const LANGUAGES_USAGE = 'languages --from 8 --to 32 [--params 7B --tokens 1T] [--alpha 0.34 --beta 0.28 [--phi 0.11 --psi -0.04]] [--json]';

/** A number of languages: a whole number ≥ 1. */
function languageCount(text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`expected a whole number of languages ≥ 1, got "${text}"`);
  return value;
}

/** A plain number (an exponent), negative allowed. */
function exponent(text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) throw new Error(`expected a number, got "${text}"`);
  return value;
}

/**
 * `languages`: the curse of multilinguality at equal loss (Longpre et al. 2026, ATLAS) — how much
 * bigger the model, how much more data in total and per language, and how much more compute going
 * from `--from` to `--to` languages takes. `--json` prints the factors, exponents and scaled run.
 */
export function runLanguages(argv: readonly string[], io: CliIo): number {
  const args = parseArgs(argv, ['from', 'to', 'params', 'tokens', 'alpha', 'beta', 'phi', 'psi'], ['json']);
  if (args.positionals.length > 0) throw new UsageError(`unexpected "${args.positionals[0]}": expected ${LANGUAGES_USAGE}`);
  const from = requireOption(args, 'from', languageCount, 'the number of languages now, like 8');
  const to = requireOption(args, 'to', languageCount, 'the number of languages to support, like 32');
  const own = ['alpha', 'beta', 'phi', 'psi'].some((key) => args.options.has(key));
  const fit: CurseFit | undefined = own
    ? {
        alpha: requireOption(args, 'alpha', exponent, 'α of your fit, like 0.34'),
        beta: requireOption(args, 'beta', exponent, 'β of your fit, like 0.28'),
        phi: readOption(args, 'phi', exponent) ?? ATLAS_CURSE_EXPONENTS.phi,
        psi: readOption(args, 'psi', exponent) ?? ATLAS_CURSE_EXPONENTS.psi,
      }
    : undefined;
  const exponents = fit ? isoLossExponents(fit.alpha, fit.beta, fit) : ATLAS_ISO_LOSS_EXPONENTS;
  const params = readOption(args, 'params', (text) => parseCount(text, 'parameters'));
  const tokens = readOption(args, 'tokens', (text) => parseCount(text, 'tokens'));
  if ((params === undefined) !== (tokens === undefined)) throw new UsageError('give --params and --tokens together (the run with fewer languages), or neither');
  const base = params !== undefined && tokens !== undefined ? { params, tokens } : undefined;
  const payload = languagesPayload(languageScaling(from, to, exponents), base, fit, 1);
  io.out(args.flags.has('json') ? JSON.stringify(payload.data, null, 2) : payloadToText(payload));
  return EXIT_OK;
}
