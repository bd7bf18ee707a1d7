import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { importDockerfile, type Dockerfile } from '@dockwright/core';

// Small files whose generated module is compared as text, then run: what it renders is checked.
const tmpDir = join(import.meta.dirname, '..', '.tmp', `import-cases-${process.pid}`);
mkdirSync(tmpDir, { recursive: true });
afterAll(() => rmSync(tmpDir, { recursive: true, force: true }));

let count = 0;
async function run(source: string): Promise<string> {
  const path = join(tmpDir, `case${count++}.dockerfile.ts`);
  writeFileSync(path, source);
  const module = (await import(pathToFileURL(path).href)) as { default: Dockerfile };
  return module.default.render();
}

const imported = (text: string) => {
  const result = importDockerfile(text);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result;
};

describe('importDockerfile', () => {
  it('writes builder calls, stage references and ARG handles', async () => {
    const result = imported('ARG GO=1.23\nFROM golang:${GO}-bookworm AS build\nWORKDIR /src\nCOPY go.mod go.sum ./\nRUN go build -o /out/app .\nFROM debian:12.8-slim AS app\nCOPY --from=build --chmod=755 /out/app /usr/local/bin/app\nENV MODE="fast lane" PATH=/app/bin:$PATH\nUSER 10001\nEXPOSE 8080/tcp\nCMD ["/usr/local/bin/app"]\n');
    expect(result.source).toBe(`import { arg, dockerfile, image, imageEnv, stage, tpl } from '@dockwright/core';

const go = arg('GO', { default: '1.23' });

const build = stage('build')
  .from(image(tpl\`golang:\${go}-bookworm\`))
  .workdir('/src')
  .copy(['go.mod', 'go.sum'], './')
  .run('go build -o /out/app .');

const app = stage('app')
  .from('debian:12.8-slim')
  .copy(build, '/out/app', '/usr/local/bin/app', { chmod: '755' })
  .env({ MODE: 'fast lane', PATH: tpl\`/app/bin:\${imageEnv('PATH')}\` })
  .user(10001)
  .expose(8080)
  .cmd(['/usr/local/bin/app']);

export default dockerfile(app);
`);
    expect(result.raw).toBe(0);
    expect(await run(result.source)).toBe(`ARG GO=1.23

FROM golang:$GO-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go build -o /out/app .

FROM debian:12.8-slim AS app
COPY --from=build --chmod=755 /out/app /usr/local/bin/app
ENV MODE="fast lane" \\
    PATH=/app/bin:$PATH
USER 10001
EXPOSE 8080
CMD ["/usr/local/bin/app"]
`);
  });

  it("keeps what breaks a rule as raw(line, 'imported as is'), and allows root only when the file ran as root", async () => {
    const result = imported('FROM debian:12.8-slim\nADD config.json /etc/app/\nCMD app --serve\n');
    expect(result.raw).toBe(2);
    expect(result.source).toContain(".raw('ADD config.json /etc/app/', 'imported as is')");
    expect(result.source).toContain(".raw('CMD app --serve', 'imported as is')");
    expect(result.source).toContain(".allowRoot('imported as is')");
    const text = await run(result.source);
    expect(text).toContain('# dockwright:raw imported as is\nADD config.json /etc/app/\n');
    expect(text).toContain('# dockwright:raw imported as is\nCMD app --serve\n');

    // Each raw() is a coded warning at its place, with why and how to write it instead.
    expect(result.issues.map((i) => [i.code, i.severity, i.range.start.line, i.range.start.column, i.message, i.hint])).toEqual([
      ['DW0011', 'warning', 2, 1, 'ADD config.json /etc/app/ is kept as raw(): ADD of a local file that is not an archive', 'copy it with .copy(source, dest): ADD is for archives to unpack and checked downloads'],
      ['DW0011', 'warning', 3, 1, 'CMD app --serve is kept as raw(): CMD in shell form: the builder writes exec form only', "write the command as an argv, e.g. .cmd(['node', 'server.js']); a shell is ['sh', '-c', '...']"],
    ]);
  });

  it('says which problem a refused builder call would add, with the rule\'s own hint', () => {
    const result = imported('FROM debian:12.8-slim\nUSER 1\nWORKDIR app\nCOPY --from=later a /b\nFROM debian:12.8-slim AS later\nUSER 1\n');
    expect(result.issues.map((i) => [i.code, i.range.start.line, i.message, i.hint])).toEqual([
      ['DW0011', 3, 'WORKDIR app is kept as raw(): its builder call would add DW6004: WORKDIR "app" is relative', 'write an absolute path such as /app'],
      ['DW0011', 4, 'COPY --from=later a /b is kept as raw(): --from=later names this stage or one written after it: a stage can copy only from stages before it', 'write it with a builder call, then drop the raw()'],
    ]);
    expect(result.raw).toBe(2);
  });

  it('keeps a long command on its lines in the code, and runs it as one command', async () => {
    const result = imported('FROM alpine:3.20\nRUN set -eux; \\\n\tapk add --no-cache \\\n\t\tcurl \\\n\t; \\\n\trm -rf /tmp/*\nUSER 1\n');
    expect(result.source).toContain(".run(\n    'set -eux; ' +\n    'apk add --no-cache ' +\n    'curl ' +\n    '; ' +\n    'rm -rf /tmp/*',\n  )");
    expect(await run(result.source)).toContain('RUN set -eux; apk add --no-cache curl ; rm -rf /tmp/*\n');
  });

  it('writes RUN flags with the mount helpers, whatever the order of the mount options', async () => {
    const result = imported('FROM golang:1.23 AS build\nRUN --mount=target=/root/.cache,type=cache,sharing=locked --mount=type=secret,id=npm,env=NPM_TOKEN --network=none go build ./...\nFROM debian:12.8-slim\nRUN --mount=type=bind,from=build,source=/out,target=/mnt cp /mnt/app /app\nUSER 1\n');
    expect(result.raw).toBe(0);
    expect(result.source).toContain(".run('go build ./...', { network: 'none', mounts: [cacheMount('/root/.cache', { sharing: 'locked' }), secretMount('npm', { env: 'NPM_TOKEN' })] })");
    expect(result.source).toContain(".run('cp /mnt/app /app', { mounts: [bindMount('/mnt', { source: '/out', from: build })] })");
    const text = await run(result.source);
    expect(text).toContain('RUN --mount=type=cache,target=/root/.cache,sharing=locked \\\n    --mount=type=secret,id=npm,env=NPM_TOKEN \\\n    --network=none \\\n    go build ./...\n');
    expect(text).toContain('RUN --mount=type=bind,target=/mnt,source=/out,from=build \\\n    cp /mnt/app /app\n');
  });

  it('keeps a mount the helpers cannot write as raw', () => {
    const result = imported('FROM debian:12.8-slim\nRUN --mount=type=cache,target=/c,unknown=1 make\nUSER 1\n');
    expect(result.source).toContain(".raw('RUN --mount=type=cache,target=/c,unknown=1 make', 'imported as is')");
    expect(result.issues.map((i) => [i.code, i.range.start.line, i.message])).toEqual([['DW0011', 2, 'RUN --mount=type=cache,target=/c,unknown=1 make is kept as raw(): a mount option the mount helpers do not take (unknown)']]);
  });

  it('keeps the comments as code comments, those above a FROM included', () => {
    const result = imported('# the runtime image\nFROM debian:12.8-slim\n# as nobody\nUSER 65534\n');
    expect(result.source).toContain("// the runtime image\nconst stage1 = stage('stage-1')\n  .from('debian:12.8-slim')\n  // as nobody\n  .user(65534);\n");
  });

  it('notes what neither the builder nor raw() can write, with its line', () => {
    const result = imported('FROM debian:12.8-slim\nMAINTAINER someone\nUSER 1\n');
    expect(result.skipped).toEqual([{ line: 2, text: 'MAINTAINER someone' }]);
    expect(result.source).toContain('  // not imported (line 2): MAINTAINER someone\n');
    expect(result.issues.map((i) => [i.code, i.severity, i.range.start.line, i.message, i.hint])).toEqual([
      ['DW0012', 'warning', 2, 'MAINTAINER someone is not imported: MAINTAINER is deprecated, and raw() refuses it too (DW6008: MAINTAINER is deprecated)', "say it with a label: .label({ 'org.opencontainers.image.authors': '...' })"],
    ]);
  });

  it('refuses a FROM the builder cannot write, with its place, and returns parse errors', () => {
    const latest = importDockerfile('FROM node\nUSER 1\n');
    expect(latest.ok ? [] : latest.errors.map((e) => [e.code, e.range.start.line, e.range.start.column])).toEqual([['DW1001', 1, 1]]);
    const broken = importDockerfile('FROM a:1\nFORM b\n');
    expect(broken.ok ? [] : broken.errors.map((e) => [e.code, e.range.start.line])).toEqual([['DW0004', 2]]);
    // BuildKit builds nothing without a FROM, and reads only ARG before the first one.
    const none = importDockerfile('ARG A=1\nCMD ["a"]\nCMD ["b"]\n');
    expect(none.ok ? [] : none.errors.map((e) => [e.code, e.range.start.line, e.message])).toEqual([['DW2006', 1, 'the file has no FROM, so it has no stage to import']]);
    const early = importDockerfile('ARG A=1\nLABEL a=b\nFROM debian:12.8-slim\nUSER 1\n');
    expect(early.ok ? [] : early.errors.map((e) => [e.code, e.range.start.line, e.message])).toEqual([['DW2006', 2, 'LABEL before the first FROM, which BuildKit refuses']]);
  });
});
