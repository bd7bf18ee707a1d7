import { bindMount, cacheMount, dockerfile, DockwrightError, image, scratch, stage, type Image, type Stage } from '@dockwright/core';
import { dockerignore } from '../shared/dockerignore.js';
import type { PresetResult } from '../shared/preset-result.js';
import type { RustProject } from './detect-rust.js';

/** The base images of the Rust preset, by logical name. */
export interface RustImages {
  /** The toolchain. Default `rust:<version>-bookworm`, the version of rust-toolchain.toml, else 1.83.0. */
  readonly rust?: Image;
  /** The runtime of a `linkage: 'dynamic'` binary (glibc, libgcc). Default `debian:12.8-slim`; a distroless `cc` image fits too. */
  readonly runtime?: Image;
}

/** Options of the Rust preset. */
export interface RustPresetOptions {
  readonly images?: RustImages;
  /** The binary to build. Default: the only one there is. */
  readonly bin?: string;
  /**
   * `static` (default): glibc linked in (`-C target-feature=+crt-static`), into scratch with the
   * CA certificates. `dynamic`: linked against the runtime image's glibc.
   */
  readonly linkage?: 'static' | 'dynamic';
  /** Cargo features to enable, e.g. `['postgres']`. */
  readonly features?: readonly string[];
  readonly port?: number;
  /**
   * Strip the binary's symbols (default true: `CARGO_PROFILE_RELEASE_STRIP=symbols`, which wins
   * over `[profile.release] strip`). A std-only server goes from 12.9 MB to well under 1 MB;
   * panics still print their message, backtraces lose the function names.
   */
  readonly strip?: boolean;
  /** The numeric user the binary runs as (default 65532:65532). */
  readonly user?: { readonly uid: number; readonly gid: number };
  readonly labels?: Readonly<Record<string, string>>;
  readonly runtimeSteps?: (runtime: Stage<boolean>) => Stage<boolean>;
}

const DEFAULT_RUST = '1.83.0';

/**
 * The pinned default toolchain image for a crate's wish (`1.79` or `1.79.0`; undefined: 1.83.0).
 * Rust tags every release `x.y.0`, so a minor alone names its `.0` exactly.
 *
 * @example
 * ```ts
 * rustImageFor('1.79'); // 'rust:1.79.0-bookworm'
 * ```
 */
export function rustImageFor(version: string | undefined): string {
  const v = typeof version === 'string' && /^\d+\.\d+(\.\d+)?$/.test(version) ? version : DEFAULT_RUST;
  return `rust:${/^\d+\.\d+$/.test(v) ? `${v}.0` : v}-bookworm`;
}

function fail(message: string, hint: string): never {
  throw new DockwrightError([{ code: 'DW9003', message, hint, path: { instruction: 'rustPreset()' } }]);
}

/**
 * A Rust binary built with the sources bind-mounted, the cargo registry and the target directory
 * in cache mounts (a source change recompiles the crate alone, not its dependencies) and the
 * binary copied out of the mount; linked statically into scratch (default) or against glibc on a
 * slim runtime, running as uid 65532.
 *
 * @example
 * ```ts
 * const { dockerfile } = rustPreset(detectRust('.'), { bin: 'api', port: 8080 });
 * ```
 */
export function rustPreset(project: RustProject, options: RustPresetOptions = {}): PresetResult {
  const bin = options.bin ?? (project.binaries.length === 1 ? project.binaries[0] : undefined);
  if (bin === undefined || !project.binaries.includes(bin)) {
    fail(
      options.bin === undefined ? `${project.name} has ${project.binaries.length} binaries` : `${options.bin} is not a binary of ${project.name}`,
      `pass bin: one of ${project.binaries.map((b) => `'${b}'`).join(', ') || '(none found: add src/main.rs)'}`,
    );
  }
  const features = options.features ?? [];
  for (const f of features) if (!/^[A-Za-z0-9_][A-Za-z0-9_/+-]*$/.test(f)) fail(`feature ${JSON.stringify(f)} is not a cargo feature name`, "pass features: ['name', ...]");
  const rust = options.images?.rust ?? image(rustImageFor(project.rustVersion));
  const linkage = options.linkage ?? 'static';
  const user = options.user ?? { uid: 65532, gid: 65532 };
  const flags = ['--release', ...(project.hasCargoLock ? ['--locked'] : []), '--bin', bin, ...(features.length > 0 ? ['--features', features.join(',')] : [])].join(' ');
  // Static: the host triple named, so RUSTFLAGS reach the binary and not build scripts or proc macros.
  const script =
    linkage === 'static'
      ? `target="$(rustc -vV | sed -n 's/^host: //p')" && RUSTFLAGS='-C target-feature=+crt-static' cargo build ${flags} --target "$target" && mkdir -p /out && cp "/target/$target/release/${bin}" /out/`
      : `cargo build ${flags} && mkdir -p /out && cp /target/release/${bin} /out/`;

  const build = stage('build')
    .from(rust)
    .env({ CARGO_TARGET_DIR: '/target', CARGO_INCREMENTAL: '0', ...(options.strip === false ? {} : { CARGO_PROFILE_RELEASE_STRIP: 'symbols' }) })
    .workdir('/src')
    .run(script)
    // Writable: cargo writes Cargo.lock when there is none; the writes are discarded.
    .withMounts(bindMount('.', { source: '.', readwrite: !project.hasCargoLock }), cacheMount('/usr/local/cargo/registry', { sharing: 'locked' }), cacheMount('/usr/local/cargo/git', { sharing: 'locked' }), cacheMount('/target', { sharing: 'locked' }));

  let runtime: Stage<boolean>;
  if (linkage === 'static') {
    // CA certificates from the toolchain image as it is, not the build stage (see goPreset).
    const files = stage('files').from(rust);
    runtime = stage('runtime').from(scratch).copy(files, '/etc/ssl/certs/ca-certificates.crt', '/etc/ssl/certs/ca-certificates.crt');
  } else {
    runtime = stage('runtime').from(options.images?.runtime ?? image('debian:12.8-slim'));
  }
  runtime = runtime.copy(build, `/out/${bin}`, `/usr/local/bin/${bin}`);
  if (options.labels !== undefined) runtime = runtime.label(options.labels);
  if (options.runtimeSteps !== undefined) runtime = options.runtimeSteps(runtime);
  let final: Stage<true> = runtime.user({ uid: user.uid, gid: user.gid });
  if (options.port !== undefined) final = final.expose(options.port);
  final = final.entrypoint([`/usr/local/bin/${bin}`]);
  return Object.freeze({ dockerfile: dockerfile(final), dockerignore: dockerignore(['target', '**/*.rs.bk']), context: '.' });
}
