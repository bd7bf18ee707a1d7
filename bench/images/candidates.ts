/**
 * The Dockerfiles `pnpm bench:images` compares, each as its tool or template writes it, and how
 * each is pointed at the local base images (the builds cannot pull from Docker Hub).
 *
 * - ours: `nodePreset(detectNode(dir))` / `goPreset(detectGo(dir))`, rendered.
 * - fly: `@flydotio/dockerfile` (the `dockerfile` CLI, a root dev dependency) run for real in a
 *   copy of the fixture, with no options, as `npx @flydotio/dockerfile` would be.
 * - docker init: a file written the way `docker init` writes one for Node (npm, with a build
 *   script) and for Go, in our own words (see docs/benchmarks.md for the documents followed).
 * - Turborepo: for a service of an npm workspace, a file in the shape of Turborepo's Docker
 *   example (`turbo prune <service> --docker`), in our own words.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { image } from '@dockwright/core';
import { detectGo, detectJava, detectNode, detectPython, detectRust, goPreset, javaPreset, nodePreset, pythonPreset, rustPreset } from '@dockwright/presets';

/** One Dockerfile to measure: as written (for the checks) and as built (local base images). */
export interface Candidate {
  readonly name: string;
  /** The text its tool or template wrote. */
  readonly written: string;
  /** The text built here: base images rewritten to the local registry, no `# syntax=` line. */
  readonly built: string;
  /** The .dockerignore its tool writes (undefined: keep the fixture's). */
  readonly dockerignore?: string;
}

/** Local equivalents of the public base images (pinned references from base-images.json). */
export interface LocalImages {
  readonly node: string;
  readonly golang: string;
  readonly debian: string;
  /** Debian 12's python3 (3.11.2) and rustc (1.63.0), for the Python and Rust rows. */
  readonly python?: string;
  readonly rust?: string;
}

function local(images: LocalImages, name: 'python' | 'rust'): string {
  const ref = images[name];
  if (ref === undefined) throw new Error(`no local ${name} image`);
  return ref;
}

/** Replaces `from` in `text`, failing loudly when a tool changed its output and it is not there. */
function swap(text: string, from: string | RegExp, to: string): string {
  const found = typeof from === 'string' ? text.includes(from) : from.test(text);
  if (!found) throw new Error(`expected ${String(from)} in the Dockerfile:\n${text}`);
  return text.replace(from, to);
}

