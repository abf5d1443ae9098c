/** `COMMAND --help` of a command that is a cell: its usage, and each line's options from the registry, with defaults and examples. */
import { formatScientific, resolveLaw } from '../core';
import { keywordHelp } from '../language/registry';
import { formLabel, type PropertySpec, type StatementForm } from '../language/statementForm';
import { LAW_CONSTANTS_VALUE, commandUsage, hasLawLine, lineFlags, type CellCommand, type CellLine } from './cellCommand';

/** A cell example as a command line: `coverage beta=0.3,3` → `scaling-notebook coverage --beta 0.3,3`. */
export function cliExample(example: string): string {
  return `scaling-notebook ${example.replace(/\b([A-Za-z][\w-]*)=(\S+)/g, '--$1 $2').replace(/,\s+/g, ' ')}`;
}

/** A range end as people write it: 10000 as such, 1e+26 as 1e26. */
function rangeEnd(value: number): string {
  return Number.isInteger(value) && value < 1e6 ? String(value) : formatScientific(value);
}

function optionLine(flag: string, spec: PropertySpec, fallback?: string): string {
  const range = spec.type.kind === 'range' && spec.type.default ? spec.type.default.map(rangeEnd).join('..') : undefined;
  const given = fallback ?? range;
  return `  --${flag.padEnd(12)} ${spec.expects}: ${spec.doc}${given ? ` (default ${given})` : ''}`;
}

/** The options a line takes that belong to one of its forms, in the form's order, with older names last. */
function formOptions(line: CellLine, form: StatementForm, lawLine: boolean): string[] {
  const flags = lineFlags(line);
  const aliases = Object.entries(line.aliases ?? {});
  return [
    ...Object.entries(form.properties).flatMap(([property, spec]) => {
      if (property === 'law')
        return lawLine
          ? [optionLine('law', { ...spec, expects: `${spec.expects}, or ${LAW_CONSTANTS_VALUE}` }, resolveLaw(undefined).id)]
          : [];
      const fallback = line.defaults?.[property];
      const alias = aliases.find(([, target]) => target === property)?.[0];
      if (flags.includes(property)) return [optionLine(property, spec, fallback)];
      return alias ? [optionLine(alias, spec, fallback)] : [];
    }),
    ...aliases
      .filter(([, property]) => flags.includes(property) && property in form.properties)
      .map(([alias, property]) => `  --${alias.padEnd(12)} the older name of --${property}`),
  ];
}

/** `--help`: usage, what the command does, each form's options (with the cell line it is), and examples. */
export function commandHelp(command: CellCommand): string {
  const lawLine = hasLawLine(command);
  const examples = (lines: readonly string[]) => lines.map((example) => `  example: ${example}`);
  const sections = command.lines.flatMap((line) =>
    line.forms.map((form) =>
      [
        `${formLabel(form)} (in a cell: ${form.syntax})`,
        ...formOptions(line, form, lawLine),
        ...(command.examples ? [] : examples([cliExample(form.example)])),
      ].join('\n'),
    ),
  );
  return [
    `usage: scaling-notebook ${commandUsage(command)}`,
    '',
    command.doc ?? keywordHelp(command.lines[0].forms[0].keyword).doc,
    '',
    ...sections,
    ...(command.examples ? ['', ...examples(command.examples.map((example) => `scaling-notebook ${example}`))] : []),
  ].join('\n');
}
