/**
 * The bake file, built for real: `dockwright bake` on a copy of examples/monorepo, then every
 * target of its default group built by reading the file and calling the engine with exactly the
 * context, Dockerfile, args, secrets and tags it names, resolved as `docker buildx bake` resolves
 * them (context from the file's directory, Dockerfile from the context). These machines have no
 * buildx, so bake itself cannot run here; the engine's BuildKit builds what bake would hand it.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBakeFile, type BakeFile } from '../packages/cli/src/bake/bake-file.js';
import { dockwright, makeProject } from './support/cli.js';
import { realBuilds } from './support/real-builds.js';
import { docker, inspect } from './support/docker.js';
import { LOOPBACK_ONLY, startContainer } from './support/node-apps.js';
import { record } from './support/summary.js';

const example = resolve(import.meta.dirname, '..', 'examples', 'monorepo');
const real = realBuilds({ npm: true });
const made = real.made;

/** `type=file,id=npmrc,src=${HOME}/.npmrc` as `docker build --secret` takes it, `${VAR}` filled from the file's variables or the environment. */
function secretFlag(spec: string, file: BakeFile): string {
  const fields = new Map(spec.split(',').map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)]));
  const fill = (text: string) => text.replace(/\$\{(\w+)\}/g, (_, name: string) => process.env[name] ?? file.variable?.[name]?.default ?? (name === 'HOME' ? homedir() : ''));
  const id = fields.get('id') ?? '';
  return fields.get('type') === 'env' ? `id=${id},env=${fields.get('env') ?? id}` : `id=${id},src=${fill(fields.get('src') ?? '')}`;
}

describe('examples/monorepo from its bake file', () => {
  it('builds every target with the context, Dockerfile, args, secrets and tags the file names; each runs as non-root', async () => {
    const dir = makeProject({}, example);
    const bake = await dockwright(real.cli(), ['bake'], dir);
    expect(bake.code, bake.stderr).toBe(0);
    const file = JSON.parse(await readFile(join(dir, 'docker-bake.json'), 'utf8')) as BakeFile;
    expect(checkBakeFile(file)).toEqual([]);
    const names = file.group?.['default']?.targets ?? [];
    expect(names).toEqual(['api', 'web', 'worker']);
    for (const name of names) {
      const target = file.target[name];
      if (target === undefined) throw new Error(`no target ${name}`);
      const context = resolve(dir, target.context ?? '.');
      const dockerfile = resolve(context, target.dockerfile ?? 'Dockerfile');
      expect(existsSync(dockerfile)).toBe(true);
      const args = ['build', '--progress=plain', '--network=host', '-f', dockerfile];
      for (const tag of target.tags ?? []) args.push('-t', tag);
      for (const [k, v] of Object.entries({ ...LOOPBACK_ONLY, ...target.args })) if (v !== null) args.push('--build-arg', `${k}=${v}`);
      for (const s of target.secret ?? []) args.push('--secret', secretFlag(s, file));
      expect(target.contexts).toBeUndefined(); // no target of the example builds on another's image
      args.push(context);
      made.push(...(target.tags ?? []));
      const started = performance.now();
      const built = await docker(args, { timeoutMs: 600_000 });
      expect(built.code, built.stderr).toBe(0);
      const tag = target.tags?.[0] ?? '';
      expect(tag).toBe(`registry.example.com/shop/${name}:1.0`);
      const config = (await inspect(tag)).Config;
      expect(config.User).toMatch(/^(?:1000:1000|65532:65532)$/);
      const app = await startContainer(tag);
      try {
        if (name === 'worker') {
          for (let i = 0; i < 40 && !(await app.logs()).includes('processing orders'); i += 1) await new Promise((r) => setTimeout(r, 250));
          expect(await app.logs()).toContain('processing orders');
        } else {
          expect((await app.fetch(name === 'api' ? '/health' : '/')).status).toBe(200);
        }
      } finally {
        await app.remove();
      }
      record({ case: `bake file target ${name} (examples/monorepo)`, coldSeconds: (performance.now() - started) / 1000, note: `context ${target.context}, dockerfile ${target.dockerfile}` });
    }
  });
});
