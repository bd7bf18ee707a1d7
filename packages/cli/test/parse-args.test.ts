import { describe, expect, it } from 'vitest';
import { parseArgs, peekOutputFlags } from '../src/args/parse-args.js';
import { isUsageError } from '../src/errors/usage-error.js';

const specs = [
  { name: 'check', description: '' },
  { name: 'cwd', value: 'dir', description: '' },
  { name: 'quiet', short: 'q', description: '' },
];

function usage(argv: string[]): string {
  try {
    parseArgs(argv, specs, 'dockwright render');
  } catch (error) {
    if (isUsageError(error)) return error.issues.map((i) => `${i.code} ${i.message} → ${i.hint}`).join('\n');
    throw error;
  }
  return 'parsed';
}

describe('parseArgs', () => {
  it('reads flags, values in both spellings, short flags and --', () => {
    expect(parseArgs(['a', '--check', '--cwd', 'x', '-q', 'b'], specs)).toEqual({ positionals: ['a', 'b'], options: { check: true, cwd: 'x', quiet: true } });
    expect(parseArgs(['--cwd=x=y', '--', '--check'], specs)).toEqual({ positionals: ['--check'], options: { cwd: 'x=y' } });
  });

  it('keeps every value of a repeatable option, in long and short spelling alike', () => {
    const tag = [{ name: 'tag', short: 't', value: 'tag', multiple: true, description: '' }];
    expect(parseArgs(['--tag', 'a:1', '-t', 'b:1', '-tc:1', '--tag=d:1'], tag)).toEqual({ positionals: [], options: { tag: 'd:1' }, lists: { tag: ['a:1', 'b:1', 'c:1', 'd:1'] } });
  });

  it('refuses what it does not know, suggesting the near name', () => {
    expect(usage(['--chekc'])).toBe('DWC1002 unknown option --chekc → did you mean --check? (run `dockwright render --help` for the options)');
    expect(usage(['-x'])).toBe('DWC1002 unknown option -x → run `dockwright render --help` for the options');
    expect(usage(['--cwd', '--check'])).toBe('DWC1003 --cwd needs a value → write --cwd <dir>');
    expect(usage(['--check=1'])).toBe('DWC1003 --check takes no value → write --check alone');
  });
});

describe('short options', () => {
  const more = [...specs, { name: 'help', short: 'h', description: '' }, { name: 'config', short: 'c', value: 'file', description: '' }];
  const parse = (argv: string[]) => parseArgs(argv, more, 'dockwright render');

  it('groups flags as POSIX utilities do: -qh is -q -h', () => {
    expect(parse(['-qh', 'src'])).toEqual({ positionals: ['src'], options: { quiet: true, help: true } });
    expect(parse(['-hq'])).toEqual(parse(['-h', '-q']));
  });

  it('lets the last letter of a group take a value: the rest of the word, or the next word', () => {
    expect(parse(['-qc', 'x.ts'])).toEqual({ positionals: [], options: { quiet: true, config: 'x.ts' } });
    expect(parse(['-qcx.ts'])).toEqual({ positionals: [], options: { quiet: true, config: 'x.ts' } });
  });

  it('names the letter it does not know, and the long option a single-dash word meant', () => {
    const refused = (argv: string[]) => {
      try {
        parse(argv);
      } catch (error) {
        if (isUsageError(error)) return error.issues.map((i) => `${i.code} ${i.message} → ${i.hint}`).join('\n');
      }
      return 'parsed';
    };
    expect(refused(['-qx'])).toBe('DWC1002 unknown option -x (in -qx) → run `dockwright render --help` for the options');
    expect(refused(['-check'])).toBe('DWC1002 unknown option -check → did you mean --check? (run `dockwright render --help` for the options)');
    expect(refused(['-quiet'])).toBe('DWC1002 unknown option -quiet → did you mean --quiet? (run `dockwright render --help` for the options)');
    expect(refused(['-qvh'])).toBe('DWC1002 unknown option -v (in -qvh) → run `dockwright render --help` for the options');
    expect(refused(['-qc'])).toBe('DWC1003 --config needs a value → write --config <file>');
  });
});

describe('peekOutputFlags', () => {
  it('finds --json, --quiet (alone or in a group) and --no-color before --', () => {
    expect(peekOutputFlags(['render', '-qh'])).toEqual({ json: false, quiet: true, noColor: false });
    expect(peekOutputFlags(['--json', 'lint', '--no-color'])).toEqual({ json: true, quiet: false, noColor: true });
    expect(peekOutputFlags(['print', '--', '--json', '-q'])).toEqual({ json: false, quiet: false, noColor: false });
  });
});
