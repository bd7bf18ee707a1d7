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
    if (rule.how === 'P' && !['DW1009', 'DW6019'].includes(id)) expect(rule.level).toBe('off');
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
