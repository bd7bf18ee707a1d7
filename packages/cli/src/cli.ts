#!/usr/bin/env node
// The `dockwright` command. This file loads only what parsing and help need; each command is
// imported when it runs; only the commands that need them load the TypeScript loader and core.
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { suggest } from '@dockwright/core/suggest';
import { fileURLToPath } from 'node:url';
import { setCliEntry } from './cli-entry.js';
import { commandSpecs, globalOptions, type CommandSpec, type OptionSpec } from './args/command-specs.js';
import { parseArgs, peekOutputFlags } from './args/parse-args.js';
import { cliIssue } from './errors/cli-issue.js';
import { isUsageError, UsageError } from './errors/usage-error.js';
import { colors, wantsColor } from './output/colors.js';
import { formatProblems } from './output/format-problems.js';
import { helpText } from './output/help-text.js';
import { processIo, type Io } from './output/io.js';
import { JSON_SCHEMA_VERSION, printJson } from './output/json-documents.js';
import { outputFailure } from './output/output-failure.js';
import type { ParsedArgs } from './args/parse-args.js';

type Command = (args: ParsedArgs, io: Io, cwd: string) => Promise<number>;

const commands: Readonly<Record<CommandSpec['name'], () => Promise<Command>>> = {
  render: async () => (await import('./commands/render.js')).renderCommand,
  print: async () => (await import('./commands/print.js')).printCommand,
  lint: async () => (await import('./commands/lint.js')).lintCommand,
  fmt: async () => (await import('./commands/fmt.js')).fmtCommand,
  import: async () => (await import('./commands/import.js')).importCommand,
  lock: async () => (await import('./commands/lock.js')).lockCommand,
  init: async () => (await import('./commands/init.js')).initCommand,
  build: async () => (await import('./commands/build.js')).buildCommand,
  bake: async () => (await import('./commands/bake.js')).bakeCommand,
};

const versionOption = { name: 'version', short: 'v', description: 'print the version' } as const;

/**
 * The version in package.json (one directory up from both `src/` and `dist/`).
 *
 * @example
 * ```ts
 * version(); // '0.1.0'
 * ```
 */
function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: unknown };
  return String(pkg.version);
}

/**
 * Splits `[global options] <command> [args]`, reading the global options before the command: a
 * long option that takes a value (`--cwd dir`) takes the next word too; anything else starting
 * with `-` (a flag, a group of short flags) is one word.
 */
function splitCommand(argv: readonly string[]): { before: string[]; command: string | undefined; after: string[] } {
  const known: readonly OptionSpec[] = [...globalOptions, versionOption];
  let i = 0;
  while (i < argv.length) {
    const word = argv[i] ?? '';
    if (!word.startsWith('-') || word === '-' || word === '--') break;
    const spec = known.find((o) => word === `--${o.name}`);
    i += spec?.value !== undefined ? 2 : 1;
  }
  return { before: argv.slice(0, i), command: argv[i], after: argv.slice(i + 1) };
}

/** An unknown command, with the one it most likely meant (by edit distance), or the list. */
function unknownCommand(word: string): UsageError {
  const names = commandSpecs.map((s) => s.name);
  const near = suggest(word, names);
  return new UsageError([cliIssue('DWC1001', `unknown command ${word}`, near === undefined ? `the commands are ${names.join(', ')}` : `did you mean \`dockwright ${near}\`?`)]);
}

function printUsageError(error: UsageError, io: Io, command: string | undefined): number {
  if (io.json) printJson(io, { schemaVersion: JSON_SCHEMA_VERSION, command: command ?? null, ok: false, exitCode: 2, issues: error.issues });
  else io.err(formatProblems(error.issues, io.errColors));
  return 2;
}

/**
 * Runs the CLI with the given arguments (without `node` and the script) and returns the exit
 * code: 0 success, 1 a check or a target failed, 2 a usage or configuration error.
 *
 * @example
 * ```ts
 * process.exitCode = await main(['render', '--check']);
 * ```
 */
async function main(argv: readonly string[]): Promise<number> {
  const { json, quiet, noColor } = peekOutputFlags(argv);
  const io = processIo({ json, quiet, noColor });
  const help = (spec: CommandSpec | undefined) => helpText(spec, colors(!noColor && wantsColor(process.stdout, process.env)));
  const { before, command, after } = splitCommand(argv);
  try {
    const leading = parseArgs(before, [...globalOptions, versionOption]);
    if (leading.options['version'] === true) {
      if (json) printJson(io, { schemaVersion: JSON_SCHEMA_VERSION, command: 'version', version: version() });
      else io.out(`${version()}\n`);
      return 0;
    }
    if (command === undefined || command === 'help' || leading.options['help'] === true) {
      const topic = command === 'help' ? after[0] : command;
      const spec = commandSpecs.find((s) => s.name === topic);
      if (topic !== undefined && spec === undefined && command === 'help') throw unknownCommand(topic);
      io.out(help(spec));
      return 0;
    }
    const spec = commandSpecs.find((s) => s.name === command);
    if (spec === undefined) {
      throw unknownCommand(command);
    }
    const args = parseArgs([...before, ...after], [...spec.options, ...globalOptions], `dockwright ${spec.name}`);
    if (args.options['help'] === true) {
      io.out(help(spec));
      return 0;
    }
    const cwd = resolve(typeof args.options['cwd'] === 'string' ? args.options['cwd'] : '.');
    if (!isDirectory(cwd)) throw new UsageError([cliIssue('DWC1004', `--cwd ${String(args.options['cwd'])} is not a directory`, 'give an existing directory')]);
    process.chdir(cwd);
    const run = await commands[spec.name]();
    return await run(args, io, cwd);
  } catch (error) {
    if (isUsageError(error)) return printUsageError(error, io, command);
    const message = error instanceof Error ? error.message : String(error);
    io.err(`✖ dockwright failed unexpectedly: ${message}\n  → this is a bug in dockwright; set DOCKWRIGHT_DEBUG=1 to see the stack trace, and please report it\n`);
    if (process.env['DOCKWRIGHT_DEBUG'] === '1' && error instanceof Error) io.err(`${error.stack ?? ''}\n`);
    return 1;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

// `dockwright render --check | head` closes stdout early: stop quietly, not with a stack trace.
// Any other failure to write the output (`> /dev/full`, a closed descriptor) is a coded error.
for (const [name, stream] of [['stdout', process.stdout], ['stderr', process.stderr]] as const) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    if (name === 'stdout') {
      try {
        process.stderr.write(outputFailure(name, error, colors(!peekOutputFlags(process.argv).noColor && wantsColor(process.stderr, process.env))));
      } catch {
        // stderr cannot be written either: the exit code is all that is left.
      }
    }
    process.exit(1);
  });
}

setCliEntry(fileURLToPath(import.meta.url));
process.exitCode = await main(process.argv.slice(2));
