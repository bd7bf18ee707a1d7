// The one traversal of the model (ast/instructions-with-paths.ts, ast/image-refs.ts): the paths
// every check reports, the image references every lock and policy reads, and the immutable map
// that lock resolution uses.
import { describe, expect, it } from 'vitest';
import {
  bindMount,
  dockerfile,
  image,
  imageRefs,
  instructionsWithPaths,
  isDockwrightError,
  mapImageRefs,
  render,
  requiredFeatures,
  stage,
  tryDockerfile,
  type DockerfileNode,
  type ImageRef,
} from '@dockwright/core';

const build = stage('build').from('golang:1.23-bookworm').run('go build -o /out/app ./...');
const app = stage('app')
  .from('debian:12.8-slim')
  .comment('the binary')
  .copy(build, '/out/app', '/usr/local/bin/app')
  .copy(image('busybox:1.37'), '/bin/busybox', '/bin/busybox')
  .run('true')
  .withMounts(bindMount('/t', { from: image('ghcr.io/acme/tools:2') }))
  .run('false')
  .onBuild((s) => s.copy(image('quay.io/x/y:3'), '/y', '/y', { link: true }))
  .user(10001);
const ast = dockerfile(app).ast;

const refused = (call: () => unknown): string[] => {
  try {
    call();
  } catch (error) {
    if (isDockwrightError(error)) return error.issues.map((i) => i.code);
    throw error;
  }
  return [];
};

describe('instructionsWithPaths()', () => {
  it('gives each instruction the path the builder reports: FROM without index, 1-based per kind, a trigger after its ONBUILD', () => {
    expect(instructionsWithPaths(ast).map((at) => [at.stageIndex, at.node.kind, at.path.stage, at.path.instruction, at.path.index, at.onBuild])).toEqual([
      [0, 'From', 'build', 'FROM', undefined, false],
      [0, 'Run', 'build', 'RUN', 1, false],
      [1, 'From', 'app', 'FROM', undefined, false],
      [1, 'Comment', 'app', 'comment', 1, false],
      [1, 'Copy', 'app', 'COPY', 1, false],
      [1, 'Copy', 'app', 'COPY', 2, false],
      [1, 'Run', 'app', 'RUN', 1, false],
      [1, 'Run', 'app', 'RUN', 2, false],
      [1, 'OnBuild', 'app', 'ONBUILD', 1, false],
      [1, 'Copy', 'app', 'ONBUILD', 1, true],
      [1, 'User', 'app', 'USER', 1, false],
    ]);
  });

  it('is the path the builder puts on its own issues', () => {
    const result = tryDockerfile(stage('app').from('debian:12.8-slim').run('true').workdir('relative' as never).user(10001));
    expect(result.ok).toBe(false);
    const found = result.ok ? undefined : result.issues.find((i) => i.code === 'DW6004');
    const workdir = instructionsWithPaths(dockerfile(stage('app').from('debian:12.8-slim').run('true').workdir('/app').user(10001)).ast).find((at) => at.node.kind === 'Workdir');
    expect(found?.path).toEqual(workdir?.path);
    expect(workdir?.path).toEqual({ stage: 'app', instruction: 'WORKDIR', index: 1 });
  });

  it('feeds syntax-feature detection, ONBUILD triggers included', () => {
    expect(requiredFeatures(ast).map((f) => f.name)).toEqual(['COPY --link']);
  });

  it('refuses what is not a model with DW9005, naming the argument', () => {
    expect(refused(() => instructionsWithPaths(undefined as never))).toEqual(['DW9005']);
    expect(refused(() => instructionsWithPaths({ stages: [{ name: 'x' }] } as never))).toEqual(['DW9005']);
  });
});

describe('imageRefs()', () => {
  it('lists every image, not stages or scratch, with the path of its instruction', () => {
    expect(imageRefs(ast).map((u) => [u.place, u.ref.name, u.path.stage, u.path.instruction, u.path.index, u.onBuild])).toEqual([
      ['FROM', 'golang', 'build', 'FROM', undefined, false],
      ['FROM', 'debian', 'app', 'FROM', undefined, false],
      ['COPY --from', 'busybox', 'app', 'COPY', 2, false],
      ['RUN --mount', 'ghcr.io/acme/tools', 'app', 'RUN', 1, false],
      ['COPY --from', 'quay.io/x/y', 'app', 'ONBUILD', 1, true],
    ]);
  });

  it('refuses what is not a model with DW9005', () => {
    expect(refused(() => imageRefs('FROM node' as never))).toEqual(['DW9005']);
  });
});

describe('mapImageRefs()', () => {
  const mirror = (ref: ImageRef): ImageRef => ({ ...ref, name: `mirror.example.com/${ref.name}` });

  it('replaces every reference imageRefs() lists, in its order and with its places, and leaves the model given alone', () => {
    const before = render(ast);
    const seen: string[] = [];
    const mapped = mapImageRefs(ast, (ref, where) => {
      seen.push(`${where.place} ${ref.name} ${where.path.instruction}${where.path.index ?? ''}${where.onBuild ? ' onbuild' : ''}`);
      return mirror(ref);
    });
    expect(seen).toEqual(imageRefs(ast).map((u) => `${u.place} ${u.ref.name} ${u.path.instruction}${u.path.index ?? ''}${u.onBuild ? ' onbuild' : ''}`));
    expect(imageRefs(mapped).map((u) => u.ref.name)).toEqual(imageRefs(ast).map((u) => `mirror.example.com/${u.ref.name}`));
    expect(render(ast)).toBe(before);
    const text = render(mapped as DockerfileNode);
    expect(text).toContain('FROM mirror.example.com/debian:12.8-slim AS app');
    expect(text).toContain('COPY --from=mirror.example.com/busybox:1.37 ');
    expect(text).toContain('from=mirror.example.com/ghcr.io/acme/tools:2');
    expect(text).toContain('ONBUILD COPY --from=mirror.example.com/quay.io/x/y:3 ');
    // Only the image references change.
    expect(text.replaceAll('mirror.example.com/', '')).toBe(before);
  });

  it('keeps the objects it does not change: the same model when fn changes nothing', () => {
    expect(mapImageRefs(ast, (ref) => ref)).toBe(ast);
    const mapped = mapImageRefs(ast, (ref, where) => (where.place === 'FROM' && where.path.stage === 'app' ? mirror(ref) : ref));
    expect(mapped.stages[0]).toBe(ast.stages[0]);
    expect(mapped.stages[1]?.instructions).toEqual(ast.stages[1]?.instructions);
    expect(mapped.stages[1]?.instructions[1]).toBe(ast.stages[1]?.instructions[1]);
  });

  it('refuses a missing model or function with DW9005', () => {
    expect(refused(() => mapImageRefs(null as never, (r) => r))).toEqual(['DW9005']);
    expect(refused(() => mapImageRefs(ast, 'x' as never))).toEqual(['DW9005']);
  });
});
