// Builder -> AST: the builder only makes plain, frozen data, and never mutates what it was given.
import { describe, expect, it } from 'vitest';
import type { Stage } from '@dockwright/core';
import { aptInstall, cacheMount, dockerfile, image, lintDockerfile, secretMount, stage, tpl, tryDockerfile, arg } from '@dockwright/core';

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

describe('cleanup in a separate layer (DW5011)', () => {
  const install = 'apt-get update && apt-get install -y --no-install-recommends curl';
  const issuesOf = (s: { user(uid: number): Stage<boolean> }) => {
    const result = tryDockerfile(s.user(10001));
    return result.ok ? [] : result.issues.map((i) => ({ code: i.code, message: i.message, hint: i.hint, path: i.path }));
  };

  it.each(['rm -rf /var/lib/apt/lists/*', 'apt-get clean && rm -rf /var/lib/apt/lists/*', 'apt-get autoremove -y && apt-get clean && rm -rf /var/cache/apt/archives /var/lib/apt/lists', 'apt-get dist-clean'])(
    'refuses a run(%j) after an install that kept the lists, naming both RUNs',
    (cleanup) => {
      expect(issuesOf(stage('app').from(debian).run(install).run(cleanup))).toEqual([
        {
          code: 'DW5011',
          message: 'a run() that only cleans up after apt, in a layer after the install in RUN #1, which keeps the lists',
          hint: "clean up in the install's own RUN: run(aptInstall([...])), or .withCleanup() right after the install's run(), and drop this run()",
          path: { stage: 'app', instruction: 'RUN', index: 2 },
        },
      ]);
    },
  );

  it('finds the install however far back in the stage, and by its number among the RUNs', () => {
    const found = issuesOf(stage('app').from(debian).run('mkdir -p /opt/app').run(install).workdir('/opt/app').run('rm -rf /var/lib/apt/lists/*'));
    expect(found.map((i) => [i.code, i.message.includes('RUN #2'), i.path])).toEqual([['DW5011', true, { stage: 'app', instruction: 'RUN', index: 3 }]]);
  });

  it('accepts the cleanup in the same RUN, the helpers, a cache mount, and a RUN that does more than clean up', () => {
    expect(issuesOf(stage('app').from(debian).run(`${install} && rm -rf /var/lib/apt/lists/*`))).toEqual([]);
    expect(issuesOf(stage('app').from(debian).run(install).withCleanup().run('rm -rf /var/lib/apt/lists/*'))).toEqual([]);
    expect(issuesOf(stage('app').from(debian).run(aptInstall(['curl'])).run('rm -rf /var/lib/apt/lists/*'))).toEqual([]);
    expect(issuesOf(stage('app').from(debian).run(install).withMounts(cacheMount('/var/lib/apt/lists')).run('rm -rf /var/lib/apt/lists/*'))).toEqual([]);
    expect(issuesOf(stage('app').from(debian).run(install).run('rm -rf /var/lib/apt/lists/* /tmp/build && make'))).toEqual([]);
    expect(issuesOf(stage('app').from(debian).run('rm -rf /var/lib/apt/lists/*'))).toEqual([]);
  });

  it('takes commands named like Object.prototype members for plain commands (a found counterexample)', () => {
    for (const name of ['valueOf', 'constructor', '__proto__']) expect(issuesOf(stage('app').from(debian).run(install).run(`${name} x`).run([name, '']))).toEqual([]);
  });

  it('lint reads the same Dockerfile with the same rule: the install that keeps the lists is DW5011', () => {
    const text = `FROM debian:12.8-slim\nRUN ${install}\nRUN rm -rf /var/lib/apt/lists/*\nUSER 10001\n`;
    expect(lintDockerfile(text).filter((d) => d.rule === 'DW5011').map((d) => d.line)).toEqual([2]);
  });
});

describe('the stages a Dockerfile reads', () => {
  it('a look-alike of a stage as a mount source is a coded error, not a crash', () => {
    const lookAlike = { kind: 'Stage', name: 'ghost' } as never;
    const final = stage('app').from(debian).run('true').withMounts(cacheMount('/c', { from: lookAlike })).user('1');
    const result = tryDockerfile(final);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.issues.map((i) => [i.code, i.message])).toEqual([
      ['DW9005', "cacheMount(): option from is a Stage value, not a stage from stage('name') or an image from image()"],
    ]);
  });

  it('a mount value written by hand with a look-alike source is refused where it is used', () => {
    const forged = { kind: 'Mount', mount: { type: 'cache', target: '/c', from: { kind: 'StageRef', name: 'ghost' } }, source: { kind: 'Stage', name: 'ghost' }, issues: [] } as never;
    const result = tryDockerfile(stage('app').from(debian).run('true').withMounts(forged).user('1'));
    expect(result.ok ? [] : result.issues.map((i) => i.code)).toEqual(['DW9005']);
  });

  // Stages are numbered as stage() is called, so that stages render in the order they were
  // written where dependencies allow. The numbers only order one program's stages among
  // themselves: another program's stage() calls in between change nothing.
  it('a program renders the same bytes when another program builds its stages in between', () => {
    const program = (between: () => void) => {
      const tools = stage('tools').from(debian);
      between();
      const assets = stage('assets').from(debian).run('true');
      between();
      const app = stage('app').from(debian).copy(assets, '/a', '/a').copy(tools, '/t', '/t').user('1');
      return dockerfile(app).render();
    };
    const alone = program(() => undefined);
    const others: unknown[] = [];
    const interleaved = program(() => others.push(stage('other').from(debian).copy(stage('zz').from(debian), '/z', '/z')));
    expect(interleaved).toBe(alone);
    expect(program(() => undefined)).toBe(alone);
    expect(alone.indexOf('AS tools')).toBeLessThan(alone.indexOf('AS assets'));
  });
});