/** BuildKit's built-in frontend builds these files; a `# syntax=` line would make it pull one. */
function withoutSyntaxLine(text: string): string {
  return text.replace(/^#\s*syntax\s*=.*\n/i, '');
}

/** Our Node preset, for the app in `dir`. */
export function oursNode(dir: string, images: LocalImages): Candidate {
  const project = detectNode(dir);
  const written = nodePreset(project).dockerfile.render();
  const result = nodePreset(project, { images: { node: image(images.node) }, packageManagerSetup: 'preinstalled' });
  return { name: 'Dockwright nodePreset', written, built: result.dockerfile.render(), dockerignore: result.dockerignore.render() };
}

/**
 * Our Node preset with the build through the package manager (`npm run build`), as it was before a
 * build script of exactly `tsc` ran the compiler directly: `--with-npm-run` measures the two side by side.
 */
export function oursNodeThroughNpm(dir: string, images: LocalImages): Candidate {
  const { tscBuild: _, ...project } = detectNode(dir);
  const written = nodePreset(project).dockerfile.render();
  const result = nodePreset(project, { images: { node: image(images.node) }, packageManagerSetup: 'preinstalled' });
  if (!result.dockerfile.render().includes('\nRUN npm run build\n')) throw new Error('expected RUN npm run build');
  return { name: 'Dockwright nodePreset (npm run build)', written, built: result.dockerfile.render(), dockerignore: result.dockerignore.render() };
}

/** Our Node preset for the service at `service` (`services/api`) of the workspace in `dir`; it builds from `dir`. */
export function oursNodeWorkspace(dir: string, images: LocalImages, service: string): Candidate {
  const project = detectNode(join(dir, service));
  const written = nodePreset(project).dockerfile.render();
  const result = nodePreset(project, { images: { node: image(images.node) }, packageManagerSetup: 'preinstalled' });
  if (result.context !== service.split('/').map(() => '..').join('/')) throw new Error(`expected the workspace root as the context, got ${result.context}`);
  return { name: 'Dockwright nodePreset', written, built: result.dockerfile.render(), dockerignore: result.dockerignore.render() };
}

/**
 * Turborepo's Docker example for a service of a workspace, for npm: `turbo prune <name> --docker`
 * in a first stage on a copy of the whole repository, `npm ci` on the pruned manifests and
 * lockfile (`out/json`), the pruned sources (`out/full`) and `turbo build --filter=<name>...`,
 * then the whole `/app` of that stage in a runner that adds a system user (uid 1001). The example
 * installs with the repository's package manager and keeps shared configuration in workspace
 * packages; this fixture's root `tsconfig.base.json` is not in `out/full`, so one `COPY` brings it
 * (the one line added). Alpine is replaced by the local Debian slim Node image: the `apk` lines
 * (`libc6-compat`, which Debian's glibc does not need) go, and BusyBox's addgroup/adduser become
 * Debian's groupadd/useradd with the same ids.
 */
export function turborepoNode(images: LocalImages, opts: { name: string; turboVersion: string; start: string }): Candidate {
  const apk = ['RUN apk update', 'RUN apk add --no-cache libc6-compat'];
  const user = ['RUN addgroup --system --gid 1001 nodejs', 'RUN adduser --system --uid 1001 app'];
  const written = [
    'FROM node:20-alpine AS base',
    '',
    'FROM base AS builder',
    ...apk,
    'WORKDIR /app',
    `RUN npm install -g turbo@${opts.turboVersion}`,
    'COPY . .',
    `RUN turbo prune ${opts.name} --docker`,
    '',
    'FROM base AS installer',
    ...apk,
    'WORKDIR /app',
    'COPY --from=builder /app/out/json/ .',
    'RUN npm ci',
    'COPY --from=builder /app/out/full/ .',
    'COPY tsconfig.base.json ./',
    `RUN npx turbo build --filter=${opts.name}...`,
    '',
    'FROM base AS runner',
    'WORKDIR /app',
    ...user,
    'USER app',
    'COPY --from=installer /app .',
    '',
    `CMD ${opts.start}`,
    '',
  ].join('\n');
  let built = swap(written, 'FROM node:20-alpine AS base', `FROM ${images.node} AS base`);
  built = built.split(`${apk.join('\n')}\n`).join('');
  if (built.includes('apk')) throw new Error(`apk lines left in:\n${built}`);
  built = swap(built, user.join('\n'), ['RUN groupadd --system --gid 1001 nodejs', 'RUN useradd --system --uid 1001 --gid nodejs app'].join('\n'));
  return { name: 'Turborepo (turbo prune)', written, built };
}

/** Runs the `@flydotio/dockerfile` CLI in `dir` (a copy of the fixture): it writes Dockerfile and .dockerignore there. */
export function flyNode(dir: string, images: LocalImages): Candidate {
  const cli = join(createRequire(import.meta.url).resolve('@flydotio/dockerfile/package.json'), '..', 'index.js');
  const r = spawnSync(process.execPath, [cli, '--force'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`@flydotio/dockerfile failed (${r.status}): ${r.stderr || r.stdout}`);
  const written = readFileSync(join(dir, 'Dockerfile'), 'utf8');
  const built = swap(withoutSyntaxLine(written), /^FROM node:\$\{NODE_VERSION\}-slim\b/m, `FROM ${images.node}`);
  return { name: '@flydotio/dockerfile', written, built, dockerignore: readFileSync(join(dir, '.dockerignore'), 'utf8') };
}

/**
 * `docker init`'s Node template for an npm app with a build script: production dependencies in
 * one stage, all of them plus the build in the next (package.json and the lockfile bind-mounted,
 * npm's cache mounted), and a final stage from the same base with `USER node`.
 */
export function dockerInitNode(images: LocalImages, opts: { nodeVersion: string; start: string; port: number }): Candidate {
  const install = (args: string) =>
    [
      'RUN --mount=type=bind,source=package.json,target=package.json \\',
      '    --mount=type=bind,source=package-lock.json,target=package-lock.json \\',
      '    --mount=type=cache,target=/root/.npm \\',
      `    npm ci${args}`,
    ].join('\n');
  const written = [
    '# syntax=docker/dockerfile:1',
    '',
    `ARG NODE_VERSION=${opts.nodeVersion}`,
    '',
    'FROM node:${NODE_VERSION}-alpine as base',
    'WORKDIR /usr/src/app',
    '',
    'FROM base as deps',
    install(' --omit=dev'),
    '',
    'FROM deps as build',
    install(''),
    'COPY . .',
    'RUN npm run build',
    '',
    'FROM base as final',
    'ENV NODE_ENV production',
    'USER node',
    'COPY package.json .',
    'COPY --from=deps /usr/src/app/node_modules ./node_modules',
    'COPY --from=build /usr/src/app/dist ./dist',
    `EXPOSE ${opts.port}`,
    `CMD ${opts.start}`,
    '',
  ].join('\n');
  const built = swap(withoutSyntaxLine(written), 'FROM node:${NODE_VERSION}-alpine as base', `FROM ${images.node} as base`);
  // docker init's own .dockerignore for Node leaves out, among editor and CI files, these:
  const dockerignore = ['**/.git', '**/.env', '**/node_modules', '**/npm-debug.log', '**/Dockerfile*', '**/compose.y*ml', '**/build', '**/dist', 'README.md', ''].join('\n');
  return { name: 'docker init (Node template)', written, built, dockerignore };
}

/** Our Go preset for one command of the module in `dir`, with the time zone database like docker init's. */
export function oursGo(dir: string, images: LocalImages, command: string): Candidate {
  const project = detectGo(dir);
  const written = goPreset(project, { command, tzdata: true }).dockerfile.render();
  const result = goPreset(project, { command, tzdata: true, images: { golang: image(images.golang) } });
  return { name: 'Dockwright goPreset', written, built: result.dockerfile.render(), dockerignore: result.dockerignore.render() };
}

/**
 * `docker init`'s Go template: modules downloaded with go.mod and go.sum bind-mounted and a module
 * cache, `TARGETARCH` after that, a static build of the chosen package, then Alpine with CA
 * certificates and tzdata and an unprivileged `appuser` (uid 10001). Here Alpine is replaced by
 * the local Debian slim image, `apk add` by `apt-get install` (from the machine's Debian mirror)
 * and BusyBox's adduser by Debian's, which takes the same options.
 */
export function dockerInitGo(images: LocalImages, opts: { goVersion: string; pkg: string; port: number }): Candidate {
  const apk = ['RUN --mount=type=cache,target=/var/cache/apk \\', '    apk --update add \\', '        ca-certificates \\', '        tzdata \\', '        && \\', '        update-ca-certificates'].join('\n');
  const written = [
    '# syntax=docker/dockerfile:1',
    '',
    `ARG GO_VERSION=${opts.goVersion}`,
    'FROM --platform=$BUILDPLATFORM golang:${GO_VERSION} AS build',
    'WORKDIR /src',
    '',
    'RUN --mount=type=cache,target=/go/pkg/mod/ \\',
    '    --mount=type=bind,source=go.sum,target=go.sum \\',
    '    --mount=type=bind,source=go.mod,target=go.mod \\',
    '    go mod download -x',
    '',
    'ARG TARGETARCH',
    '',
    'RUN --mount=type=cache,target=/go/pkg/mod/ \\',
    '    --mount=type=bind,target=. \\',
    `    CGO_ENABLED=0 GOARCH=$TARGETARCH go build -o /bin/server ${opts.pkg}`,
    '',
    'FROM alpine:latest AS final',
    '',
    apk,
    '',
    'ARG UID=10001',
    'RUN adduser \\',
    '    --disabled-password \\',
    '    --gecos "" \\',
    '    --home "/nonexistent" \\',
    '    --shell "/sbin/nologin" \\',
    '    --no-create-home \\',
    '    --uid "${UID}" \\',
    '    appuser',
    'USER appuser',
    '',
    'COPY --from=build /bin/server /bin/',
    '',
    `EXPOSE ${opts.port}`,
    '',
    'ENTRYPOINT [ "/bin/server" ]',
    '',
  ].join('\n');
  let built = withoutSyntaxLine(written);
  built = swap(built, 'FROM --platform=$BUILDPLATFORM golang:${GO_VERSION} AS build', `FROM --platform=$BUILDPLATFORM ${images.golang} AS build`);
  built = swap(built, 'FROM alpine:latest AS final', `FROM ${images.debian} AS final`);
  built = swap(
    built,
    apk,
    [
      'RUN apt-get update \\',
      '    && apt-get install -y --no-install-recommends ca-certificates tzdata adduser \\',
      '    && rm -rf /var/lib/apt/lists/* \\',
      '    && update-ca-certificates',
    ].join('\n'),
  );
  const dockerignore = ['**/.git', '**/.env', '**/bin', '**/Dockerfile*', '**/compose.y*ml', 'README.md', ''].join('\n');
  return { name: 'docker init (Go template)', written, built, dockerignore };
}

/** BusyBox's and Debian's `adduser` as docker init writes it; the local images have no adduser package, so `useradd` with the same ids. */
const ADDUSER = ['RUN adduser \\', '    --disabled-password \\', '    --gecos "" \\', '    --home "/nonexistent" \\', '    --shell "/sbin/nologin" \\', '    --no-create-home \\', '    --uid "${UID}" \\', '    appuser'].join('\n');
const USERADD = 'RUN useradd --no-create-home --home-dir /nonexistent --shell /sbin/nologin --uid "${UID}" appuser';

/** Our Python preset, for the app in `dir`. */
export function oursPython(dir: string, images: LocalImages, port: number): Candidate {
  const project = detectPython(dir);
  const written = pythonPreset(project, { port }).dockerfile.render();
  const result = pythonPreset(project, { port, images: { python: image(local(images, 'python')) } });
  return { name: 'Dockwright pythonPreset', written, built: result.dockerfile.render(), dockerignore: result.dockerignore.render() };
}

/**
 * `docker init`'s Python template, in our words: one stage on `python:<version>-slim`, an
 * unprivileged `appuser` (uid 10001), the requirements installed with requirements.txt
 * bind-mounted and pip's cache in a cache mount, then the sources, and a shell-form CMD.
 */
export function dockerInitPython(images: LocalImages, opts: { pythonVersion: string; start: string; port: number }): Candidate {
  const written = [
    '# syntax=docker/dockerfile:1',
    '',
    `ARG PYTHON_VERSION=${opts.pythonVersion}`,
    'FROM python:${PYTHON_VERSION}-slim AS base',
    '',
    'ENV PYTHONDONTWRITEBYTECODE=1',
    'ENV PYTHONUNBUFFERED=1',
    '',
    'WORKDIR /app',
    '',
    'ARG UID=10001',
    ADDUSER,
    '',
    'RUN --mount=type=cache,target=/root/.cache/pip \\',
    '    --mount=type=bind,source=requirements.txt,target=requirements.txt \\',
    '    python -m pip install -r requirements.txt',
    '',
    'USER appuser',
    '',
    'COPY . .',
    '',
    `EXPOSE ${opts.port}`,
    '',
    `CMD ${opts.start}`,
    '',
  ].join('\n');
  let built = withoutSyntaxLine(written);
  built = swap(built, 'FROM python:${PYTHON_VERSION}-slim AS base', `FROM ${local(images, 'python')} AS base`);
  built = swap(built, ADDUSER, USERADD);
  const dockerignore = ['**/.DS_Store', '**/__pycache__', '**/.venv', '**/.git', '**/.env', '**/Dockerfile*', '**/compose.y*ml', 'README.md', ''].join('\n');
  return { name: 'docker init (Python template)', written, built, dockerignore };
}

/** Our Rust preset, for the crate in `dir`. */
export function oursRust(dir: string, images: LocalImages, port: number): Candidate {
  const project = detectRust(dir);
  const written = rustPreset(project, { port }).dockerfile.render();
  const result = rustPreset(project, { port, images: { rust: image(local(images, 'rust')) } });
  return { name: 'Dockwright rustPreset', written, built: result.dockerfile.render(), dockerignore: result.dockerignore.render() };
}

/**
 * `docker init`'s Rust template, in our words: src, Cargo.toml and Cargo.lock bind-mounted, the
 * target directory and cargo's registry and git in cache mounts, `cargo build --locked --release`
 * in a heredoc, the binary copied to /bin/server, then a Debian slim runtime with `appuser`
 * (uid 10001). The engine's built-in frontend has no heredocs: the built file runs the same two
 * commands joined with `&&`. Its runtime is the local Debian slim image.
 */
export function dockerInitRust(images: LocalImages, opts: { rustVersion: string; app: string; port: number }): Candidate {
  const heredoc = ['<<EOF', 'set -e', 'cargo build --locked --release', 'cp ./target/release/$APP_NAME /bin/server', 'EOF'].join('\n');
  const written = [
    '# syntax=docker/dockerfile:1',
    '',
    `ARG RUST_VERSION=${opts.rustVersion}`,
    `ARG APP_NAME=${opts.app}`,
    '',
    'FROM rust:${RUST_VERSION}-slim-bookworm AS build',
    'ARG APP_NAME',
    'WORKDIR /app',
    '',
    'RUN --mount=type=bind,source=src,target=src \\',
    '    --mount=type=bind,source=Cargo.toml,target=Cargo.toml \\',
    '    --mount=type=bind,source=Cargo.lock,target=Cargo.lock \\',
    '    --mount=type=cache,target=/app/target/ \\',
    '    --mount=type=cache,target=/usr/local/cargo/git/db \\',
    '    --mount=type=cache,target=/usr/local/cargo/registry/ \\',
    heredoc,
    '',
    'FROM debian:bookworm-slim AS final',
    '',
    'ARG UID=10001',
    ADDUSER,
    'USER appuser',
    '',
    'COPY --from=build /bin/server /bin/',
    '',
    `EXPOSE ${opts.port}`,
    '',
    'CMD ["/bin/server"]',
    '',
  ].join('\n');
  let built = withoutSyntaxLine(written);
  built = swap(built, 'FROM rust:${RUST_VERSION}-slim-bookworm AS build', `FROM ${local(images, 'rust')} AS build`);
  built = swap(built, 'FROM debian:bookworm-slim AS final', `FROM ${images.debian} AS final`);
  built = swap(built, heredoc, '    cargo build --locked --release && cp ./target/release/$APP_NAME /bin/server');
  built = swap(built, ADDUSER, USERADD);
  const dockerignore = ['**/.DS_Store', '**/.git', '**/.env', '**/target', '**/Dockerfile*', '**/compose.y*ml', 'README.md', ''].join('\n');
  return { name: 'docker init (Rust template)', written, built, dockerignore };
}

/** Local stand-ins for the Java images: Debian's JDK 17 and Maven, and a JRE of it on the slim Debian. */
export interface LocalJavaImages {
  /** `maven:3.8.7-openjdk-17` of base-images.sh: JDK, `mvn`, Maven's repository mirrored to Debian's. */
  readonly jdk: string;
  /** Built by the bench: every module of that JDK, jlink'd onto the slim Debian, with adduser (as the Ubuntu of eclipse-temurin's -jre-jammy has). */
  readonly jre: string;
  readonly debian: string;
}

/** Our Java preset, for the Maven project in `dir` (jlink'd runtime on the slim Debian). */
export function oursJava(dir: string, images: LocalJavaImages): Candidate {
  const project = detectJava(dir);
  const written = javaPreset(project).dockerfile.render();
  const result = javaPreset(project, { images: { jdk: image(images.jdk), buildTool: 'jdk', runtime: image(images.debian) } });
  return { name: 'Dockwright javaPreset', written, built: result.dockerfile.render(), dockerignore: result.dockerignore.render() };
}

/**
 * `docker init`'s Java template (Maven): a `deps` stage that resolves the dependencies with the
 * wrapper from pom.xml alone (bind mount, /root/.m2 cache mount), a `package` stage that copies
 * `src` and packages, the jar renamed from the artifactId and version, and a JRE final stage with a
 * user made by adduser (uid 10001). The template is written for a Spring Boot app with the Maven
 * wrapper; for this plain jar without one: `mvn` for `./mvnw` (and no wrapper files), the jar run
 * with `java -cp app.jar <main class>` instead of Spring Boot's extract stage and launcher, and
 * `cp target/*.jar` for the `help:evaluate` rename (the help plugin is not in Debian's repository).
 * Built here: the images become the local ones, and `dependency:go-offline` becomes
 * `dependency:resolve` (Debian's repository lacks the site plugin go-offline also resolves).
 */
export function dockerInitJava(images: LocalJavaImages, opts: { javaVersion: string; mainClass: string; port: number }): Candidate {
  const goOffline = 'RUN --mount=type=bind,source=pom.xml,target=pom.xml \\\n    --mount=type=cache,target=/root/.m2 mvn dependency:go-offline -DskipTests';
  const written = [
    '# syntax=docker/dockerfile:1',
    '',
    `FROM eclipse-temurin:${opts.javaVersion}-jdk-jammy as deps`,
    '',
    'WORKDIR /build',
    '',
    goOffline,
    '',
    'FROM deps as package',
    '',
    'WORKDIR /build',
    '',
    'COPY ./src src/',
    'RUN --mount=type=bind,source=pom.xml,target=pom.xml \\',
    '    --mount=type=cache,target=/root/.m2 \\',
    '    mvn package -DskipTests && \\',
    '    cp target/*.jar target/app.jar',
    '',
    `FROM eclipse-temurin:${opts.javaVersion}-jre-jammy AS final`,
    '',
    'ARG UID=10001',
    'RUN adduser \\',
    '    --disabled-password \\',
    '    --gecos "" \\',
    '    --home "/nonexistent" \\',
    '    --shell "/sbin/nologin" \\',
    '    --no-create-home \\',
    '    --uid "${UID}" \\',
    '    appuser',
    'USER appuser',
    '',
    'COPY --from=package build/target/app.jar app.jar',
    '',
    `EXPOSE ${opts.port}`,
    '',
    `ENTRYPOINT [ "java", "-cp", "app.jar", "${opts.mainClass}" ]`,
    '',
  ].join('\n');
  let built = withoutSyntaxLine(written);
  built = swap(built, `FROM eclipse-temurin:${opts.javaVersion}-jdk-jammy as deps`, `FROM ${images.jdk} as deps`);
  built = swap(built, `FROM eclipse-temurin:${opts.javaVersion}-jre-jammy AS final`, `FROM ${images.jre} AS final`);
  built = swap(built, 'mvn dependency:go-offline -DskipTests', 'mvn dependency:resolve -DskipTests');
  const dockerignore = ['**/.git', '**/.env', '**/target', '**/Dockerfile*', '**/compose.y*ml', 'README.md', ''].join('\n');
  return { name: 'docker init (Java template)', written, built, dockerignore };
}
