import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadExamples } from '../src/playground/examples.js';
import { guardLoops } from '../src/playground/guard-loops.js';
import { parseProjectFiles } from '../src/playground/project-files.js';
import * as presets from '@dockwright/presets/browser';
import { runProgram as runWith, runProgramGuarded as runGuardedWith, type ProgramInput } from '../src/playground/run-program.js';

const repo = join(import.meta.dirname, '..', '..');
/** Both runs with the presets loaded, as the page loads them. */
const runProgram = (p: ProgramInput) => runWith(p, { presets });
const runProgramGuarded = (p: ProgramInput, _lazy: object, budgetMs: number) => runGuardedWith(p, { presets }, budgetMs);
const input = (code: string) => ({ code, files: {}, dir: '.' });
/** Runs `f` and says how long it took. */
const timed = <T>(f: () => T): [T, number] => {
  const t0 = performance.now();
  const out = f();
  return [out, performance.now() - t0];
};

describe('guardLoops', () => {
  it.each([
    ['while (true) {}', 'while (C() && (true)) {}'],
    ['do { x++ } while (x < 3);', 'do { x++ } while (C() && (x < 3));'],
    ['for (;;) {}', 'for (; C();) {}'],
    ['for (let i = 0; i < 3; i++) {}', 'for (let i = 0; C() && ( i < 3); i++) {}'],
    ['for (const a of b) {}', 'for (const a of b) {}'],
    ['const f = (n) => n < 2 ? n : f(n - 1);', 'const f = (n) => (C(), n < 2 ? n : f(n - 1));'],
    ['function g(a = () => 1) { return a }', 'function g(a = () => (C(), 1)) {C(); return a }'],
    ['const h = x => y => { return x + y };', 'const h = x => (C(), y => {C(); return x + y });'],
    ['class A { m() { return 1 } get z() { return 2 } static { while (0); } }', 'class A { m() {C(); return 1 } get z() {C(); return 2 } static { while (C() && (0)); } }'],
    ['const s = `a${(() => 1)()}b`, r = /while(x)/g;', 'const s = `a${(() => (C(), 1))()}b`, r = /while(x)/g;'],
    ['while (f = x => x) {}', 'while (C() && (f = x => (C(), x))) {}'],
  ])('checks in every loop and function: %s', (js, guarded) => {
    expect(guardLoops(js, 'C')).toBe(guarded);
    expect(() => new Function('C', guarded)).not.toThrow();
  });

  it.each(['eval("while (true) {}")', 'new Function("while (true) {}")()', '[].map.constructor("for (;;) {}")()', 'setTimeout("while (true) {}")', 'while ('])(
    'refuses what it cannot see into, or cannot read: %s',
    (js) => {
      expect(guardLoops(js, 'C')).toBeUndefined();
    },
  );
});

describe('runProgramGuarded', () => {
  it.each([
    ['a loop that never ends', 'while (true) {}'],
    ['an empty for', 'for (;;) {}'],
    ['a recursion that takes hours', 'const f = (n: number): number => (n < 2 ? n : f(n - 1) + f(n - 2));\nconsole.log(f(80));'],
    ['a loop that catches the deadline', 'while (true) { try { for (;;) {} } catch {} }'],
    ['a deadline caught around everything', 'try { while (true) {} } catch {}\nexport default "FROM alpine:3.20\\n";'],
  ])('stops %s at its budget, and says so with undefined', (_, code) => {
    const [outcome, ms] = timed(() => runProgramGuarded(input(code), {}, 30));
    expect(outcome).toBeUndefined();
    expect(ms).toBeGreaterThanOrEqual(30);
    // Well under the worker's 2-second limit, whatever the machine's load.
    expect(ms).toBeLessThan(1500);
  });

  it('answers what runProgram answers for every example, and for a 4-stage file', () => {
    const programs = [...loadExamples(repo).map((e) => ({ code: e.code, files: parseProjectFiles(e.files), dir: e.dir })), input(`${readFileSync(join(repo, 'bench', 'fixtures', 'four-stage.ts'), 'utf8')}\nexport default buildFourStage();\n`)];
    for (const p of programs) {
      const outcome = runProgram(p);
      expect(outcome.kind).not.toBe('problems');
      expect(runProgramGuarded(p, {}, 5000)).toEqual(outcome);
    }
  });

  it('answers a coded error, a thrown error with its line and a syntax error as runProgram does', () => {
    for (const code of ["import { dockerfile, stage } from '@dockwright/core';\nexport default dockerfile(stage('app').from('node:latest').user(1000));", "const x = 1;\nthrow new Error('boom')", 'const = 1']) {
      expect(runProgramGuarded(input(code), {}, 5000)).toEqual(runProgram(input(code)));
    }
  });

  it('sends code made from strings to the worker', () => {
    expect(runProgramGuarded(input('export default eval("1")'), {}, 5000)).toBeUndefined();
  });

  it("hides the page's document from the program, as the worker has none", () => {
    expect(runProgramGuarded(input('console.log(typeof document, typeof window)'), {}, 5000)).toEqual({ kind: 'printed', printed: 'undefined undefined\n' });
  });

  it('stops a callback the program left behind at its first check', async () => {
    const rejected: unknown[] = [];
    const onRejection = (reason: unknown) => rejected.push(reason);
    process.on('unhandledRejection', onRejection);
    try {
      const outcome = runProgramGuarded(input('Promise.resolve().then(() => { while (true) {} });\nexport default "FROM alpine:3.20\\n";'), {}, 5000);
      expect(outcome).toEqual({ kind: 'dockerfile', files: [{ path: 'Dockerfile', text: 'FROM alpine:3.20\n' }], printed: '' });
      // The loop would hold this thread for ever; it throws at once instead, and the test goes on.
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(rejected.map((r) => (r instanceof Error ? r.message : String(r)))).toEqual(['out of time']);
    } finally {
      process.off('unhandledRejection', onRejection);
    }
  });
});
