// One Issue shape for every problem, and one formatter with two layouts: each former shape is an
// Issue (its old fields kept beside), and both layouts write, byte for byte, what the formatters
// they replace wrote.
import {
  asIssue,
  pointRange,
  codes,
  DockwrightError,
  dockerfile,
  formatDiagnostics,
  formatIssue,
  formatIssues,
  formatPath,
  importDockerfile,
  isDockwrightError,
  lintDockerfile,
  parseDockerfile,
  severityOf,
  stage,
  tryDockerfile,
  type DockwrightIssue,
  type Issue,
  type LintDiagnostic,
} from '@dockwright/core';
import { describe, expect, it } from 'vitest';
import { issue } from '../../src/errors/issue.js';

// The formatters as they were before the one formatter, kept here to prove the bytes are the same.
const oldMessageFirst = (issues: readonly DockwrightIssue[]) => issues.map((i) => `✖ ${i.code} ${i.message} (${formatPath(i.path)})\n  → ${i.hint}`).join('\n');
const OLD_MARK = { error: '✖', warning: '⚠', info: 'ℹ' } as const;
const oldPlaceFirst = (ds: readonly LintDiagnostic[], file: string) => ds.map((d) => `${OLD_MARK[d.severity]} ${file}:${d.line}:${d.column} ${d.rule} ${d.message}\n  → ${d.hint}`).join('\n');

// Values the types refuse, to reach the run-time checks.
const relative: string = 'app';

const oneShape = (i: Issue) => [i.code, i.severity, typeof i.message, i.where !== undefined];

describe('every problem is the one Issue shape', () => {
  it("the builder's issues: errors whose where.path is their path", () => {
    const made = issue('DW6004', 'WORKDIR "app" is relative', 'write /app', { stage: 'build' });
    expect(made).toEqual({ code: 'DW6004', message: 'WORKDIR "app" is relative', hint: 'write /app', path: { stage: 'build' }, severity: 'error', where: { path: { stage: 'build' } } });
    const result = tryDockerfile(stage('app').from('debian:12.8-slim').workdir(relative).user(1));
    expect(result.ok).toBe(false);
    if (!result.ok) for (const i of result.issues) expect(i.where?.path).toBe(i.path);
  });

  it('DockwrightError completes an issue written as a plain { code, message, hint, path }', () => {
    const error = new DockwrightError([{ code: 'DW9003', message: 'no project', hint: 'pass one', path: { instruction: 'detect' } }]);
    expect(error.issues[0]).toEqual({ code: 'DW9003', message: 'no project', hint: 'pass one', path: { instruction: 'detect' }, severity: 'error', where: { path: { instruction: 'detect' } } });
    expect(error.message).toBe('1 problem\n  ✖ DW9003 no project (detect)\n    → pass one');
  });

  it("the parser's and an import's issues: where.range is their range", () => {
    const parsed = parseDockerfile('FROM a:1\nFORM b\n');
    expect(parsed.errors.map((i) => [i.code, i.severity, i.where.range === i.range])).toEqual([['DW0004', 'error', true]]);
    const imported = importDockerfile('FROM debian:12.8-slim\nADD config.json /etc/app/\nUSER 1\n');
    expect(imported.ok).toBe(true);
    if (imported.ok) expect(imported.issues.map((i) => [i.code, i.severity, i.where.range === i.range])).toEqual([['DW0011', 'warning', true]]);
  });

  it("lint's diagnostics: code is the rule, where.range starts at line and column", () => {
    const found = lintDockerfile('FROM debian:12\nFORM x\nRUN cd /app && \\\n  make\nUSER 1\n');
    // The parser's finding has an end, the rule's has none (its range ends where it starts).
    expect(found.map((d) => [d.rule, d.endLine !== undefined])).toEqual([['DW0004', true], ['DW5020', false]]);
    expect(found.map(oneShape)).toEqual(found.map((d) => [d.rule, d.severity, 'string', true]));
    for (const d of found) {
      expect(d.code).toBe(d.rule);
      expect(d.where.range.start).toEqual({ line: d.line, column: d.column });
      expect(d.where.range.end).toEqual(d.endLine === undefined || d.endColumn === undefined ? { line: d.line, column: d.column } : { line: d.endLine, column: d.endColumn });
    }
  });

  it('pointRange: a place whose end is not known starts and ends there, as asIssue reads a line and column', () => {
    expect(pointRange(2, 5)).toEqual({ start: { line: 2, column: 5 }, end: { line: 2, column: 5 } });
    expect(asIssue({ code: 'DW6020', message: 'm', line: 3 }).where?.range).toEqual(pointRange(3, 1));
  });

  it('asIssue reads the older shapes: a level word, a path, a range, a line and column', () => {
    const at = { line: 3, column: 5 };
    expect(asIssue({ code: 'DW6020', message: 'm', hint: 'h', path: { stage: 'app' }, severity: 'warn' })).toEqual({ code: 'DW6020', severity: 'warning', message: 'm', hint: 'h', where: { path: { stage: 'app' } } });
    expect(asIssue({ code: 'DW0004', message: 'm', range: { start: at, end: at } })).toEqual({ code: 'DW0004', severity: 'error', message: 'm', where: { range: { start: at, end: at } } });
    expect(asIssue({ code: 'DW5020', message: 'm', severity: 'info', line: 3, column: 5 }).where).toEqual({ range: { start: at, end: at } });
    const whole: Issue = { code: 'DW1', severity: 'info', message: 'm', where: {} };
    expect(asIssue(whole)).toBe(whole);
  });

  it('severityOf is the one reading of level words: warn is warning, off is none', () => {
    expect(['error', 'warn', 'warning', 'info', 'off', 'loud', undefined].map(severityOf)).toEqual(['error', 'warning', 'warning', 'info', undefined, undefined, undefined]);
  });
});

