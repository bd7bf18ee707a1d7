import { describe, expect, it } from 'vitest';
import { image, lintDockerfile } from '@dockwright/core';
import { detectRustFiles, rustPreset, type FileContents } from '@dockwright/presets';

const digest = `sha256:${'1'.repeat(64)}`;
const rust = image('registry.example.com/rust:1.83.0-bookworm').pinDigest(digest);
const one: FileContents = { 'Cargo.toml': '[package]\nname = "api"\nversion = "0.1.0"\nedition = "2021"\n', 'Cargo.lock': '', 'src/main.rs': 'fn main() {}\n' };
const two: FileContents = {
  'Cargo.toml': '[package]\nname = "shop"\nrust-version = "1.80"\n\n[[bin]]\nname = "migrate"\npath = "tools/migrate.rs"\n',
  'src/main.rs': '',
  'src/bin/worker.rs': '',
  'rust-toolchain.toml': '[toolchain]\nchannel = "1.82.0"\n',
};

describe('detectRust', () => {
  it.each([
    ['one binary and a lockfile', one, { name: 'api', binaries: ['api'], hasCargoLock: true, rustVersion: undefined }],
    ['[[bin]], src/bin and a pinned toolchain', two, { name: 'shop', binaries: ['migrate', 'shop', 'worker'], hasCargoLock: false, rustVersion: '1.82.0' }],
    ['rust-version when no toolchain file', { 'Cargo.toml': '[package]\nname = "x"\nrust-version = "1.80"\n', 'src/main.rs': '' }, { rustVersion: '1.80', binaries: ['x'] }],
  ])('%s', (_, files, expected) => {
    expect(detectRustFiles(files)).toMatchObject(expected);
  });
  it('refuses a workspace root and says where to point it', () => {
    expect(() => detectRustFiles({ 'Cargo.toml': '[workspace]\nmembers = ["api"]\n' })).toThrow(/DW9003 Cargo.toml in \. has no \[package\][^]*member crate/);
  });
});

describe('rustPreset', () => {
  it('static by default: registry and target cache mounts, the binary copied out, into scratch as 65532', () => {
    expect(rustPreset(detectRustFiles(one), { images: { rust }, port: 8080 }).dockerfile.render()).toMatchInlineSnapshot(`
      "FROM registry.example.com/rust:1.83.0-bookworm@sha256:1111111111111111111111111111111111111111111111111111111111111111 AS build
      ENV CARGO_TARGET_DIR=/target \\
          CARGO_INCREMENTAL=0 \\
          CARGO_PROFILE_RELEASE_STRIP=symbols
      WORKDIR /src
      RUN --mount=type=bind,target=.,source=. \\
          --mount=type=cache,target=/usr/local/cargo/registry,sharing=locked \\
          --mount=type=cache,target=/usr/local/cargo/git,sharing=locked \\
          --mount=type=cache,target=/target,sharing=locked \\
          target="$(rustc -vV | sed -n 's/^host: //p')" \\
          && RUSTFLAGS='-C target-feature=+crt-static' cargo build --release --locked --bin api --target "$target" \\
          && mkdir -p /out \\
          && cp "/target/$target/release/api" /out/

      FROM registry.example.com/rust:1.83.0-bookworm@sha256:1111111111111111111111111111111111111111111111111111111111111111 AS files

      FROM scratch AS runtime
      COPY --from=files /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
      COPY --from=build /out/api /usr/local/bin/api
      USER 65532:65532
      EXPOSE 8080
      ENTRYPOINT ["/usr/local/bin/api"]
      "
    `);
  });
  it('dynamic: linked against glibc, on a slim runtime that can be overridden', () => {
    const runtime = image('registry.example.com/distroless/cc-debian12:nonroot').pinDigest(digest);
    const text = rustPreset(detectRustFiles(one), { images: { rust, runtime }, linkage: 'dynamic' }).dockerfile.render();
    expect(text).toContain('cargo build --release --locked --bin api \\\n');
    expect(text).toContain('&& cp /target/release/api /out/');
    expect(text).toContain('FROM registry.example.com/distroless/cc-debian12:nonroot@');
    expect(text).not.toContain('crt-static');
  });
  it('strips the binary unless told not to (a real build of a std-only server: 12.9 MB unstripped)', () => {
    expect(rustPreset(detectRustFiles(one), { images: { rust }, linkage: 'dynamic' }).dockerfile.render()).toContain('CARGO_PROFILE_RELEASE_STRIP=symbols');
    expect(rustPreset(detectRustFiles(one), { images: { rust }, strip: false }).dockerfile.render()).not.toContain('STRIP');
  });
  it('asks which binary when there are several, naming the option', () => {
    expect(() => rustPreset(detectRustFiles(two))).toThrow(/DW9003 shop has 3 binaries[^]*pass bin: one of 'migrate', 'shop', 'worker'/);
  });
  it('defaults to the pinned toolchain, else an exact version; no lockfile means a writable source mount and no --locked', () => {
    const text = rustPreset(detectRustFiles(two), { bin: 'worker', features: ['postgres'] }).dockerfile.render();
    expect(text).toContain('FROM rust:1.82.0-bookworm AS build');
    expect(text).toContain('--mount=type=bind,target=.,source=.,readwrite');
    expect(text).toContain('--bin worker --features postgres');
    expect(text).not.toContain('--locked');
    expect(rustPreset(detectRustFiles(one)).dockerfile.render()).toContain('FROM rust:1.83.0-bookworm AS build');
  });
  it.each(['static', 'dynamic'] as const)('%s: lints clean, runs as a numeric non-root user', (linkage) => {
    const text = rustPreset(detectRustFiles(one), { images: { rust, runtime: rust }, linkage, user: { uid: 10001, gid: 10001 } }).dockerfile.render();
    expect(lintDockerfile(text).filter((d) => d.severity !== 'info')).toEqual([]);
    expect(text).toMatch(/^USER 10001:10001$/m);
  });
});
