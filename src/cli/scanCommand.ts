import { formatCount, formatRatio, type ScalingLaw, type Verdict } from '../core';
import { assessDetectedModel, detectModelMentions, type ModelMention } from '../designDocs';
import { formatParams } from '../language/output/resultTables';
import { UsageError, parseArgs } from './cliArgs';
import { EXIT_OK, EXIT_USAGE, type CliIo } from './cliIo';
import { lawFromArgs } from './lawOption';

export const SCAN_USAGE = 'scan FILE.md… [--law NAME|"E=… A=… B=… alpha=… beta=…"] [--json]';

interface ScannedMention {
  readonly file: string;
  readonly mention: ModelMention;
  readonly verdict: Verdict;
}

/** The JSON shape of `scan --json`: one object per mention, lines and columns 1-based, numbers in plain units. */
function scannedJson({ file, mention, verdict }: ScannedMention) {
  return {
    file,
    line: mention.line + 1,
    column: mention.column + 1,
    text: mention.matchedText,
    source: mention.source,
    ...(mention.name ? { name: mention.name } : {}),
    params: verdict.params,
    activeParams: verdict.activeParams,
    tokens: verdict.tokens,
    tokensPerParam: verdict.tokensPerParam,
    compute: verdict.compute,
    verdict: verdict.label,
    law: verdict.law,
    optimal: { params: verdict.optimal.params, tokens: verdict.optimal.tokens, tokensPerParam: verdict.optimal.tokensPerParam },
  };
}

/** `docs/plan.md:12:5  70B / 1.4T  D/N 20  near compute-optimal (besiroglu2024)`: clickable in terminals and CI logs. */
function scannedLine({ file, mention, verdict }: ScannedMention): string {
  const sizes = `${formatParams(verdict.params, verdict.activeParams)} / ${formatCount(verdict.tokens)}`;
  return `${file}:${mention.line + 1}:${mention.column + 1}  ${sizes}  D/N ${formatRatio(verdict.tokensPerParam)}  ${verdict.label} (${verdict.law})`;
}

/**
 * Verdicts by model size. A verdict solves numerically for the compute that reaches its loss, and
 * design docs cite the same models again and again, so each size is judged once per run.
 */
class VerdictCache {
  private readonly verdicts = new Map<string, Verdict>();

  constructor(private readonly law: ScalingLaw) {}

  verdictFor(mention: ModelMention): Verdict {
    const key = `${mention.params} ${mention.activeParams ?? ''} ${mention.tokens}`;
    let verdict = this.verdicts.get(key);
    if (!verdict) {
      verdict = assessDetectedModel(mention, this.law);
      this.verdicts.set(key, verdict);
    }
    return verdict;
  }
}

/**
 * `scan`: every statement of a model's size and training tokens in design docs, with its verdict.
 * A report, not a gate: it exits 0 whatever it finds. An unreadable file is reported on stderr, the
 * others are still scanned, and the exit status is 2 so that a mistyped name is not taken for "nothing found".
 */
export function runScan(argv: readonly string[], io: CliIo): number {
  const args = parseArgs(argv, ['law'], ['json']);
  if (args.positionals.length === 0) throw new UsageError(`no files to scan: expected ${SCAN_USAGE}`);
  const verdicts = new VerdictCache(lawFromArgs(args));
  const found: ScannedMention[] = [];
  let scanned = 0;
  for (const file of args.positionals) {
    let text: string;
    try {
      text = io.readFile(file);
    } catch (error) {
      io.err(`scan: cannot read ${file}: ${(error as Error)?.message ?? String(error)}`);
      continue;
    }
    scanned += 1;
    for (const mention of detectModelMentions(text)) found.push({ file, mention, verdict: verdicts.verdictFor(mention) });
  }
  if (args.flags.has('json')) io.out(JSON.stringify(found.map(scannedJson), null, 2));
  else if (found.length > 0) io.out(found.map(scannedLine).join('\n'));
  else if (scanned > 0) io.out(`no model sizes found in ${scanned} file${scanned === 1 ? '' : 's'}`);
  return scanned === args.positionals.length ? EXIT_OK : EXIT_USAGE;
}
