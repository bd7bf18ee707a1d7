// Injection-proof rendering of commands: exec-form argv (CMD, ENTRYPOINT, SHELL, HEALTHCHECK CMD,
// RUN), shell-form RUN text and templates, and RUN heredoc scripts. Exec forms are JSON only (no
// lexing, as BuildKit reads them); shell text is compared with what /bin/sh -c would receive.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cacheMount, stage } from '@dockwright/core';
import { argv, CONTROL, hostile, makeTemplate, PRINTABLE_ADVERSARIAL, templateParts } from '../support/arbitraries.js';
import { parseHealthConfig, parseMaybeJson } from '../support/buildkit-lexer.js';
import { forAll } from '../support/property.js';
import { astHeredocContents, keywordsOf, only, renderOrRefuse, type ReadInstruction } from '../support/roundtrip.js';

const app = () => stage('app').from('debian:12.8-slim');

function execArgv(args: string): string[] {
  const read = parseMaybeJson(args);
  expect(read.json, `exec form: ${args.slice(0, 80)}`).toBe(true);
  return read.json ? read.argv : [];
}

describe('exec forms', () => {
  const forms = [
    ['CMD', (a: [string, ...string[]]) => app().cmd(a)],
    ['ENTRYPOINT', (a: [string, ...string[]]) => app().entrypoint(a)],
    ['SHELL', (a: [string, ...string[]]) => app().shell(a)],
  ] as const;
  for (const [keyword, make] of forms) {
    it(`${keyword} argv elements are refused, or read back as the same argv`, () => {
      forAll(argv(), (a) => {
        const outcome = renderOrRefuse(() => make(a).user('10001'));
        if (outcome.refused) return outcome;
        expect(keywordsOf(outcome.read)).toEqual(['FROM', keyword, 'USER']);
        const instruction = only(outcome.read, keyword);
        expect(instruction.flags).toEqual([]);
        expect(execArgv(instruction.args)).toEqual(a);
        return outcome;
      });
    });
  }

  it('HEALTHCHECK CMD argv elements are refused, or read back as the same argv', () => {
    const interval = fc.option(fc.oneof(fc.constantFrom('30s', '1m30s', '500ms'), hostile(6)), { nil: undefined });
    forAll(fc.tuple(argv(), interval), ([a, every]) => {
      const options = every === undefined ? {} : { interval: every as '30s' };
      const outcome = renderOrRefuse(() => app().healthcheck(a, options).user('10001'));
      if (outcome.refused) return outcome;
      expect(keywordsOf(outcome.read)).toEqual(['FROM', 'HEALTHCHECK', 'USER']);
      const instruction = only(outcome.read, 'HEALTHCHECK');
      expect(instruction.flags).toEqual(every === undefined ? [] : [{ name: 'interval', value: every }]);
      const health = parseHealthConfig(instruction.args);
      expect(health.type).toBe('CMD');
      expect(health.command.json && health.command.argv).toEqual(a);
      return outcome;
    });
  });

  it('RUN exec-form argv elements are refused, or read back as the same argv', () => {
    forAll(argv(), (a) => {
      const outcome = renderOrRefuse(() => app().run(a).user('10001'));
      if (outcome.refused) return outcome;
      expect(keywordsOf(outcome.read)).toEqual(['FROM', 'RUN', 'USER']);
      const run = only(outcome.read, 'RUN');
      expect(run.flags).toEqual([]);
      expect(run.heredocs).toEqual([]);
      expect(execArgv(run.args)).toEqual(a);
      return outcome;
    });
  });
});

/**
 * Shell text compared up to the spaces and tabs around `&&`: the renderer puts each chained
 * command on its own line (`a \` newline `    && b`), which BuildKit joins to `a     && b`. Only
 * what a shell ignores is trimmed: a BOM or a no-break space is part of a word.
 */
const asciiTrim = (s: string) => s.replace(/^[ \t]+|[ \t]+$/g, '');
const chain = (s: string) => asciiTrim(s.replace(/[ \t]*&&[ \t]*/g, '&&'));

function shellText(run: ReadInstruction): string {
  const read = parseMaybeJson(run.args);
  expect(read.json, 'shell form, not exec form').toBe(false);
  return read.json ? '' : read.text;
}

