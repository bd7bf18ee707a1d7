/**
 * `dockwright build` against the real engine and the loopback registry, for what the fixtures of
 * e2e/init-build.e2e.test.ts do not reach: an image one target builds and another starts `FROM`,
 * pushed (so the report's digests are the registry's own), and build secrets from a file and from
 * an environment variable.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { BuildReport } from '../packages/cli/src/output/build-report.js';
import { dockwright, makeProject } from './support/cli.js';
import { realBuilds } from './support/real-builds.js';
import { baseImage, registry, removeImages, run } from './support/docker.js';

const real = realBuilds();
const made = real.made;

/** The digest the registry gives the manifest of a tag, as `docker push` reports it. */
async function registryDigest(repository: string, tag: string): Promise<string | null> {
  const r = await fetch(`http://${registry()}/v2/${repository}/manifests/${tag}`, {
    method: 'HEAD',
    headers: { Accept: 'application/vnd.docker.distribution.manifest.v2+json, application/vnd.oci.image.manifest.v1+json' },
  });
  return r.ok ? r.headers.get('docker-content-digest') : null;
}

describe('a target that starts FROM the image of another, pushed', () => {
  it('builds the base first, pushes both, and reports the digest the registry has', async () => {
    const version = `1.0.${randomBytes(3).readUIntBE(0, 3)}`;
    const repo = (name: string) => `dockwright-e2e/${name}`;
    const tag = (name: string) => `${registry()}/${repo(name)}:${version}`;
    const base = `import { dockerfile, image, stage } from '@dockwright/core';
export default dockerfile(stage('base').from(image(${JSON.stringify(baseImage('debian:bookworm-slim'))})).run('echo made by base > /base.txt').user(10001));
`;
    const app = `import { dockerfile, image, stage } from '@dockwright/core';
export default dockerfile(stage('app').from(image(${JSON.stringify(tag('base'))})).run('test -f /base.txt').user(10001).cmd(['cat', '/base.txt']));
`;
    // app comes first in the search order; only the plan puts base before it.
    const dir = makeProject({ 'app/image.dockerfile.ts': app, 'base/image.dockerfile.ts': base });
    made.push(tag('app'), tag('base'));
    const r = await dockwright(real.cli(), ['build', '--network', 'none', '--tag', `${registry()}/dockwright-e2e/{name}:${version}`, '--push', '--json'], dir);
    const report = JSON.parse(r.stdout) as BuildReport;
    expect(report.builds.map((b) => [b.name, b.status, b.issues, b.dependsOn])).toEqual([
      ['app', 'built', [], ['base']],
      ['base', 'built', [], []],
    ]);
    expect(r.code).toBe(0);
    for (const build of report.builds) {
      expect(build.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(await registryDigest(repo(build.name), version)).toBe(build.digest);
    }
    // The registry's copy of app, pulled again, was built on base.
    await removeImages(tag('app'));
    const out = await run(tag('app'));
    expect(out.stdout).toBe('made by base\n');
  });
});

describe('build secrets', () => {
  it('from a file and from an environment variable, as docker build takes them, reach the RUN that mounts them', async () => {
    const target = `import { dockerfile, image, secretMount, stage } from '@dockwright/core';
const check = stage('app')
  .from(image(${JSON.stringify(baseImage('debian:bookworm-slim'))}))
  .run('test "$(cat /run/secrets/from-file)" = file-secret && test "$(cat /run/secrets/from-env)" = env-secret')
  .withMounts(secretMount('from-file', { required: true }), secretMount('from-env', { required: true }));
export default dockerfile(check.user(10001).cmd(['true']));
`;
    const dir = makeProject({ 'secret.txt': 'file-secret', 'secrets.dockerfile.ts': target });
    const tag = `dockwright-e2e/secrets:${process.pid}`;
    made.push(tag);
    const r = await dockwright(real.cli(), ['build', '--network', 'none', '--tag', tag, '--secret', 'id=from-file,src=secret.txt', '--secret', 'id=from-env,env=THE_SECRET'], dir, { THE_SECRET: 'env-secret' });
    expect(r.stderr).toBe('building secrets\n');
    expect(r.code).toBe(0);
  });
});
