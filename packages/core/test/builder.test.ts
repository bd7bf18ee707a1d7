// Builder -> AST: the builder only makes plain, frozen data, and never mutates what it was given.
import { describe, expect, it } from 'vitest';
import { aptInstall, cacheMount, dockerfile, image, secretMount, stage, tpl, arg } from '@dockwright/core';

const debian = image('debian:12.8-slim');

describe('immutability', () => {
  it('branches from one stage without either branch seeing the other', () => {
    const base = stage('base').from(debian).workdir('/app');
    const a = base.run('echo a');
    const b = base.run('echo b');
    expect(base.toAst().instructions).toHaveLength(1);
    expect(a.toAst().instructions.map((i) => i.kind)).toEqual(['Workdir', 'Run']);
    expect(b.toAst().instructions.at(-1)).toEqual({ kind: 'Run', command: { form: 'shell', steps: [{ kind: 'Command', text: 'echo b' }] }, mounts: [] });
  });

  it('freezes stages and the AST', () => {
    const s = stage('app').from(debian).user('1');
    expect(Object.isFrozen(s)).toBe(true);
    const ast = dockerfile(s).ast;
    expect(Object.isFrozen(ast)).toBe(true);
    expect(Object.isFrozen(ast.stages[0]?.instructions)).toBe(true);
    expect(() => JSON.parse(JSON.stringify(ast))).not.toThrow();
  });

  it('modifiers replace the RUN they follow, not an earlier one', () => {
    const s = stage('app').from(debian).run('apt-get install curl').run('npm ci').withMounts(cacheMount('/root/.npm'));
    const runs = s.toAst().instructions;
    expect(runs[0]).toMatchObject({ kind: 'Run', mounts: [] });
    expect(runs[1]).toMatchObject({ kind: 'Run', mounts: [{ type: 'cache', target: '/root/.npm' }] });
  });
});

describe('AST shape', () => {
  it('builds FROM, COPY --from and mounts as references, not strings', () => {
    const build = stage('build').from(debian).run('make');
    const app = stage('app')
      .from(debian)
      .copy(build, '/out', '/srv/')
      .run('x')
      .withMounts(secretMount('token', { env: 'TOKEN' }))
      .user('1');
    const ast = dockerfile(app).ast;
    expect(ast.stages.map((s) => s.name)).toEqual(['build', 'app']);
    expect(ast.stages[1]?.from).toEqual({ kind: 'From', base: { kind: 'ImageRef', name: 'debian', tag: '12.8-slim' } });
    expect(ast.stages[1]?.instructions[0]).toEqual({
      kind: 'Copy',
      from: { kind: 'StageRef', name: 'build' },
      sources: ['/out'],
      dest: '/srv/',
      exclude: [],
    });
  });

  it('keeps variables as references in templates', () => {
    const v = arg('VERSION', { default: '1.0' });
    const ast = stage('app').from(debian).arg(v).env({ V: tpl`v${v}-x` }).toAst();
    expect(ast.instructions[1]).toEqual({
      kind: 'Env',
      pairs: [{ key: 'V', value: { kind: 'Template', parts: ['v', { kind: 'VarRef', name: 'VERSION' }, '-x'] } }],
    });
  });

  it('orders stages so every stage comes after the stages it reads', () => {
    const a = stage('a').from(debian);
    const b = stage('b').from(a);
    const c = stage('c').from(debian).copy(b, '/x', '/x');
    const d = stage('d').from(c).copy(a, '/y', '/y').run('true').withMounts(cacheMount('/c', { from: b })).user('1');
    expect(dockerfile(d).ast.stages.map((s) => s.name)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('leaves out stages the final stage does not read', () => {
    const unused = stage('unused').from(debian);
    void unused;
    expect(dockerfile(stage('app').from(debian).user('1')).ast.stages).toHaveLength(1);
  });
});

describe('rendering', () => {
  it('renders the same bytes on every call', () => {
    const make = () => dockerfile(stage('app').from(debian).env({ A: 'x y' }).user('1')).render();
    expect(make()).toBe(make());
    const df = dockerfile(stage('app').from(debian).user('1'));
    expect(df.render()).toBe(String(df));
  });

  it('ends with one newline and has no trailing blanks or tabs', () => {
    const text = dockerfile(stage('app').from(debian).run('apt-get install curl').withCleanup().user('1')).render();
    expect(text.endsWith('\n') && !text.endsWith('\n\n')).toBe(true);
    expect(text).not.toMatch(/[ \t]\n/);
    expect(text).not.toContain('\r');
  });
});

describe('cleanup keeps what it was asked to install', () => {
  it('drops a leading sudo, but not a package named sudo', () => {
    const helper = stage('app').from(debian).run(aptInstall(['sudo', 'tini'])).user('1');
    expect(dockerfile(helper).render()).toContain('apt-get install -y --no-install-recommends \\\n        sudo \\\n        tini \\\n');
    const text = dockerfile(stage('app').from(debian).run('sudo apt-get install sudo').withCleanup().user('1')).render();
    expect(text).toContain('apt-get install -y --no-install-recommends \\\n        sudo \\\n');
    expect(text).not.toMatch(/^RUN sudo/m);
  });
});
