import { commandSpecs, globalOptions, type CommandSpec, type OptionSpec } from '../args/command-specs.js';
import type { Colors } from './colors.js';

function optionLines(options: readonly OptionSpec[]): string[] {
  const labels = options.map((o) => `${o.short === undefined ? '    ' : `-${o.short}, `}--${o.name}${o.value === undefined ? '' : ` <${o.value}>`}`);
  const width = Math.max(...labels.map((l) => l.length));
  return options.map((o, i) => `  ${(labels[i] ?? '').padEnd(width)}  ${o.description}`);
}

/**
 * The help of one command, or of the whole CLI when `command` is undefined.
 *
 * @example
 * ```ts
 * process.stdout.write(helpText(commandSpecs[0], colors(false)));
 * ```
 */
export function helpText(command: CommandSpec | undefined, c: Colors): string {
  if (command === undefined) {
    const width = Math.max(...commandSpecs.map((s) => s.name.length));
    return [
      `${c.bold('dockwright')}: render Dockerfiles from typed Dockwright programs`,
      '',
      `${c.bold('Usage:')} dockwright <command> [options]`,
      '',
      c.bold('Commands:'),
      ...commandSpecs.map((s) => `  ${s.name.padEnd(width)}  ${s.summary}`),
      '',
      c.bold('Options:'),
      ...optionLines([...globalOptions, { name: 'version', short: 'v', description: 'print the version' }]),
      '',
      'Run `dockwright <command> --help` for a command\'s options.',
      'Exit codes: 0 success, 1 a check or a target failed, 2 usage or configuration error.',
      '',
    ].join('\n');
  }
  return [
    `${c.bold('Usage:')} ${command.usage} [options]`,
    '',
    `${command.summary[0]?.toUpperCase() ?? ''}${command.summary.slice(1)}.`,
    ...command.description,
    '',
    c.bold('Options:'),
    ...optionLines([...command.options, ...globalOptions]),
    '',
    c.bold('Examples:'),
    ...command.examples.map((e) => `  ${e}`),
    '',
  ].join('\n');
}
