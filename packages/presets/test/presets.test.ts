import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { image, oci, stage } from '@dockwright/core';
import { detectGo, detectNode, goPreset, nodePreset, staticPreset } from '@dockwright/presets';

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
  const golang = image('registry.example.com/golang:1.22-bookworm').pinDigest(digest);
  it('cross-compiles one command of a module with two into scratch', () => {
    const { dockerfile } = goPreset(detectGo(at('go-mod')), { images: { golang }, command: 'api', tzdata: true, port: 8080 });
    expect(dockerfile.render()).toMatchInlineSnapshot(`
      "FROM --platform=$BUILDPLATFORM registry.example.com/golang:1.22-bookworm@sha256:1111111111111111111111111111111111111111111111111111111111111111 AS build
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

      FROM --platform=$BUILDPLATFORM registry.example.com/golang:1.22-bookworm@sha256:1111111111111111111111111111111111111111111111111111111111111111 AS files

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
