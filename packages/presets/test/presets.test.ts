import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { image, isDockwrightError, oci, stage } from '@dockwright/core';
import { detectGo, detectNode, goPreset, nodePreset, staticPreset, type NodeProject } from '@dockwright/presets';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const at = (name: string) => join(fixtures, name);
const digest = `sha256:${'1'.repeat(64)}`;
const node = image('registry.example.com/node:20-bookworm-slim').pinDigest(digest);

describe('nodePreset', () => {
  it('npm with a build: manifests first, cached installs, production deps only, non-root', () => {
    const { dockerfile, context } = nodePreset(detectNode(at('npm-app')), { images: { node }, healthcheck: { path: '/health' } });
    expect(context).toBe('.');
    expect(dockerfile.render()).toMatchInlineSnapshot(`
      "FROM registry.example.com/node:20-bookworm-slim@sha256:1111111111111111111111111111111111111111111111111111111111111111 AS deps
      WORKDIR /app
      COPY package.json package-lock.json ./
      RUN --mount=type=cache,target=/root/.npm,sharing=locked \\
          --mount=type=secret,id=npmrc,target=/root/.npmrc \\
          npm ci

      FROM deps AS build
      COPY . ./
      RUN npm run build

      FROM registry.example.com/node:20-bookworm-slim@sha256:1111111111111111111111111111111111111111111111111111111111111111 AS prod-deps
      WORKDIR /app
      COPY package.json package-lock.json ./
      RUN --mount=type=cache,target=/root/.npm,sharing=locked \\
          --mount=type=secret,id=npmrc,target=/root/.npmrc \\
          npm ci --omit=dev

      FROM registry.example.com/node:20-bookworm-slim@sha256:1111111111111111111111111111111111111111111111111111111111111111 AS runtime
      ENV NODE_ENV=production
      WORKDIR /app
      COPY --from=prod-deps /app/node_modules ./node_modules
      COPY package.json ./
      COPY --from=build /app/dist ./dist
      USER 1000:1000
      EXPOSE 3000
      HEALTHCHECK --interval=30s --timeout=5s --start-period=5s --retries=3 CMD ["node", "-e", "fetch(\\"http://127.0.0.1:3000/health\\").then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
      CMD ["node", "dist/server.js"]
      "
    `);
  });

  it('pnpm without a build, installed with npm at the exact version', () => {
    expect(nodePreset(detectNode(at('pnpm-app')), { images: { node } }).dockerfile.render()).toMatchInlineSnapshot(`
      "FROM registry.example.com/node:20-bookworm-slim@sha256:1111111111111111111111111111111111111111111111111111111111111111 AS base
      WORKDIR /app
      RUN --mount=type=cache,target=/root/.npm,sharing=locked \\
          npm install -g pnpm@10.34.8

      FROM base AS prod-deps
      COPY package.json pnpm-lock.yaml ./
      RUN --mount=type=cache,target=/root/.local/share/pnpm/store,sharing=locked \\
          --mount=type=secret,id=npmrc,target=/root/.npmrc \\
          pnpm install --frozen-lockfile --prod

      FROM registry.example.com/node:20-bookworm-slim@sha256:1111111111111111111111111111111111111111111111111111111111111111 AS runtime
      ENV NODE_ENV=production
      WORKDIR /app
      COPY --from=prod-deps /app/node_modules ./node_modules
      COPY . ./
      USER 1000:1000
      EXPOSE 3000
      CMD ["node", "server.js"]
      "
    `);
  });

  it('yarn classic with tini, writable directories and labels', () => {
    const result = nodePreset(detectNode(at('yarn-app')), {
      images: { node },
      init: 'tini',
      writable: ['data'],
      labels: oci({ source: 'https://github.com/acme/yarn-app' }) as Record<string, string>,
      packageManagerSetup: 'preinstalled',
    });
    expect(result.dockerfile.render()).toMatchInlineSnapshot(`
      "FROM registry.example.com/node:20-bookworm-slim@sha256:1111111111111111111111111111111111111111111111111111111111111111 AS deps
      WORKDIR /app
      COPY package.json yarn.lock ./
      RUN --mount=type=cache,target=/usr/local/share/.cache/yarn,sharing=locked \\
          --mount=type=secret,id=npmrc,target=/root/.npmrc \\
          yarn install --frozen-lockfile --non-interactive

      FROM deps AS build
      COPY . ./
      RUN yarn run build

      FROM registry.example.com/node:20-bookworm-slim@sha256:1111111111111111111111111111111111111111111111111111111111111111 AS prod-deps
      WORKDIR /app
      COPY package.json yarn.lock ./
      RUN --mount=type=cache,target=/usr/local/share/.cache/yarn,sharing=locked \\
          --mount=type=secret,id=npmrc,target=/root/.npmrc \\
          yarn install --frozen-lockfile --non-interactive --production

      FROM registry.example.com/node:20-bookworm-slim@sha256:1111111111111111111111111111111111111111111111111111111111111111 AS runtime
      ENV NODE_ENV=production
      WORKDIR /app
      RUN apt-get update \\
          && apt-get install -y --no-install-recommends \\
              tini \\
          && rm -rf /var/lib/apt/lists/*
      RUN mkdir -p /app/data \\
          && chown 1000:1000 /app/data
      COPY --from=prod-deps /app/node_modules ./node_modules
      COPY package.json ./
      COPY --from=build /app/dist ./dist
      LABEL org.opencontainers.image.source=https://github.com/acme/yarn-app
      USER 1000:1000
      EXPOSE 3000
      ENTRYPOINT ["/usr/bin/tini", "--"]
      CMD ["node", "index.js"]
      "
    `);
  });

  it('a pnpm workspace service builds from the root with only the manifests it needs', () => {
    const result = nodePreset(detectNode(at('mono/services/api')), { images: { node }, packageManagerSetup: 'preinstalled' });
    expect(result.context).toBe('../..');
    const text = result.dockerfile.render();
    expect(text).not.toContain('services/worker');
    expect(text).toMatchInlineSnapshot(`
      "FROM registry.example.com/node:20-bookworm-slim@sha256:1111111111111111111111111111111111111111111111111111111111111111 AS deps
      WORKDIR /app
      COPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./
      COPY services/api/package.json ./services/api/package.json
      COPY packages/shared/package.json ./packages/shared/package.json
      RUN --mount=type=cache,target=/root/.local/share/pnpm/store,sharing=locked \\
          --mount=type=secret,id=npmrc,target=/root/.npmrc \\
          pnpm install --frozen-lockfile --filter=@mono/api...

      FROM deps AS build
      COPY tsconfig.base.json ./
      COPY services/api/ ./services/api/
      COPY packages/shared/ ./packages/shared/
      RUN pnpm --filter=@mono/api... run build
      RUN --mount=type=cache,target=/root/.local/share/pnpm/store,sharing=locked \\
          --mount=type=secret,id=npmrc,target=/root/.npmrc \\
          pnpm --filter=@mono/api deploy --prod --legacy /out

      FROM registry.example.com/node:20-bookworm-slim@sha256:1111111111111111111111111111111111111111111111111111111111111111 AS runtime
      ENV NODE_ENV=production
      WORKDIR /app
      COPY --from=build /out/ ./
      USER 1000:1000
      EXPOSE 3000
      CMD ["node", "dist/server.js"]
      "
    `);
  });

  it('an npm workspace service: only the manifests it needs, its packages built in dependency order, the workspace layout kept', () => {
    const result = nodePreset(detectNode(at('npm-mono/services/api')), { images: { node }, writable: ['tmp'] });
    expect(result.context).toBe('../..');
    const text = result.dockerfile.render();
    expect(text).not.toContain('services/web');
    expect(text).toMatchInlineSnapshot(`
      "FROM registry.example.com/node:20-bookworm-slim@sha256:1111111111111111111111111111111111111111111111111111111111111111 AS deps
      WORKDIR /app
      COPY package.json package-lock.json ./
      COPY packages/db/package.json ./packages/db/package.json
      COPY packages/ui/package.json ./packages/ui/package.json
      COPY services/api/package.json ./services/api/package.json
      RUN --mount=type=cache,target=/root/.npm,sharing=locked \\
          --mount=type=secret,id=npmrc,target=/root/.npmrc \\
          npm ci

      FROM registry.example.com/node:20-bookworm-slim@sha256:1111111111111111111111111111111111111111111111111111111111111111 AS prod-deps
      WORKDIR /app
      COPY package.json package-lock.json ./
      COPY packages/db/package.json ./packages/db/package.json
      COPY packages/ui/package.json ./packages/ui/package.json
      COPY services/api/package.json ./services/api/package.json
      RUN --mount=type=cache,target=/root/.npm,sharing=locked \\
          --mount=type=secret,id=npmrc,target=/root/.npmrc \\
          npm ci --omit=dev

      FROM deps AS build
      COPY tsconfig.base.json ./
      COPY packages/db/ ./packages/db/
      COPY packages/ui/ ./packages/ui/
      COPY services/api/ ./services/api/
      RUN npm run build --workspace=packages/db \\
          && npm run build --workspace=services/api

      FROM registry.example.com/node:20-bookworm-slim@sha256:1111111111111111111111111111111111111111111111111111111111111111 AS runtime
      ENV NODE_ENV=production
      WORKDIR /app/services/api
      RUN mkdir -p /app/services/api/tmp \\
          && chown 1000:1000 /app/services/api/tmp
      COPY --from=prod-deps /app/ /app/
      COPY --from=build /app/packages/db/dist /app/packages/db/dist
      COPY packages/ui/ /app/packages/ui/
      COPY --from=build /app/services/api/dist /app/services/api/dist
      USER 1000:1000
      EXPOSE 3000
      CMD ["node", "dist/server.js"]
      "
    `);
  });

  it('yarn classic and yarn berry workspaces: their own install and per-package run commands', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dockwright-yarn-ws-'));
    try {
      cpSync(at('npm-mono'), dir, { recursive: true });
      rmSync(join(dir, 'package-lock.json'));
      writeFileSync(join(dir, 'yarn.lock'), '# yarn lockfile v1\n');
      const classic = nodePreset(detectNode(join(dir, 'services/api')), { images: { node }, packageManagerSetup: 'preinstalled' }).dockerfile.render();
      expect(classic).toContain('COPY package.json yarn.lock ./\n');
      expect(classic).toContain('    yarn install --frozen-lockfile --non-interactive\n');
      expect(classic).toContain('    yarn install --frozen-lockfile --non-interactive --production\n');
      expect(classic).toContain('RUN yarn workspace @shop/db run build \\\n    && yarn workspace @shop/api run build\n');

      writeFileSync(join(dir, '.yarnrc.yml'), 'nodeLinker: node-modules\n');
      const project = detectNode(join(dir, 'services/api'));
      expect(project.packageManager).toBe('yarn-berry');
      const berry = nodePreset(project, { images: { node }, packageManagerSetup: 'preinstalled', packageManagerCommand: 'yarn-berry' }).dockerfile.render();
      expect(berry).toContain('COPY package.json yarn.lock .yarnrc.yml ./\n');
      // `install --immutable` would refuse a lockfile that names the services left out.
      expect(berry).toContain('    yarn-berry workspaces focus --all\n');
      expect(berry).toContain('    yarn-berry workspaces focus --all --production\n');
      expect(berry).not.toContain('--immutable');
      expect(berry).toContain('RUN yarn-berry workspace @shop/db run build \\\n    && yarn-berry workspace @shop/api run build\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a workspace service without a build copies every package as it is, its dependencies first', () => {
    const text = nodePreset(detectNode(at('npm-mono/services/web')), { images: { node } }).dockerfile.render();
    expect(text).not.toContain('AS build');
    expect(text).not.toContain('packages/db');
    expect(text.slice(text.indexOf('AS runtime'))).toContain(
      'WORKDIR /app/services/web\nCOPY --from=prod-deps /app/ /app/\nCOPY packages/ui/ /app/packages/ui/\nCOPY services/web/ /app/services/web/\n',
    );
    // build: false builds nothing, not even packages with a build script.
    const unbuilt = nodePreset(detectNode(at('npm-mono/services/api')), { images: { node }, build: false }).dockerfile.render();
    expect(unbuilt).not.toContain('npm run');
    expect(unbuilt).toContain('COPY packages/db/ /app/packages/db/\n');
  });

  it('orders the builds of a hand-made workspace by its dependencies, cycles included', () => {
    const project: NodeProject = {
      name: 'api',
      packageManager: 'npm',
      lockfile: 'package-lock.json',
      hasBuildScript: true,
      start: ['node', 'dist/main.js'],
      workspace: {
        dir: 'apps/api',
        root: '../..',
        packages: [
          { name: 'api', dir: 'apps/api', dependsOn: ['b', 'a'], scripts: ['build'] },
          { name: 'a', dir: 'libs/a', dependsOn: ['c'], scripts: ['build'] },
          { name: 'b', dir: 'libs/b', dependsOn: ['a', 'c'], scripts: ['build'] },
          { name: 'c', dir: 'libs/c', dependsOn: ['b'], scripts: ['build'] },
        ],
      },
    };
    const text = nodePreset(project, { images: { node } }).dockerfile.render();
    const run = /RUN (npm run build[^]*?)\n\n/.exec(text)?.[1] ?? '';
    // b needs a and c, a needs c, c needs b (a cycle, broken where it closes); api last.
    expect(run.split(/\s*\\\n\s*&& /)).toEqual([
      'npm run build --workspace=libs/c',
      'npm run build --workspace=libs/a',
      'npm run build --workspace=libs/b',
      'npm run build --workspace=apps/api',
    ]);
  });

  it('refuses what it cannot build in a workspace: bun, no lockfile, names a shell would read', () => {
    const base: NodeProject = {
      name: 'api',
      packageManager: 'npm',
      lockfile: 'package-lock.json',
      hasBuildScript: false,
      start: ['node', 'server.js'],
      workspace: { dir: 'apps/api', root: '../..', packages: [{ name: 'api', dir: 'apps/api', dependsOn: [] }] },
    };
    const codeOf = (p: NodeProject) => {
      try {
        nodePreset(p, { images: { node } });
        return 'built';
      } catch (error) {
        return isDockwrightError(error) ? `${error.code}: ${error.issues[0]?.message}` : String(error);
      }
    };
    expect(codeOf(base)).toBe('built');
    expect(codeOf({ ...base, packageManager: 'bun', lockfile: 'bun.lock' })).toBe('DW9003: bun workspaces are not supported by the preset yet');
    const { lockfile: _, ...noLock } = base;
    expect(codeOf(noLock)).toBe('DW9003: no lockfile at the root of the workspace of api');
    expect(codeOf({ ...base, workspace: { ...base.workspace!, packages: [{ name: 'api; rm -rf /', dir: 'apps/api', dependsOn: [] }] } })).toMatch(
      /^DW9003: workspace package "api; rm -rf \/" at "apps\/api" has a name or directory/,
    );
    expect(codeOf({ ...base, workspace: { ...base.workspace!, packages: [{ name: 'api', dir: '../api', dependsOn: [] }] } })).toMatch(/^DW9003: workspace package/);
  });

  it('runs the package manager under the name the image gives it', () => {
    const text = nodePreset(detectNode(at('berry-app')), { images: { node }, packageManagerSetup: 'preinstalled', packageManagerCommand: 'yarn-berry', build: 'build' }).dockerfile.render();
    expect(text).toContain('    yarn-berry install --immutable\n');
    expect(text).toContain('RUN yarn-berry run build\n');
    expect(text).toContain('    yarn-berry workspaces focus --all --production\n');
    expect(text).not.toMatch(/\byarn (install|run|workspaces)/);
    const mono = nodePreset(detectNode(at('mono/services/api')), { images: { node }, packageManagerSetup: 'preinstalled', packageManagerCommand: '/opt/pnpm/bin/pnpm' }).dockerfile.render();
    expect(mono).toContain('/opt/pnpm/bin/pnpm --filter=@mono/api deploy --prod --legacy /out');
    expect(() => nodePreset(detectNode(at('berry-app')), { images: { node }, packageManagerCommand: 'yarn; rm -rf /' })).toThrow(/not a plain command name/);
  });

  it('enables yarn 2+ through corepack, and installs nothing for it with npm', () => {
    const corepack = nodePreset(detectNode(at('berry-app')), { images: { node }, packageManagerSetup: 'corepack' }).dockerfile.render();
    expect(corepack).toContain('RUN corepack enable yarn\n');
    const npm = nodePreset(detectNode(at('berry-app')), { images: { node } }).dockerfile.render();
    expect(npm).not.toContain('npm install -g');
  });

  it('distroless runtime: numeric 65532 and node as the image entrypoint', () => {
    const runtime = image('gcr.io/distroless/nodejs20-debian12:nonroot').pinDigest(digest);
    const text = nodePreset(detectNode(at('npm-app')), { images: { node, runtime }, runtime: 'distroless' }).dockerfile.render();
    expect(text).toContain('USER 65532:65532');
    expect(text).toContain('CMD ["dist/server.js"]');
  });

  it('lets an organisation add its own steps to the runtime', () => {
    const text = nodePreset(detectNode(at('npm-app')), { images: { node }, runtimeSteps: (s) => s.label({ 'com.acme.team': 'shop' }) }).dockerfile.render();
    expect(text).toContain('LABEL com.acme.team=shop');
  });

  it('writes a .dockerignore that keeps node_modules, secrets and VCS data out', () => {
    const { dockerignore } = nodePreset(detectNode(at('npm-app')), { images: { node } });
    expect(dockerignore.patterns).toEqual(expect.arrayContaining(['.git', '.env', '**/node_modules', '.npmrc']));
    expect(dockerignore.render().endsWith('\n')).toBe(true);
  });
});

describe('goPreset', () => {
  const golang = image('registry.example.com/golang:1.22.12-bookworm').pinDigest(digest);
  it('cross-compiles one command of a module with two into scratch', () => {
    const { dockerfile } = goPreset(detectGo(at('go-mod')), { images: { golang }, command: 'api', tzdata: true, port: 8080 });
    expect(dockerfile.render()).toMatchInlineSnapshot(`
      "FROM --platform=$BUILDPLATFORM registry.example.com/golang:1.22.12-bookworm@sha256:1111111111111111111111111111111111111111111111111111111111111111 AS build
      WORKDIR /src
      RUN --mount=type=cache,target=/go/pkg/mod,sharing=locked \\
          --mount=type=bind,target=go.mod,source=go.mod \\
          --mount=type=bind,target=go.sum,source=go.sum \\
          go mod download
      ARG TARGETOS
      ARG TARGETARCH
      RUN --mount=type=bind,target=.,source=. \\
          --mount=type=cache,target=/go/pkg/mod,sharing=locked \\
          --mount=type=cache,target=/root/.cache/go-build \\
          CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH go build -trimpath -ldflags="-s -w" -o /out/api ./cmd/api

      FROM --platform=$BUILDPLATFORM registry.example.com/golang:1.22.12-bookworm@sha256:1111111111111111111111111111111111111111111111111111111111111111 AS files

      FROM scratch AS runtime
      COPY --from=files /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
      COPY --from=files /usr/share/zoneinfo /usr/share/zoneinfo
      COPY --from=build /out/api /api
      USER 65532:65532
      EXPOSE 8080
      ENTRYPOINT ["/api"]
      "
    `);
  });
  it('asks which command when there are several', () => {
    expect(() => goPreset(detectGo(at('go-mod')))).toThrowErrorMatchingInlineSnapshot(`
      [DockwrightError: 1 problem
        ✖ DW9003 example.com/shop has 2 main packages (goPreset())
          → pass command: one of './cmd/api', './cmd/worker']
    `);
  });
  it('builds the module root and skips go.sum when there is none', () => {
    const text = goPreset(detectGo(at('go-single')), { images: { golang } }).dockerfile.render();
    expect(text).not.toContain('go.sum');
    expect(text).toContain('-o /out/tool .');
  });
});

describe('staticPreset', () => {
  it('puts a binary from the context into scratch with passwd, group and CA certificates', () => {
    const { dockerfile } = staticPreset({ binary: 'bin/server', images: { rootfs: image('registry.example.com/debian:bookworm-slim').pinDigest(digest) }, port: 8080 });
    expect(dockerfile.render()).toMatchInlineSnapshot(`
      "FROM registry.example.com/debian:bookworm-slim@sha256:1111111111111111111111111111111111111111111111111111111111111111 AS rootfs
      RUN mkdir -p /rootfs/etc /rootfs/tmp \\
          && chmod 1777 /rootfs/tmp \\
          && printf 'root:x:0:0:root:/root:/sbin/nologin\\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\\n' > /rootfs/etc/passwd \\
          && printf 'root:x:0:\\nnonroot:x:65532:\\n' > /rootfs/etc/group
      RUN mkdir -p /rootfs/etc/ssl/certs \\
          && cp /etc/ssl/certs/ca-certificates.crt /rootfs/etc/ssl/certs/

      FROM scratch AS runtime
      COPY --from=rootfs /rootfs/ /
      COPY --chmod=755 bin/server /server
      USER 65532:65532
      EXPOSE 8080
      ENTRYPOINT ["/server"]
      "
    `);
  });
  it('takes the binary from a build stage', () => {
    const build = stage('build').from(image('registry.example.com/debian:bookworm-slim')).run('cc -static -o /out/hello hello.c');
    const text = staticPreset({ binary: { from: build, path: '/out/hello' }, images: { rootfs: image('registry.example.com/debian:bookworm-slim') } }).dockerfile.render();
    expect(text).toContain('COPY --from=build /out/hello /hello');
  });
});
