/**
 * The Python and Rust presets, built and run by a real engine. PyPI and crates.io are not
 * reachable, so the fixtures use the standard library only, on base images made of Debian 12's
 * packaged toolchains (scripts/e2e/base-images.sh): a Python service through the pip path (a
 * requirements.txt without requirements) and a Rust service built to a static glibc binary on
 * scratch. Both answer HTTP as uid 65532; a rebuild after a source-only change is measured.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { image } from '@dockwright/core';
import { detectPython, detectRust, pythonPreset, rustPreset } from '@dockwright/presets';
import { askFromSidecar } from './support/ask-sidecar.js';
import { baseImage, build, imageSize, inspect, removeImages, requireEngine, run, uniqueTag } from './support/docker.js';
import { record } from './support/summary.js';
import { stepCached } from './support/build-log.js';
import { copyFixture } from './support/copy-fixture.js';

const made: string[] = [];
const work: string[] = [];

async function edit(file: string, from: string, to: string): Promise<void> {
  const text = await readFile(file, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} does not contain ${JSON.stringify(from)}`);
  await writeFile(file, text.replace(from, to));
}

const serves = askFromSidecar;

beforeAll(async () => {
  await requireEngine();
});

afterAll(async () => {
  await removeImages(...made);
  for (const dir of work) await rm(dir, { recursive: true, force: true });
});

describe('pythonPreset, real builds', () => {
  it('pip with a stdlib-only requirements.txt: a venv in the slim runtime, serves HTTP as 65532, a source change installs nothing again', async () => {
    const dir = await copyFixture('python-stdlib', work);
    const project = detectPython(dir);
    expect(project).toMatchObject({ packageManager: 'pip', hasRequirements: true, pythonVersion: '3.11', modules: ['app'] });
    const { dockerfile, dockerignore } = pythonPreset(project, { port: 8000, images: { python: image(baseImage('python:3.11.2-slim-bookworm')) } });
    await writeFile(join(dir, '.dockerignore'), dockerignore.render());
    const text = dockerfile.render();
    const tag = uniqueTag('python-pip');
    made.push(tag);
    const cold = await build({ dockerfile: text, context: dir, tag, noCache: true, progress: 'plain' });
    const config = (await inspect(tag)).Config;
    expect(config.User).toBe('65532:65532');
    expect(config.Cmd).toEqual(['python', '-m', 'app']);
    expect((await run(tag, ['python', '-c', 'import os, sys; print(os.getuid(), sys.prefix)'])).stdout).toBe('65532 /opt/venv\n');
    // The image's pip filled the venv; the runtime has no pip of its own (docs/presets.md).
    expect((await run(tag, ['python', '-c', 'import importlib.util as u; print(u.find_spec("pip"))'])).stdout).toBe('None\n');
    expect(await serves(tag, 8000)).toEqual({ ok: true, service: 'python-stdlib v1', uid: 65532, path: '/health' });

    await edit(join(dir, 'app/__main__.py'), 'python-stdlib v1', 'python-stdlib v2');
    const warm = await build({ dockerfile: text, context: dir, tag, progress: 'plain' });
    expect(stepCached(warm.log, 'python -m venv')).toBe(true);
    expect(stepCached(warm.log, 'install -r requirements.txt')).toBe(true);
    expect(await serves(tag, 8000)).toMatchObject({ service: 'python-stdlib v2', uid: 65532 });
    const bytes = await imageSize(tag);
    record({ case: 'pythonPreset pip (stdlib, Debian python 3.11.2)', coldSeconds: cold.seconds, warmSeconds: warm.seconds, imageBytes: bytes, note: 'warm = rebuild after a source-only change' });
  });
});

describe('rustPreset, real builds', () => {
  it('a std-only crate: a static glibc binary on scratch, serves HTTP as 65532', async () => {
    const dir = await copyFixture('rust-stdlib', work);
    const project = detectRust(dir);
    expect(project).toMatchObject({ name: 'hello-http', hasCargoLock: true, rustVersion: '1.63', binaries: ['hello-http'] });
    const { dockerfile, dockerignore } = rustPreset(project, { port: 8080, images: { rust: image(baseImage('rust:1.63.0-bookworm')) } });
    await writeFile(join(dir, '.dockerignore'), dockerignore.render());
    const text = dockerfile.render();
    const tag = uniqueTag('rust-static');
    made.push(tag);
    const cold = await build({ dockerfile: text, context: dir, tag, noCache: true, progress: 'plain' });
    const config = (await inspect(tag)).Config;
    expect(config.User).toBe('65532:65532');
    expect(config.Entrypoint).toEqual(['/usr/local/bin/hello-http']);
    expect(await serves(tag, 8080)).toEqual({ ok: true, service: 'rust-stdlib v1', uid: 65532, path: '/health' });
    // Static: scratch has no loader and no libc, so a dynamic binary would not have started above.
    const bytes = await imageSize(tag);
    // Stripped (the preset's default): 12.9 MB with the symbols.
    expect(bytes).toBeLessThan(3_000_000);

    await edit(join(dir, 'src/main.rs'), 'rust-stdlib v1', 'rust-stdlib v2');
    const warm = await build({ dockerfile: text, context: dir, tag, progress: 'plain' });
    expect(await serves(tag, 8080)).toMatchObject({ service: 'rust-stdlib v2', uid: 65532 });
    record({ case: 'rustPreset static (std only, Debian rustc 1.63.0)', coldSeconds: cold.seconds, warmSeconds: warm.seconds, imageBytes: await imageSize(tag), note: 'warm = rebuild after a source-only change' });
  });
});
