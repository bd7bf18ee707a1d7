/**
 * Smoke test of the real-build environment (scripts/e2e/with-engine.sh): a real BuildKit build of a
 * two-stage Dockerfile FROM the hermetic debian base pinned by the digest the registry returned,
 * run with no network.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { baseImage, build, inspect, registry, removeImages, requireEngine, run, uniqueTag } from './support/docker.js';

describe('the e2e engine', () => {
  beforeAll(async () => {
    await requireEngine();
  });

  it('pins the base images by the digest the local registry returned', () => {
    for (const name of ['debian:bookworm-slim', 'node:20-bookworm-slim', 'golang:1.19-bookworm', 'static:nonroot']) {
      expect(baseImage(name)).toMatch(new RegExp(`^${registry().replace(/\./g, '\\.')}/${name}@sha256:[0-9a-f]{64}$`));
    }
  });

  it('builds a two-stage Dockerfile FROM the pinned debian base and runs it as uid 1000 with no network', async () => {
    const debian = baseImage('debian:bookworm-slim');
    const dockerfile = [
      `FROM ${debian} AS build`,
      'WORKDIR /src',
      'COPY greeting.txt ./',
      'RUN tr a-z A-Z <greeting.txt >/greeting.upper',
      '',
      `FROM ${debian}`,
      'COPY --from=build /greeting.upper /app/greeting.txt',
      'USER 1000:1000',
      'CMD ["cat", "/app/greeting.txt"]',
      '',
    ].join('\n');
    const tag = uniqueTag('smoke');
    const result = await build({
      dockerfile,
      context: { 'greeting.txt': 'hello from dockwright\n' },
      tag,
      network: 'none',
      progress: 'plain',
    });
    try {
      expect(result.image).toBe(tag);
      expect(result.id).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(result.log).toContain('naming to');
      expect(result.seconds).toBeGreaterThan(0);

      expect(await run(tag)).toEqual({ stdout: 'HELLO FROM DOCKWRIGHT\n', stderr: '', code: 0 });

      const uid = await run(tag, ['id', '-u']);
      expect(uid.code).toBe(0);
      expect(uid.stdout.trim()).toBe('1000');
      expect(Number(uid.stdout.trim())).not.toBe(0);
      expect((await run(tag, ['id', '-g'])).stdout.trim()).toBe('1000');

      // --network=none: loopback only.
      const net = await run(tag, ['cat', '/proc/net/dev']);
      const ifaces = net.stdout
        .split('\n')
        .slice(2)
        .map((l) => l.split(':')[0]?.trim())
        .filter((l): l is string => !!l);
      expect(ifaces).toEqual(['lo']);

      const info = await inspect(tag);
      expect(info.Config.User).toBe('1000:1000');
      expect(info.Config.Cmd).toEqual(['cat', '/app/greeting.txt']);

      expect(await run(tag, ['sh', '-c', 'exit 3'])).toMatchObject({ code: 3 });
    } finally {
      await removeImages(tag);
    }
  });

  it('throws with the whole build log when a build fails', async () => {
    const dockerfile = `FROM ${baseImage('debian:bookworm-slim')}\nRUN echo about-to-fail && exit 7\n`;
    await expect(build({ dockerfile, context: {}, progress: 'plain' })).rejects.toThrow(
      /docker build failed[\s\S]*about-to-fail[\s\S]*exit code: 7/,
    );
  });
});
