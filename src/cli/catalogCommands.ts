import { MODEL_CATALOG, PRESET_LAWS, LAW_ALIASES, describeValidity, formatCount, formatRatio, formatScientific } from '../core';
import { formatTextTable } from '../language/output/textTable';
import { parseArgs } from './cliArgs';
import { EXIT_OK, type CliIo } from './cliIo';

/** `laws`: the preset laws, their constants and sources. */
export function runLaws(argv: readonly string[], io: CliIo): number {
  const args = parseArgs(argv, [], ['json']);
  const aliasesOf = (id: string) => Object.keys(LAW_ALIASES).filter((alias) => LAW_ALIASES[alias] === id);
  if (args.flags.has('json')) {
    const laws = PRESET_LAWS.map((law) => ({
      id: law.id,
      aliases: aliasesOf(law.id),
      name: law.name,
      constants: law.constants,
      citation: law.citation,
      validity: law.validity ?? null,
    }));
    io.out(JSON.stringify(laws, null, 2));
    return EXIT_OK;
  }
  const rows = PRESET_LAWS.map((law) => [
    law.id,
    aliasesOf(law.id).join(', '),
    Object.entries(law.constants)
      .map(([key, value]) => `${key}=${formatRatio(value, 4)}`)
      .join(' '),
    law.citation,
    law.validity ? describeValidity(law.validity) : '',
  ]);
  io.out(formatTextTable(['law', 'aliases', 'constants', 'source', 'fitted on'], rows));
  return EXIT_OK;
}

/** `models`: the catalog of published models with their sources. */
export function runModels(argv: readonly string[], io: CliIo): number {
  const args = parseArgs(argv, [], ['json']);
  if (args.flags.has('json')) {
    io.out(JSON.stringify(MODEL_CATALOG, null, 2));
    return EXIT_OK;
  }
  const rows = MODEL_CATALOG.map((model) => [
    model.id,
    formatCount(model.params),
    model.activeParams ? formatCount(model.activeParams) : '',
    formatCount(model.tokens),
    formatRatio(model.tokens / (model.activeParams ?? model.params)),
    model.reportedCompute ? formatScientific(model.reportedCompute.flops) : '',
    model.reportedCompute ? `${model.source}; compute: ${model.reportedCompute.source}` : model.source,
  ]);
  const columns = ['model', 'N', 'active', 'D', 'D/N', 'reported C', 'source'];
  io.out(formatTextTable(columns, rows, ['left', 'right', 'right', 'right', 'right', 'right', 'left']));
  return EXIT_OK;
}
