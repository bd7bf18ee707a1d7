import { describe, expect, it } from 'vitest';
import { parseArgs } from '../src/args/parse-args.js';
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

  it('refuses what it does not know, suggesting the near name', () => {
    expect(usage(['--chekc'])).toBe('DWC1002 unknown option --chekc → did you mean --check? (run `dockwright render --help` for the options)');
    expect(usage(['-x'])).toBe('DWC1002 unknown option -x → run `dockwright render --help` for the options');
    expect(usage(['--cwd', '--check'])).toBe('DWC1003 --cwd needs a value → write --cwd <dir>');
    expect(usage(['--check=1'])).toBe('DWC1003 --check takes no value → write --check alone');
  });
});
