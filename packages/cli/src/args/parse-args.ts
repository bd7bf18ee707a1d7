import { suggest } from '@dockwright/core/suggest';
import { cliIssue } from '../errors/cli-issue.js';
import { UsageError } from '../errors/usage-error.js';
import type { OptionSpec } from './command-specs.js';

/** Parsed arguments: positional words, and option values by name (`true` for a flag). */
export interface ParsedArgs {
  readonly positionals: readonly string[];
  readonly options: Readonly<Record<string, string | true>>;
  /** Every value of each option that may be repeated (`--tag a --tag b`), in order. */
  readonly lists?: Readonly<Record<string, readonly string[]>>;
}

/**
 * Parses `--name`, `--name value`, `--name=value`, `-x`, grouped short flags (`-qh`), and `--`
 * against the options a command takes. An unknown option or a missing value throws a
 * UsageError (exit 2).
 *
 * @example
 * ```ts
 * parseArgs(['src', '--check'], [{ name: 'check', description: '' }]);
 * // { positionals: ['src'], options: { check: true } }
 * ```
 */
export function parseArgs(argv: readonly string[], specs: readonly OptionSpec[], command = 'dockwright'): ParsedArgs {
  const positionals: string[] = [];
  const options: Record<string, string | true> = {};
  const lists: Record<string, string[]> = {};
  const help = `run \`${command} --help\` for the options`;
  for (let i = 0; i < argv.length; i += 1) {
    const word = argv[i] ?? '';
    if (word === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!word.startsWith('-') || word === '-') {
      positionals.push(word);
      continue;
    }
    if (!word.startsWith('--')) {
      i = readShortGroup(argv, i, specs, options, lists, help);
      continue;
    }
    const [key = '', inline] = splitOnce(word.slice(2), '=');
    const spec = specs.find((s) => s.name === key);
    if (spec === undefined) {
      const suggestion = suggest(key, specs.map((s) => s.name));
      throw new UsageError([cliIssue('DWC1002', `unknown option ${word}`, suggestion === undefined ? help : `did you mean --${suggestion}? (${help})`)]);
    }
    if (spec.value === undefined) {
      if (inline !== undefined) throw new UsageError([cliIssue('DWC1003', `--${spec.name} takes no value`, `write --${spec.name} alone`)]);
      options[spec.name] = true;
      continue;
    }
    const value = inline ?? argv[i + 1];
    if (value === undefined || (inline === undefined && value.startsWith('-'))) throw missingValue(spec);
    if (inline === undefined) i += 1;
    options[spec.name] = value;
    if (spec.multiple === true) (lists[spec.name] ??= []).push(value);
  }
  return Object.keys(lists).length === 0 ? { positionals, options } : { positionals, options, lists };
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

function missingValue(spec: OptionSpec): UsageError {
  return new UsageError([cliIssue('DWC1003', `--${spec.name} needs a value`, `write --${spec.name} <${spec.value ?? 'value'}>`)]);
}

/**
 * Reads `-x`, or a group of short options `-qh` as `-q -h`, at `argv[at]`, as POSIX utilities
 * do: a letter that takes a value takes the rest of the word (`-Cdir`) or else the next word.
 * Returns the index of the last word read.
 */
function readShortGroup(argv: readonly string[], at: number, specs: readonly OptionSpec[], options: Record<string, string | true>, lists: Record<string, string[]>, help: string): number {
  const word = argv[at] ?? '';
  const letters = word.slice(1);
  // `-check` is far more often --check mistyped than -c with the value "heck".
  if (letters.length > 1 && specs.some((s) => s.name === letters)) {
    throw new UsageError([cliIssue('DWC1002', `unknown option ${word}`, `did you mean --${letters}? (${help})`)]);
  }
  for (let k = 0; k < letters.length; k += 1) {
    const letter = letters[k] ?? '';
    const spec = specs.find((s) => s.short === letter);
    if (spec === undefined) {
      const shown = letters.length === 1 ? word : `-${letter} (in ${word})`;
      const long = letters.length > 1 ? suggest(letters, specs.map((s) => s.name)) : undefined;
      throw new UsageError([cliIssue('DWC1002', `unknown option ${shown}`, long === undefined ? help : `did you mean --${long}? (${help})`)]);
    }
    if (spec.value === undefined) {
      options[spec.name] = true;
      continue;
    }
    const rest = letters.slice(k + 1);
    const next = argv[at + 1];
    if (rest === '' && (next === undefined || next.startsWith('-'))) throw missingValue(spec);
    const value = rest === '' ? (next as string) : rest;
    options[spec.name] = value;
    // `-t a -t b` repeats as `--tag a --tag b` does.
    if (spec.multiple === true) (lists[spec.name] ??= []).push(value);
    return rest === '' ? at + 1 : at;
  }
  return at;
}

/** The output options, known before the arguments are parsed, so that even a usage error is printed as asked. */
export interface OutputFlags {
  readonly json: boolean;
  readonly quiet: boolean;
  readonly noColor: boolean;
}

/**
 * Looks for `--json`, `--quiet` / `-q` (also inside a group such as `-qh`) and `--no-color`
 * before any `--`, without parsing the rest.
 *
 * @example
 * ```ts
 * peekOutputFlags(['render', '-qh']); // { json: false, quiet: true, noColor: false }
 * ```
 */
export function peekOutputFlags(argv: readonly string[]): OutputFlags {
  const end = argv.indexOf('--');
  const words = end < 0 ? argv : argv.slice(0, end);
  return {
    json: words.includes('--json'),
    quiet: words.some((w) => w === '--quiet' || /^-[A-Za-z]*q[A-Za-z]*$/.test(w)),
    noColor: words.includes('--no-color'),
  };
}
