import { formatPath, type DockwrightIssue, type IssuePath } from '@dockwright/core';
import { describe, expect, it } from 'vitest';
import { cliIssue } from '../src/errors/cli-issue.js';
import { colors } from '../src/output/colors.js';
import { formatFailure, formatIssueLines } from '../src/output/format-failure.js';
import { formatProblems } from '../src/output/format-problems.js';

const plain = colors(false);
const issue = (code: DockwrightIssue['code'], message: string, hint: string, path: IssuePath = {}): DockwrightIssue => ({ code, message, hint, path });

describe('formatProblems, the one form of a problem line', () => {
  it('writes a CLI issue without a place as code, message and hint, indented, one break after each', () => {
    const text = formatProblems([cliIssue('DWC1004', 'no such file: x', 'check the path'), cliIssue('DWC1003', 'two files', 'give one')], plain, '  ');
    expect(text).toBe('  ✖ DWC1004 no such file: x\n    → check the path\n  ✖ DWC1003 two files\n    → give one\n');
  });

  it('says `at file:line:column` when the issue has a location, whatever its code or path', () => {
    const parse = { code: 'DW0004' as const, message: 'unknown instruction: FORM', hint: 'write an instruction', path: { stage: 'app' }, location: 'Dockerfile:2:1' };
    expect(formatProblems([parse], plain, '', '✖', formatPath)).toBe('✖ DW0004 unknown instruction: FORM (at Dockerfile:2:1)\n  → write an instruction\n');
  });

  it("gives core's issues their place in the Dockerfile, and `Dockerfile` when they have no path", () => {
    const text = formatIssueLines([issue('DW3001', 'the final stage runs as root', 'call .user(10001)', { stage: 'app' }), issue('DW3001', 'root', 'call .user(10001)')], plain);
    expect(text).toBe('✖ DW3001 the final stage runs as root (stage "app")\n  → call .user(10001)\n✖ DW3001 root (Dockerfile)\n  → call .user(10001)\n');
  });

  it('indents every line of a message that spans lines, and marks a warning ⚠ in yellow', () => {
    const text = formatProblems([cliIssue('DWC3001', 'SyntaxError: bad\n  1 | const', 'fix it')], plain, '  ', '⚠');
    expect(text).toBe('  ⚠ DWC3001 SyntaxError: bad\n    1 | const\n    → fix it\n');
    expect(formatProblems([cliIssue('DWC3001', 'm', 'h')], colors(true), '', '⚠')).toBe('\u001b[33m⚠\u001b[39m \u001b[1mDWC3001\u001b[22m m\n  \u001b[2m→ h\u001b[22m\n');
  });

  it('puts the problems of a failed target under its file', () => {
    expect(formatFailure('api.dockerfile.ts', 'build', [issue('DW3001', 'root', 'call .user(10001)', { stage: 'app' })], plain)).toBe(
      '✖ api.dockerfile.ts was refused by the builder\n  ✖ DW3001 root (stage "app")\n    → call .user(10001)\n',
    );
  });
});
