import { QuantityError } from '../core';
import { closestWord } from '../language/closestWord';
import { UsageError } from './cliArgs';
import { runLaws, runModels } from './catalogCommands';
import { EXIT_USAGE, type CliIo } from './cliIo';
import { FILE_CAP_OPTION, withFileCap } from './fileCapOption';
import { CLI_VERSION } from './cliVersion';
import { FIT_USAGE, runFit } from './fitCommand';
import { RUN_USAGE, runNotebook } from './runCommand';
import { SCAN_USAGE, runScan } from './scanCommand';
import { isCliQuery, queryCommand, commandUsage, type CellCommand } from './cellCommand';
import { commandHelp } from './cellCommandHelp';
import { DECLARING_COMMANDS } from './cellCommands';
import { runCellCommand } from './runCellCommand';
import { isKeyword, keywords } from '../language/registry';

type Command = (argv: readonly string[], io: CliIo) => number | Promise<number>;

interface CommandEntry {
  readonly run: Command;
  /** One line: the command and its options. */
  readonly usage: string;
  /** What `COMMAND --help` prints: options, defaults and an example. */
  readonly help: string;
}

/** `--help` of a command with its own options: its usage and a worked example. */
function ownHelp(usage: string, doc: string, ...examples: string[]): string {
  return [`usage: scaling-notebook ${usage}`, '', doc, '', ...examples.map((example) => `  example: scaling-notebook ${example}`)].join(
    '\n',
  );
}

/** Commands with options of their own: notebooks, fits and scans of files, catalogs. */
const OWN_COMMANDS: Readonly<Record<string, CommandEntry>> = {
  run: {
    run: runNotebook,
    usage: RUN_USAGE,
    help: ownHelp(
      RUN_USAGE,
      'Evaluates a .scaling notebook (default format text).',
      'run examples/plan-a-training-run.scaling --format markdown',
    ),
  },
  fit: {
    run: runFit,
    usage: FIT_USAGE,
    help: ownHelp(
      FIT_USAGE,
      'Fits L(N, D) = E + A/N^α + B/D^β to training runs in a CSV file (default: no bootstrap, δ = 1e-3).',
      'fit examples/runs/ladder.csv --bootstrap 200 --seed 1',
    ),
  },
  scan: {
    run: runScan,
    usage: SCAN_USAGE,
    help: ownHelp(
      SCAN_USAGE,
      'Finds model sizes with token counts in Markdown and text files and checks each.',
      'scan examples/design-doc.md',
    ),
  },
  laws: {
    run: runLaws,
    usage: 'laws [--json]',
    help: ownHelp('laws [--json]', 'Lists the preset scaling laws with their constants and sources.', 'laws --json'),
  },
  models: { run: runModels, usage: 'models [--json]', help: ownHelp('models [--json]', 'Lists the model catalog.', 'models') },
};

/** A command that is a cell of the language, evaluated by the notebook's evaluator. */
function cellEntry(command: CellCommand): CommandEntry {
  return { run: (argv, io) => runCellCommand(command, argv, io), usage: commandUsage(command), help: commandHelp(command) };
}

/**
 * Every query statement of the language as a command (check, optimal and mixture with the
 * declaration their flags give), in the registry's order.
 */
const CELL_COMMANDS: Readonly<Record<string, CommandEntry>> = Object.fromEntries([
  ...keywords()
    .filter(isCliQuery)
    .map((keyword) => [keyword, cellEntry(DECLARING_COMMANDS[keyword] ?? queryCommand(keyword))]),
  ...Object.entries(DECLARING_COMMANDS)
    .filter(([name]) => !isKeyword(name))
    .map(([name, command]) => [name, cellEntry(command)]),
]);

const COMMANDS: Readonly<Record<string, CommandEntry>> = { ...OWN_COMMANDS, ...CELL_COMMANDS };

export function usage(): string {
  return [
    'usage: scaling-notebook <command> [options]   (COMMAND --help for its options and an example)',
    '',
    ...Object.values(COMMANDS).map((command) => `  ${command.usage}`),
    '',
    `Every command takes ${FILE_CAP_OPTION} N: the largest file it reads (default 64).`,
  ].join('\n');
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
    io.err(
      `unknown command "${name}": ${suggestion ? `did you mean "${suggestion}"? ` : ''}expected one of ${Object.keys(COMMANDS).join(', ')}`,
    );
    return EXIT_USAGE;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(command.help);
    return 0;
  }
  try {
    const capped = withFileCap(rest, io);
    return await command.run(capped.argv, capped.io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof QuantityError) {
      io.err(`${name}: ${error.message}`);
    } else {
      io.err(`${name}: unexpected error: ${(error as Error)?.message ?? String(error)}`);
    }
    return EXIT_USAGE;
  }
}
