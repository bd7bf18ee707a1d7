// examples/org-presets against BuildKit: the committed billing/Dockerfile and billing/.dockerignore
// (`dockwright render --check` keeps them current) with ACME's registry swapped for the local
// base image, built on the example's own context. Without the `!acme-ca.pem` exception after the
// preset's `**/*.pem`, BuildKit fails the COPY of the certificate, as DW6025 says before any build.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDockerignore } from '@dockwright/core';
import { baseImage, build, inspect, removeImages, requireEngine, run, uniqueTag } from './support/docker.js';
import { startContainer } from './support/node-apps.js';

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
  it('builds as committed, runs as uid 10001 with the CA certificate and without the key, and serves', async () => {
    const dir = await context();
    const tag = uniqueTag('org-presets-billing');
    made.push(tag);
    await build({ dockerfile: await dockerfile(), context: dir, tag });
    expect((await inspect(tag)).Config.User).toBe('10001:10001');
    const checked = await run(tag, ['sh', '-c', 'id -u && test -r /etc/ssl/certs/acme-ca.pem && test ! -e /app/server.key.pem && test ! -e /app/node_modules']);
    expect(checked.code, checked.stderr).toBe(0);
    expect(checked.stdout.trim()).toBe('10001');
    const app = await startContainer(tag);
    try {
      const root = await app.fetch('/');
      expect(root.status).toBe(200);
      expect(root.body).toBe('billing trusts /etc/ssl/certs/acme-ca.pem\n');
      expect((await app.fetch('/healthz')).body).toBe('ok');
    } finally {
      await app.remove();
    }
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
    expect(failed).toContain('"/acme-ca.pem" not found');
  });
});
