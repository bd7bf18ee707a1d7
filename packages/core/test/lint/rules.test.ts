// Every rule of the catalogue raises on its invalid cases and stays quiet on its valid ones.
import { describe, expect, it } from 'vitest';
import { lintDockerfile, parseDockerfile, rules } from '@dockwright/core';
import { ruleCases } from './rules.cases.js';

describe.each(rules.map((r) => [r.id, r] as const))('%s', (id, rule) => {
  const cases = ruleCases[id];
  it('has cases', () => {
    expect(cases, `add valid and invalid cases for ${id}`).toBeDefined();
    expect(cases?.invalid.length).toBeGreaterThan(0);
    expect(cases?.valid.length).toBeGreaterThan(0);
  });
  if (cases === undefined) return;
  it.each(cases.invalid)('raises on %j', (text) => {
    expect(parseDockerfile(text).errors).toEqual([]);
    const found = lintDockerfile(text, cases.options).filter((d) => d.rule === id);
    expect(found.length).toBeGreaterThan(0);
    for (const d of found) {
      expect(d.severity).not.toBe('off');
      expect(d.line).toBeGreaterThan(0);
      expect(d.hint.length).toBeGreaterThan(5);
    }
  });
  it.each(cases.valid)('stays quiet on %j', (text) => {
    expect(parseDockerfile(text).errors).toEqual([]);
    expect(lintDockerfile(text, cases.options).filter((d) => d.rule === id)).toEqual([]);
  });
  if (cases.message !== undefined) {
    it('says what is wrong', () => {
      const first = lintDockerfile(cases.invalid[0] as string, cases.options).find((d) => d.rule === id);
      expect(first?.message).toBe(cases.message);
    });
  }
  it('names its twin or says it has none, and how it is stopped', () => {
    expect(['C', 'H', 'P', 'L']).toContain(rule.how);
    expect(rule.title.length).toBeGreaterThan(5);
    if (rule.how === 'P' && !['DW1009', 'DW6019', 'DW6021'].includes(id)) expect(rule.level).toBe('off');
  });
});

describe('docs/lint.md', () => {
  it('has a section with an example for every rule, in catalogue order', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const text = readFileSync(join(import.meta.dirname, '../../../../docs/lint.md'), 'utf8');
    const sections = text.split(/^### /m).slice(1);
    expect(sections.map((s) => s.slice(0, 6))).toEqual(rules.map((r) => r.id));
    for (const s of sections) expect(s, s.slice(0, 6)).toMatch(/```ts\n[\s\S]*lintDockerfile[\s\S]*```\n\n```text\n[✖⚠ℹ]/);
  });
});

describe('places', () => {
  const text = ['FROM debian:12.8-slim', 'RUN set -eux; \\', '    apt-get update; \\', '# a comment BuildKit drops', '    cd /opt/src && \\', '    curl -fsSL x | sh', 'USER 10001', ''].join('\n');

  it('puts a shell finding on the line and column of its command', () => {
    const found = lintDockerfile(text).map((d) => [d.rule, d.line, d.column]);
    expect(found).toEqual([
      ['DW5020', 5, 5],
      ['DW5019', 6, 5],
    ]);
  });

  it('waives findings anywhere in the instruction below a suppression', () => {
    const waived = text.replace('RUN set', '# dockwright:allow DW5020,DW5019 vendored script, reviewed\nRUN set');
    expect(lintDockerfile(waived)).toEqual([]);
  });
});

describe('options', () => {
  const text = 'FROM debian:12.8-slim\nRUN true\nRUN sudo true\nUSER 10001\n';
  it('sets each rule\'s level, warn meaning warning', () => {
    const found = lintDockerfile(text, { rules: { DW5018: 'off', DW3005: 'warn' } });
    expect(found.map((d) => [d.rule, d.severity])).toEqual([['DW3005', 'warning']]);
    expect(lintDockerfile(text, { rules: { DW3005: 'error' } }).find((d) => d.rule === 'DW3005')?.severity).toBe('error');
  });
  it('ignores unknown codes and levels instead of throwing', () => {
    const odd = { rules: { DW5018: 'fatal', DW5999: 'error' } } as never;
    expect(lintDockerfile(text, odd).map((d) => [d.rule, d.severity])).toEqual([
      ['DW5018', 'info'],
      ['DW3005', 'warning'],
    ]);
  });
  it('applies levels to the parser\'s codes too', () => {
    const bad = 'FROM debian:12\nFROBNICATE\nUSER 1\n';
    expect(lintDockerfile(bad).map((d) => [d.rule, d.severity])).toEqual([['DW0004', 'error']]);
    expect(lintDockerfile(bad, { rules: { DW0004: 'warn' } }).map((d) => [d.rule, d.severity])).toEqual([['DW0004', 'warning']]);
    expect(lintDockerfile(bad, { rules: { DW0004: 'off' } })).toEqual([]);
  });
  it('never throws, whatever the tree holds', () => {
    for (const text of ['', '\n\n', 'FROM', 'RUN <<EOF\n', 'FROM a AS\nCOPY --from= x\n', 'ONBUILD RUN cd x\n', 'FROM x\nHEALTHCHECK\nEXPOSE\nUSER\nWORKDIR\nENV\nLABEL\n']) {
      expect(() => lintDockerfile(text)).not.toThrow();
    }
  });
});