describe('RUN shell form', () => {
  it('a one-line command is refused, or /bin/sh -c receives the same text', () => {
    // Newlines make a heredoc (tested below); a one-line command may hold anything else.
    const line = hostile(40).filter((t) => !t.includes('\n'));
    forAll(line, (text) => {
      const outcome = renderOrRefuse(() => app().run(text).user('10001'));
      if (outcome.refused) return outcome;
      expect(keywordsOf(outcome.read)).toEqual(['FROM', 'RUN', 'USER']);
      const run = only(outcome.read, 'RUN');
      expect(run.flags).toEqual([]);
      expect(run.heredocs).toEqual([]);
      const received = shellText(run);
      if (!received.includes('&&')) expect(received).toBe(asciiTrim(text));
      expect(chain(received)).toBe(chain(text));
      return outcome;
    });
  });

  it('a template command is refused, or renders as one RUN with no flag, heredoc or exec form', () => {
    forAll(
      templateParts(hostile(16).filter((t) => !t.includes('\n'))).map(makeTemplate),
      ({ template }) => {
        const outcome = renderOrRefuse(() => app().run(template).user('10001'));
        if (outcome.refused) return outcome;
        expect(keywordsOf(outcome.read)).toEqual(['FROM', 'RUN', 'USER']);
        const run = only(outcome.read, 'RUN');
        expect(run.flags).toEqual([]);
        expect(run.heredocs).toEqual([]);
        shellText(run);
        return outcome;
      },
      { minRendered: 0.05 },
    );
  });

  it('with mounts and --network, the command still reads back the same', () => {
    const line = hostile(24).filter((t) => !t.includes('\n'));
    forAll(line, (text) => {
      const outcome = renderOrRefuse(() => app().run(text, { network: 'none', mounts: [cacheMount('/cache')] }).user('10001'));
      if (outcome.refused) return outcome;
      const run = only(outcome.read, 'RUN');
      expect(run.flags).toEqual([
        { name: 'mount', value: 'type=cache,target=/cache' },
        { name: 'network', value: 'none' },
      ]);
      expect(chain(shellText(run))).toBe(chain(text));
      return outcome;
    });
  });
});

describe('RUN heredoc', () => {
  // Scripts: lines of adversarial text, with delimiter look-alikes and trailing backslashes.
  const unit = fc.oneof(
    { arbitrary: fc.constantFrom(...PRINTABLE_ADVERSARIAL), weight: 8 },
    { arbitrary: fc.constantFrom('\n', '\nEOF\n', '\nEOF1\n', '\n  EOF  \n', '\n\t', ' \\\n', '\\\n', '\n#', '\nRUN evil\n', '\n\n'), weight: 3 },
    // Lone surrogates left out: a known bug outside quote.ts (see regressions.test.ts).
    { arbitrary: fc.constantFrom(...CONTROL.filter((c) => !/\p{Cs}/u.test(c))), weight: 1 },
  );
  const script = fc.tuple(fc.string({ unit, maxLength: 60 }), fc.string({ unit, maxLength: 60 })).map(([a, b]) => `${a}\n${b}`);

  it('a multi-line script is refused, or BuildKit reads back the same body', () => {
    const mounted = fc.boolean();
    forAll(fc.tuple(script, mounted), ([body, withMount]) => {
      const outcome = renderOrRefuse(() => (withMount ? app().run(body, { network: 'none', mounts: [cacheMount('/cache')] }) : app().run(body)).user('10001'));
      if (outcome.refused) return outcome;
      expect(keywordsOf(outcome.read)).toEqual(['FROM', 'RUN', 'USER']);
      const run = only(outcome.read, 'RUN');
      expect(run.heredocs).toHaveLength(1);
      const [heredoc] = run.heredocs;
      // Quoted delimiter: BuildKit does not expand the body.
      expect(heredoc?.expand).toBe(false);
      expect(heredoc?.chomp).toBe(false);
      // Every line with its newline; the renderer writes one final newline either way.
      expect(heredoc?.content).toBe(body.endsWith('\n') ? body : `${body}\n`);
      // dockerfile-ast leaves out the final newline, and misplaces the body when it holds a
      // backslash (disagreements.test.ts); elsewhere it must read the same body.
      if (!body.includes('\\')) expect(astHeredocContents(run)).toEqual([body.replace(/\n$/, '')]);
      return outcome;
    });
  });
});
