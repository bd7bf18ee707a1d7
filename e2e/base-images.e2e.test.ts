/**
 * The hermetic base images (scripts/e2e/base-images.sh) and the local apt repository
 * (scripts/e2e/apt-repo.sh) behave like the real images the presets are written against.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  aptRepo,
  baseImage,
  build,
  imageSize,
  inspect,
  removeImages,
  requireEngine,
  run,
  uniqueTag,
} from './support/docker.js';

describe('hermetic base images', () => {
  beforeAll(async () => {
    await requireEngine();
  });

  it('node:20-bookworm-slim has node, npm and the node user (1000:1000)', async () => {
    const node = baseImage('node:20-bookworm-slim');
    const r = await run(node, ['sh', '-c', 'node --version && npm --version && npx --version && id node'], {
      user: 'node',
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^v\d+\.\d+\.\d+\n\d+\.\d+\.\d+\n\d+\.\d+\.\d+\nuid=1000\(node\) gid=1000\(node\)/);
    expect((await run(node, ['sh', '-c', 'echo ~'], { user: 'node' })).stdout).toBe('/home/node\n');
  });

  it('golang:1.19-bookworm builds a static binary that runs FROM static:nonroot as 65532', async () => {
    const tag = uniqueTag('go-static');
    const dockerfile = [
      `FROM ${baseImage('golang:1.19-bookworm')} AS build`,
      'WORKDIR /src',
      'COPY go.mod main.go ./',
      'RUN --mount=type=cache,target=/root/.cache/go-build CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/app .',
      `FROM ${baseImage('static:nonroot')}`,
      'COPY --from=build /out/app /app',
      'ENTRYPOINT ["/app"]',
      '',
    ].join('\n');
    const main = [
      'package main',
      'import ("fmt"; "os"; "time"; "crypto/x509")',
      'func main() {',
      '  loc, err := time.LoadLocation("Europe/Paris"); if err != nil { panic(err) }',
      '  pool, err := x509.SystemCertPool(); if err != nil { panic(err) }',
      '  fmt.Println(os.Getuid(), loc.String(), len(pool.Subjects()) > 100)',
      '}',
      '',
    ].join('\n');
    const { image } = await build({
      dockerfile,
      context: { 'go.mod': 'module example.com/app\n\ngo 1.19\n', 'main.go': main },
      tag,
    });
    try {
      expect(await run(image)).toEqual({ stdout: '65532 Europe/Paris true\n', stderr: '', code: 0 });
      const info = await inspect(image);
      expect(info.Config.User).toBe('65532:65532');
      expect(await imageSize(image)).toBeLessThan(10 * 1024 * 1024);
    } finally {
      await removeImages(tag);
    }
  });

  it('python:3.11.2-slim-bookworm has pip and, like the official image, installs system-wide (no EXTERNALLY-MANAGED)', async () => {
    const tag = uniqueTag('python-pip');
    // What docker init's Python template runs (as root, no venv), then a local package built offline.
    const dockerfile = [
      `FROM ${baseImage('python:3.11.2-slim-bookworm')}`,
      'COPY . /src/',
      'RUN python -m pip install -r /src/requirements.txt \\',
      ' && python -m pip install --no-index --no-build-isolation /src/hello',
      '',
    ].join('\n');
    const setup = "from setuptools import setup\nsetup(name='hello', version='1.0', py_modules=['hello'])\n";
    const { image } = await build({
      dockerfile,
      tag,
      context: { 'requirements.txt': '', 'hello/setup.py': setup, 'hello/hello.py': 'print("hello from pip")\n' },
    });
    try {
      const r = await run(image, ['sh', '-c', 'pip --version && pip3 --version && python -m pip --version && python -c "import sysconfig, os; print(os.path.exists(os.path.join(sysconfig.get_path(\'stdlib\'), \'EXTERNALLY-MANAGED\')))" && python -m hello'], { user: '65532:65532' });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/^pip \d+\.\d+(\.\d+)? from \S+ \(python 3\.11\)\n(pip \d\S* from \S+ \(python 3\.11\)\n){2}False\nhello from pip\n$/);
    } finally {
      await removeImages(tag);
    }
  });

  it('debian:bookworm-slim installs from the local apt repository, and apt cleans its archives', async () => {
    const tag = uniqueTag('apt');
    const dockerfile = [
      `FROM ${baseImage('debian:bookworm-slim')}`,
      `RUN echo 'deb [trusted=yes] ${aptRepo()} ./' >/etc/apt/sources.list \\`,
      ' && apt-get update \\',
      ' && apt-get install -y --no-install-recommends tree \\',
      ' && rm -rf /var/lib/apt/lists/*',
      '',
    ].join('\n');
    const { image } = await build({ dockerfile, tag, network: 'host' });
    try {
      const r = await run(image, ['sh', '-c', 'tree --version; ls /var/cache/apt/archives /var/lib/apt/lists']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/^tree v2/);
      expect(r.stdout).not.toMatch(/\.deb/);
    } finally {
      await removeImages(tag);
    }
  });
});
