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

/** The closest known name within two edits, for "did you mean". */
function closest(word: string, names: readonly string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const name of names) {
    const d = distance(word, name);
    if (d <= 2 && (best === undefined || d < best.distance)) best = { name, distance: d };
  }
  return best?.name;
}

function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    const next = [i];
    for (let j = 1; j <= b.length; j += 1) {
      next[j] = Math.min((row[j] ?? 0) + 1, (next[j - 1] ?? 0) + 1, (row[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length] ?? 0;
}

/**
 * Parses `--name`, `--name value`, `--name=value`, `-x` and `--` against the options a command
 * takes. An unknown option or a missing value throws a UsageError (exit 2).
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
    const long = word.startsWith('--');
    const [key = '', inline] = long ? splitOnce(word.slice(2), '=') : [word.slice(1), undefined];
    const spec = specs.find((s) => (long ? s.name === key : s.short === key));
    if (spec === undefined) {
      const suggestion = long ? closest(key, specs.map((s) => s.name)) : undefined;
      throw new UsageError([cliIssue('DWC1002', `unknown option ${word}`, suggestion === undefined ? help : `did you mean --${suggestion}? (${help})`)]);
    }
    if (spec.value === undefined) {
      if (inline !== undefined) throw new UsageError([cliIssue('DWC1003', `--${spec.name} takes no value`, `write --${spec.name} alone`)]);
      options[spec.name] = true;
      continue;
    }
    const value = inline ?? argv[i + 1];
    if (value === undefined || (inline === undefined && value.startsWith('-'))) {
      throw new UsageError([cliIssue('DWC1003', `--${spec.name} needs a value`, `write --${spec.name} <${spec.value}>`)]);
    }
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
