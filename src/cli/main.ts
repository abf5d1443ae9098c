import { QuantityError } from '../core';
import { closestWord } from '../language/closestWord';
import { UsageError } from './cliArgs';
import { CHECK_USAGE, runCheck } from './checkCommand';
import { runLaws, runModels } from './catalogCommands';
import { EXIT_USAGE, type CliIo } from './cliIo';
import { OPTIMAL_USAGE, runOptimal } from './optimalCommand';
import { FIT_USAGE, runFit } from './fitCommand';
import { RUN_USAGE, runNotebook } from './runCommand';
import { SCAN_USAGE, runScan } from './scanCommand';
import { COVERAGE_USAGE, runCoverage } from './coverageCommand';
import { TOURNAMENT_USAGE, runTournament } from './tournamentCommand';
import { EMERGENCE_USAGE, runEmergence } from './emergenceCommand';
import { LANGUAGES_USAGE, runLanguages } from './languagesCommand';
import { MIXTURE_USAGE, runMixture } from './mixtureCommand';

/** The extension's version, set by the build from package.json (tests run from source: "development"). */
const CLI_VERSION: string = typeof __SCALING_VERSION__ === 'string' ? __SCALING_VERSION__ : 'development';

declare const __SCALING_VERSION__: string | undefined;

type Command = (argv: readonly string[], io: CliIo) => number | Promise<number>;

const COMMANDS: Readonly<Record<string, { run: Command; usage: string }>> = {
  run: { run: runNotebook, usage: RUN_USAGE },
  check: { run: runCheck, usage: CHECK_USAGE },
  optimal: { run: runOptimal, usage: OPTIMAL_USAGE },
  fit: { run: runFit, usage: FIT_USAGE },
  scan: { run: runScan, usage: SCAN_USAGE },
  laws: { run: runLaws, usage: 'laws [--json]' },
  models: { run: runModels, usage: 'models [--json]' },
  coverage: { run: runCoverage, usage: COVERAGE_USAGE },
  tournament: { run: runTournament, usage: TOURNAMENT_USAGE },
  emergence: { run: runEmergence, usage: EMERGENCE_USAGE },
  languages: { run: runLanguages, usage: LANGUAGES_USAGE },
  mixture: { run: runMixture, usage: MIXTURE_USAGE },
};

export function usage(): string {
  return ['usage: scaling-notebook <command> [options]', '', ...Object.values(COMMANDS).map((command) => `  ${command.usage}`)].join('\n');
}

/**
 * Runs one CLI command. Bad arguments and unreadable quantities print one line and return 2;
 * anything unexpected also prints one line (never a stack trace) and returns 2.
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-v') {
    io.out(CLI_VERSION);
    return 0;
  }
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage());
    return name === undefined ? EXIT_USAGE : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    const suggestion = closestWord(name, Object.keys(COMMANDS));
    io.err(`unknown command "${name}": ${suggestion ? `did you mean "${suggestion}"? ` : ''}expected one of ${Object.keys(COMMANDS).join(', ')}`);
    return EXIT_USAGE;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof QuantityError) {
      io.err(`${name}: ${error.message}`);
    } else {
      io.err(`${name}: unexpected error: ${(error as Error)?.message ?? String(error)}`);
    }
    return EXIT_USAGE;
  }
}
