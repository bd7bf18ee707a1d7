/**
 * The presets, built and run by a real engine: a Go module with two commands, and a static
 * binary into scratch. Each runs as non-root, and a rebuild after a source-only change reuses
 * the dependency layers.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { image, stage, tpl, platformArgs, cacheMount, bindMount } from '@dockwright/core';
import { detectGo, goPreset, staticPreset } from '@dockwright/presets';
import { baseImage, build, imageSize, removeImages, requireEngine, run, uniqueTag } from './support/docker.js';
import { record } from './support/summary.js';
import { stepCached } from './support/build-log.js';
import { copyFixture } from './support/copy-fixture.js';

const made: string[] = [];
const work: string[] = [];

beforeAll(async () => {
  await requireEngine();
});

afterAll(async () => {
  await removeImages(...made);
  for (const dir of work) await rm(dir, { recursive: true, force: true });
});

describe('goPreset, real builds', () => {
  it.each(['api', 'worker'])('builds and runs the %s command of a module with two, as 65532', async (command) => {
    const dir = await copyFixture('go-two-commands', work);
    const project = detectGo(dir);
    expect(project.commands).toEqual(['./cmd/api', './cmd/worker']);
    const { dockerfile, dockerignore } = goPreset(project, { command, images: { golang: image(baseImage('golang:1.19-bookworm')) } });
    await writeFile(join(dir, '.dockerignore'), dockerignore.render());
    const text = dockerfile.render();
    const tag = uniqueTag(`go-${command}`);
    made.push(tag);
    const cold = await build({ dockerfile: text, context: dir, tag, noCache: true, progress: 'plain' });
    expect((await run(tag)).stdout).toBe(`${command} v1 uid=65532 user=unknown\n`);
    // A source-only change: the module download is reused, the compile is not.
    const main = join(dir, 'internal/greet/greet.go');
    // New text on every run: the engine's cache outlives a run, and a change it has seen before
    // would find the compile cached.
    const v2 = `v2-${Date.now().toString(36)}`;
    await writeFile(main, (await readFile(main, 'utf8')).replace('v1', v2));
    const warm = await build({ dockerfile: text, context: dir, tag, progress: 'plain' });
    expect(stepCached(warm.log, 'go mod download')).toBe(true);
    expect((await run(tag)).stdout).toBe(`${command} ${v2} uid=65532 user=unknown\n`);
    const bytes = await imageSize(tag);
    expect(bytes).toBeLessThan(3_000_000);
    record({ case: `goPreset ${command}`, coldSeconds: cold.seconds, warmSeconds: warm.seconds, imageBytes: bytes, note: 'warm = rebuild after a source-only change' });
  });
});

describe('staticPreset, real builds', () => {
  it('puts a static Go binary from a build stage into scratch with a nonroot user and CA certificates', async () => {
    const dir = await copyFixture('go-two-commands', work);
    const golang = image(baseImage('golang:1.19-bookworm'));
    const { TARGETOS, TARGETARCH } = platformArgs;
    const compile = stage('compile')
      .from(golang)
      .workdir('/src')
      .arg(TARGETOS)
      .arg(TARGETARCH)
      .run(tpl`CGO_ENABLED=0 GOOS=${TARGETOS} GOARCH=${TARGETARCH} go build -trimpath -o /out/api ./cmd/api`)
      .withMounts(bindMount('.', { source: '.' }), cacheMount('/root/.cache/go-build'));
    const { dockerfile } = staticPreset({ binary: { from: compile, path: '/out/api' }, images: { rootfs: golang } });
    const tag = uniqueTag('static');
    made.push(tag);
    const cold = await build({ dockerfile: dockerfile.render(), context: dir, tag, noCache: true, progress: 'plain' });
    // user.Current() reads /etc/passwd: the preset's passwd names uid 65532.
    expect((await run(tag)).stdout).toBe('api v1 uid=65532 user=nonroot\n');
    const files = await run(tag, [], { entrypoint: '/api', flags: ['--read-only'] });
    expect(files.code).toBe(0);
    const bytes = await imageSize(tag);
    record({ case: 'staticPreset (Go binary)', coldSeconds: cold.seconds, imageBytes: bytes });
    expect(bytes).toBeLessThan(4_000_000);
  });
});