describe('one formatter, two layouts', () => {
  const samples = [
    issue('DW3001', 'the final stage runs as root', 'call .user(10001)', { stage: 'app' }),
    issue('DW6004', 'WORKDIR "app" is relative', 'write /app', { stage: 'build', instruction: 'WORKDIR', index: 2 }),
    issue('DW9005', 'lint(): rules is not an object', 'pass an object'),
  ];

  it('message-first writes what DockwrightError always wrote', () => {
    expect(formatIssues(samples)).toBe(oldMessageFirst(samples));
    expect(formatIssues(samples)).toBe(
      '✖ DW3001 the final stage runs as root (stage "app")\n  → call .user(10001)\n✖ DW6004 WORKDIR "app" is relative (stage "build", WORKDIR #2)\n  → write /app\n✖ DW9005 lint(): rules is not an object (Dockerfile)\n  → pass an object',
    );
    try {
      dockerfile(stage('app').from('debian:12.8-slim').workdir(relative) as never);
      expect.unreachable();
    } catch (error) {
      expect(isDockwrightError(error)).toBe(true);
      const issues = (error as DockwrightError).issues;
      expect((error as DockwrightError).message).toBe(`2 problems in the Dockerfile whose final stage is "app"\n${oldMessageFirst(issues).split('\n').map((l) => `  ${l}`).join('\n')}`);
    }
  });

  it('place-first writes what formatDiagnostics always wrote, on every kind of finding', () => {
    const text = '# syntax=docker/dockerfile:1\nFROM node:latest AS Build\nFORM x\nRUN sudo apt-get install curl && cd /x\nMAINTAINER me\nCMD node server.js\n';
    const found = lintDockerfile(text, { rules: { DW1010: 'info' } });
    expect(new Set(found.map((d) => d.severity))).toEqual(new Set(['error', 'warning', 'info']));
    expect(formatDiagnostics(found, 'api/Dockerfile')).toBe(oldPlaceFirst(found, 'api/Dockerfile'));
    expect(formatDiagnostics(found)).toBe(oldPlaceFirst(found, 'Dockerfile'));
    expect(formatIssues(found, { layout: 'place-first', file: 'x' })).toBe(oldPlaceFirst(found, 'x'));
  });

  it('a file in where wins over the path, a mark and styles wrap their parts, no hint is no fix line', () => {
    const at = { line: 2, column: 7 };
    const located: Issue = { code: 'DW0004', severity: 'warning', message: 'unknown instruction', hint: 'write FROM', where: { file: 'Dockerfile', range: { start: at, end: at }, path: { stage: 'app' } } };
    expect(formatIssue(located)).toBe('⚠ DW0004 unknown instruction (at Dockerfile:2:7)\n  → write FROM');
    expect(formatIssue(located, { layout: 'place-first', file: 'other' })).toBe('⚠ Dockerfile:2:7 DW0004 unknown instruction\n  → write FROM');
    expect(formatIssue({ ...located, where: { file: 'policy.yaml' } })).toBe('⚠ DW0004 unknown instruction (at policy.yaml)\n  → write FROM');
    const style = { mark: (m: string) => `<${m}>`, code: (c: string) => `[${c}]`, place: (p: string) => `{${p}}`, hint: (h: string) => `(${h})` };
    expect(formatIssue(samples[0] as Issue, { mark: '!', style })).toBe('<!> [DW3001] the final stage runs as root ({stage "app"})\n  (→ call .user(10001))');
    expect(formatIssue(samples[0] as Issue, { paths: false })).toBe('✖ DW3001 the final stage runs as root\n  → call .user(10001)');
    expect(formatIssue(samples[0] as Issue, { paths: (p) => `in ${p.stage}` })).toBe('✖ DW3001 the final stage runs as root (in app)\n  → call .user(10001)');
    expect(formatIssue({ code: 'DWC1004', severity: 'info', message: 'no such file' })).toBe('ℹ DWC1004 no such file');
  });

  it('every code of the table formats in both layouts without throwing', () => {
    for (const code of Object.keys(codes) as (keyof typeof codes)[]) {
      const i = issue(code, codes[code].title, 'fix it');
      expect(formatIssue(i)).toContain(code);
      expect(formatIssue(i, { layout: 'place-first' })).toBe(`✖ Dockerfile ${code} ${codes[code].title}\n  → fix it`);
    }
  });
});
