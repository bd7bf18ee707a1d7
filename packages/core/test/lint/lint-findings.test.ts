// lintFindings() and compileLint(): one text judged once, or many texts judged by options worked
// out once. Both must give lint()'s answer, placed by stage and instruction.
import { describe, expect, it } from 'vitest';
import { compileLint, isDockwrightError, lintDockerfile, lintFindings, type DockwrightCode, type LintOptions } from '@dockwright/core';
import { ruleCases } from './rules.cases.js';

const codesOf = (text: string, options?: LintOptions) => lintDockerfile(text, options).filter((d) => /^DW[1-9]/.test(d.rule)).map((d) => `${d.line}:${d.rule}:${d.message}`);
const codeOf = (thrown: () => unknown) => {
  try {
    thrown();
  } catch (error) {
    return isDockwrightError(error) ? error.issues.map((i) => `${i.code} ${i.message}`) : `not a DockwrightError: ${String(error)}`;
  }
  return 'did not throw';
};

describe('lintFindings() and compileLint()', () => {
  const texts = Object.values(ruleCases).flatMap((c) => [...c.invalid, ...c.valid].map((text) => [text, c.options ?? {}] as const));

  it("give lint()'s rule findings for every rule case, in the same order", () => {
    expect(texts.length).toBeGreaterThan(100);
    for (const [text, options] of texts) {
      const expected = codesOf(text, options);
      const once = lintFindings(text, options).map((f) => `${f.position.line}:${f.problem.code}:${f.problem.message}`);
      const compiled = compileLint(options)(text).map((f) => `${f.position.line}:${f.problem.code}:${f.problem.message}`);
      expect(once, text).toEqual(expected);
      expect(compiled, text).toEqual(expected);
    }
  });

  it('one compiled engine judges many texts alike, each on its own', () => {
    const engine = compileLint({ rules: { DW3007: 'error' } }, ['DW3007', 'DW1002']);
    expect(engine('FROM node:latest\nUSER node\n').map((f) => [f.problem.code, f.severity, f.stage, f.instruction])).toEqual([
      ['DW1002', 'error', 0, undefined],
      ['DW3007', 'error', 0, 0],
    ]);
    expect(engine('FROM node:22.11.0\nUSER 10001\n')).toEqual([]);
    expect(engine('FROM node:latest\nUSER node\n')).toEqual(lintFindings('FROM node:latest\nUSER node\n', { rules: { DW3007: 'error' } }, ['DW3007', 'DW1002']));
  });

  it('reads its options once: a later change to them is not seen', () => {
    const options: { rules: Record<string, string> } = { rules: { DW3007: 'off' } };
    const engine = compileLint(options as LintOptions, ['DW3007']);
    options.rules['DW3007'] = 'error';
    expect(engine('FROM node:22.11.0\nUSER node\n')).toEqual([]);
    // Lists too: an entry pushed later neither widens the list nor escapes the option checks.
    const registries = { allowedRegistries: ['docker.io/library'] };
    const judge = compileLint(registries, ['DW1009']);
    registries.allowedRegistries.push('ghcr.io', 'not a registry!');
    expect(judge('FROM ghcr.io/acme/app:1.0\n').map((f) => f.problem.code)).toEqual(['DW1009']);
    expect(compileLint(options as LintOptions, ['DW3007'])('FROM node:22.11.0\nUSER node\n').map((f) => f.problem.code)).toEqual(['DW3007']);
  });

  it('refuses malformed options when compiled, and a text that is not one on each call, with DW9005', () => {
    expect(codeOf(() => compileLint({ allowedRegistries: 'docker.io' } as never))).toEqual([expect.stringMatching(/^DW9005 compileLint\(\): .*allowedRegistries/)]);
    expect(codeOf(() => compileLint({ allowedRegistries: ['not a registry!'] }))).toEqual([expect.stringMatching(/^DW9005 compileLint\(\): allowedRegistries\[0\]/)]);
    expect(codeOf(() => compileLint({}, 'DW1002' as never))).toEqual([expect.stringMatching(/^DW9005 compileLint\(\): the rules to run/)]);
    const engine = compileLint();
    expect(codeOf(() => engine(undefined as never))).toEqual([expect.stringMatching(/^DW9005 compileLint\(\): the text/)]);
    expect(codeOf(() => lintFindings(42 as never, { ignore: 'DL3008' as never }))).toEqual([expect.stringMatching(/^DW9005 lintFindings\(\): the text/), expect.stringMatching(/^DW9005 lintFindings\(\): .*ignore/)]);
    expect(codeOf(() => lintFindings('FROM scratch\n', {}, [1] as unknown as DockwrightCode[]))).toEqual([expect.stringMatching(/^DW9005 lintFindings\(\): the rules to run/)]);
  });
});
