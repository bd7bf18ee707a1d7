/**
 * A code says one thing wherever it is raised: the builder, `lintDockerfile()` and the printers
 * (which refuse a hand-built AST that slipped past the builder) give DW6009 and DW6010 one message.
 */
import { describe, expect, it } from 'vitest';
import { arg, DockwrightError, dockerfile, image, lintDockerfile, render, stage, tryDockerfile, type DockerfileNode, type Stage } from '../src/index.js';

const debian = image('debian:12.8-slim');

function builderMessage(final: unknown, code: string): string | undefined {
  const result = tryDockerfile(final as Stage<true>);
  return result.ok ? undefined : result.issues.find((i) => i.code === code)?.message;
}

function lintMessage(text: string, code: string): string | undefined {
  return lintDockerfile(text).find((d) => d.rule === code)?.message;
}

function renderRefusal(edit: (ast: DockerfileNode) => DockerfileNode): { code: string; message: string } {
  const ast = edit(dockerfile(stage('app').from(debian).env({ OK: '1' }).label({ 'com.example.ok': '1' }).arg(arg('OK')).user('1')).ast);
  try {
    render(ast);
  } catch (error) {
    if (!(error instanceof DockwrightError)) throw error;
    const [first] = error.issues;
    return { code: first!.code, message: first!.message };
  }
  throw new Error('render() accepted the AST');
}

/** The AST with its one stage's instructions replaced, as a program building it by hand would. */
function withInstructions(replace: (instructions: readonly any[]) => readonly unknown[]) {
  return (ast: DockerfileNode): DockerfileNode => ({ ...ast, stages: ast.stages.map((s) => ({ ...s, instructions: replace(s.instructions) })) }) as never;
}

describe('one message per code', () => {
  it('DW6009 for an ENV key: the builder, lint and render say the same', () => {
    const expected = '"my-var" is not a valid ENV name';
    expect(builderMessage(stage('app').from(debian).env({ 'my-var': 'x' }).user('1'), 'DW6009')).toBe(expected);
    expect(lintMessage('FROM debian:12.8-slim\nENV my-var=x\nUSER 1\n', 'DW6009')).toBe(expected);
    const refused = renderRefusal(withInstructions((is) => is.map((i) => (i.kind === 'Env' ? { ...i, pairs: [{ key: 'my-var', value: 'x' }] } : i))));
    expect(refused).toEqual({ code: 'DW6009', message: expected });
  });

  it('DW6009 for an ARG name: the builder, lint and render say the same', () => {
    const expected = '"my-arg" is not a valid ARG name';
    expect(builderMessage(stage('app').from(debian).arg(arg('my-arg')).user('1'), 'DW6009')).toBe(expected);
    expect(lintMessage('FROM debian:12.8-slim\nARG my-arg\nUSER 1\n', 'DW6009')).toBe(expected);
    const refused = renderRefusal(withInstructions((is) => is.map((i) => (i.kind === 'Arg' ? { ...i, name: 'my-arg' } : i))));
    expect(refused).toEqual({ code: 'DW6009', message: expected });
  });

  it('DW6009 for a variable a template reads: the same sentence, naming a variable', () => {
    const refused = renderRefusal(withInstructions((is) => is.map((i) => (i.kind === 'Env' ? { ...i, pairs: [{ key: 'OK', value: { kind: 'Template', parts: ['v', { kind: 'VarRef', name: 'a-b' }] } }] } : i))));
    expect(refused).toEqual({ code: 'DW6009', message: '"a-b" is not a valid variable name' });
  });

  it('DW6010 for a label key that cannot be written bare: the builder, lint and render say the same', () => {
    const expected = '"Com Example" is not a valid label key';
    expect(builderMessage(stage('app').from(debian).label({ 'Com Example': 'x' }).user('1'), 'DW6010')).toBe(expected);
    expect(lintMessage('FROM debian:12.8-slim\nLABEL "Com Example"=x\nUSER 1\n', 'DW6010')).toBe(expected);
    const refused = renderRefusal(withInstructions((is) => is.map((i) => (i.kind === 'Label' ? { ...i, pairs: [{ key: 'Com Example', value: 'x' }] } : i))));
    expect(refused).toEqual({ code: 'DW6010', message: expected });
  });
});
