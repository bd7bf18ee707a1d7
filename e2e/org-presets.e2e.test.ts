// examples/org-presets built for real: the committed billing/Dockerfile and billing/.dockerignore
// (`dockwright render --check` keeps them current) with ACME's registry swapped for the local
// base image, built by BuildKit on the example's own context. The preset's `**/*.pem` keeps keys
// out of the context while the `!acme-ca.pem` exception lets the CA certificate in; without the
// exception BuildKit fails the COPY, as DW6025 says before any build.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDockerignore } from '@dockwright/core';
import { baseImage, build, removeImages, requireEngine, run, uniqueTag } from './support/docker.js';
import { record } from './support/summary.js';

const example = join(import.meta.dirname, '..', 'examples', 'org-presets', 'billing');
const made: string[] = [];
const dirs: string[] = [];

beforeAll(async () => {
  await requireEngine();
});

afterAll(async () => {
  await removeImages(...made);
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

/** A copy of the example's context, with a private key dropped in as a developer's checkout may have one. */
async function context(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'dockwright-e2e-org-'));
  dirs.push(dir);
  await cp(example, dir, { recursive: true, filter: (p) => !p.includes('node_modules') });
  await writeFile(join(dir, 'server.key.pem'), '-----BEGIN PRIVATE KEY-----\nnot for images\n-----END PRIVATE KEY-----\n');
  return dir;
}

async function dockerfile(): Promise<string> {
  const text = await readFile(join(example, 'Dockerfile'), 'utf8');
  const swapped = text.replace(/registry\.acme\.example\/base\/node:\S+/g, baseImage('node:20-bookworm-slim'));
  expect(swapped).not.toContain('registry.acme.example');
  return swapped;
}

describe('examples/org-presets, real builds', () => {
  it('billing builds on its generated .dockerignore: the CA certificate gets in and Node trusts it, the key stays out', async () => {
    const dir = await context();
    const tag = uniqueTag('org-presets-billing');
    made.push(tag);
    const built = await build({ dockerfile: await dockerfile(), context: dir, tag, progress: 'plain' });
    const ca = await readFile(join(example, 'acme-ca.pem'), 'utf8');
    expect((await run(tag, ['cat', '/etc/ssl/certs/acme-ca.pem'])).stdout).toBe(ca);
    // Node reads NODE_EXTRA_CA_CERTS at start and warns when it cannot load it.
    const node = await run(tag, ['node', '-e', 'console.log(process.env.NODE_EXTRA_CA_CERTS, process.getuid())']);
    expect(node).toMatchObject({ code: 0, stdout: '/etc/ssl/certs/acme-ca.pem 10001\n' });
    expect(node.stderr).not.toContain('Ignoring extra certs');
    const files = await run(tag, ['ls', '-A', '/app']);
    expect(files.stdout.split('\n')).not.toContain('server.key.pem');
    expect(files.stdout.split('\n')).toContain('src');
    record({ case: 'org preset (billing)', coldSeconds: built.seconds });
  });

  it('without the exception BuildKit cannot find the certificate, which DW6025 reports first', async () => {
    const dir = await context();
    const ignore = (await readFile(join(dir, '.dockerignore'), 'utf8')).replace('!acme-ca.pem\n', '');
    await writeFile(join(dir, '.dockerignore'), ignore);
    expect(readDockerignore(ignore).excludedBy('acme-ca.pem')?.pattern).toBe('**/*.pem');
    expect(readDockerignore(await readFile(join(example, '.dockerignore'), 'utf8')).excludedBy('acme-ca.pem')).toBeUndefined();
    const failed = await build({ dockerfile: await dockerfile(), context: dir, tag: uniqueTag('org-presets-ignored') }).then(
      () => '',
      (error: Error) => error.message,
    );
    expect(failed).toContain('docker build failed');
    expect(failed).toMatch(/acme-ca\.pem.*not found|not found.*acme-ca\.pem/);
  });
});
