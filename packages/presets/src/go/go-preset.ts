import { bindMount, cacheMount, dockerfile, DockwrightError, image, platformArgs, scratch, stage, tpl, type Image, type Stage } from '@dockwright/core';
import { dockerignore } from '../shared/dockerignore.js';
import type { PresetResult } from '../shared/preset-result.js';
import type { GoProject } from './detect-go.js';
import { goImageFor, goReleases } from './go-versions.js';

/** The base images of the Go preset, by logical name. */
export interface GoImages {
  /** The Go toolchain. Default `golang:<exact version>-bookworm`, the patch the preset's table pins for go.mod's minor (`goImageFor`). */
  readonly golang?: Image;
  /** The runtime when `runtime: 'distroless'`, e.g. `gcr.io/distroless/static-debian12:nonroot`. */
  readonly runtime?: Image;
}

/** Options of the Go preset. */
export interface GoPresetOptions {
  readonly images?: GoImages;
  /** The main package to build: `./cmd/api` or just `api`. Default: the only one there is. */
  readonly command?: string;
  /** `scratch` (default) or `distroless` (needs `images.runtime`). */
  readonly runtime?: 'scratch' | 'distroless';
  /** Copy the CA certificates of the build image into scratch (default true). */
  readonly caCertificates?: boolean;
  /** Copy the time zone database into scratch (default false). */
  readonly tzdata?: boolean;
  readonly port?: number;
  /** Extra `-ldflags` after `-s -w`, e.g. `-X main.version=1.2.3`. */
  readonly ldflags?: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly runtimeSteps?: (runtime: Stage<boolean>) => Stage<boolean>;
}

function fail(message: string, hint: string): never {
  throw new DockwrightError([{ code: 'DW9003', message, hint, path: { instruction: 'goPreset()' } }]);
}

/**
 * A Go service cross-compiled on the build platform (`--platform=$BUILDPLATFORM`, modules
 * downloaded before `TARGETOS`/`TARGETARCH` so every platform shares them), static
 * (`CGO_ENABLED=0`, `-trimpath`, `-ldflags "-s -w"`), into scratch as uid 65532.
 *
 * @example
 * ```ts
 * const { dockerfile } = goPreset(detectGo('.'), { command: 'api', tzdata: true });
 * ```
 */
export function goPreset(project: GoProject, options: GoPresetOptions = {}): PresetResult {
  const wanted = options.command === undefined ? undefined : options.command.startsWith('.') ? options.command : `./cmd/${options.command}`;
  const command = wanted ?? (project.commands.length === 1 ? project.commands[0] : undefined);
  if (command === undefined || !project.commands.includes(command)) {
    fail(
      wanted === undefined ? `${project.module} has ${project.commands.length} main packages` : `${wanted} is not a main package of ${project.module}`,
      `pass command: one of ${project.commands.map((c) => `'${c}'`).join(', ') || '(none found: add package main)'}`,
    );
  }
  const name = command === '.' ? (project.module.split('/').pop() ?? 'app') : command.split('/').pop() ?? 'app';
  const pinned = goImageFor(project.goVersion);
  if (options.images?.golang === undefined && pinned === undefined) {
    fail(`no default image for Go ${project.goVersion} (the preset knows ${Object.keys(goReleases).join(', ')})`, `pass images: { golang: image('golang:${project.goVersion}.<patch>-bookworm') }`);
  }
  const golang = options.images?.golang ?? image(pinned ?? '');
  const { BUILDPLATFORM, TARGETOS, TARGETARCH } = platformArgs;
  const modCache = cacheMount('/go/pkg/mod', { sharing: 'locked' });
  const manifests = [bindMount('go.mod', { source: 'go.mod' }), ...(project.hasGoSum ? [bindMount('go.sum', { source: 'go.sum' })] : [])];
  const ldflags = ['-s', '-w', ...(options.ldflags === undefined ? [] : [options.ldflags])].join(' ');
  if (/["'\\$`]/.test(ldflags)) fail('ldflags holds quotes, $ or backslashes', 'pass plain -X name=value pairs');

  const build = stage('build')
    .from(golang)
    .platform(BUILDPLATFORM)
    .workdir('/src')
    // Modules first, from go.mod and go.sum alone: a source change does not download again.
    .run('go mod download')
    .withMounts(modCache, ...manifests)
    // Declared after the download, so every target platform shares the module layer.
    .arg(TARGETOS)
    .arg(TARGETARCH)
    .run(tpl`CGO_ENABLED=0 GOOS=${TARGETOS} GOARCH=${TARGETARCH} go build -trimpath -ldflags="${ldflags}" -o /out/${name} ${command}`)
    .withMounts(bindMount('.', { source: '.' }), modCache, cacheMount('/root/.cache/go-build'));

  const distroless = options.runtime === 'distroless';
  if (distroless && options.images?.runtime === undefined) fail('runtime: distroless needs images.runtime', "pass images: { runtime: image('gcr.io/distroless/static-debian12:nonroot') }");
  let runtime: Stage<boolean> = distroless && options.images?.runtime !== undefined ? stage('runtime').from(options.images.runtime) : stage('runtime').from(scratch);
  // Certificates and zones come from the toolchain image as it is, not from the build stage: a
  // source change gives the build stage a new snapshot, and BuildKit would checksum every file of
  // /usr/share/zoneinfo again to find the copy cached.
  const files = stage('files').from(golang).platform(BUILDPLATFORM);
  if (!distroless && options.caCertificates !== false) runtime = runtime.copy(files, '/etc/ssl/certs/ca-certificates.crt', '/etc/ssl/certs/ca-certificates.crt');
  if (!distroless && options.tzdata === true) runtime = runtime.copy(files, '/usr/share/zoneinfo', '/usr/share/zoneinfo');
  runtime = runtime.copy(build, `/out/${name}`, `/${name}`);
  if (options.labels !== undefined) runtime = runtime.label(options.labels);
  if (options.runtimeSteps !== undefined) runtime = options.runtimeSteps(runtime);
  let final: Stage<true> = runtime.user('65532:65532');
  if (options.port !== undefined) final = final.expose(options.port);
  final = final.entrypoint([`/${name}`]);
  return Object.freeze({ dockerfile: dockerfile(final), dockerignore: dockerignore(['bin', 'dist', 'vendor/**/testdata', '**/*_test.go']), context: '.' });
}
