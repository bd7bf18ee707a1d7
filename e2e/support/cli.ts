/**
 * The `dockwright` binary in real-build tests: built once per file as the unit tests build it
 * (packages/cli/test/support/cli.ts), run against the engine the wrapper started
 * (`DOCKWRIGHT_DOCKER` = `$DOCKER`, Debian's client), in projects copied from the fixtures.
 *
 * The targets `dockwright init` writes name the public base images (`node:<this Node's
 * version>-bookworm-slim`, `golang:1.19-bookworm`); `aliasBaseImages()` tags the hermetic ones
 * with those names in the engine, which BuildKit then finds without a registry, so the targets
 * build exactly as init wrote them. The Node preset's default images (its pinned version of each
 * major it knows, `node:24.21.0-bookworm-slim`) and the Go preset's (`golang:1.23.12-bookworm`)
 * stand for the hermetic Node and Go images the same way.
 */
import { docker, baseImage } from './docker.js';
import { LOOPBACK_ONLY } from './node-apps.js';
import { runCli, type CliRun } from '../../packages/cli/test/support/cli.js';
import { nodeReleases } from '../../packages/presets/src/node/node-versions.js';
import { goReleases } from '../../packages/presets/src/go/go-versions.js';

export { buildCli, cleanup, makeProject } from '../../packages/cli/test/support/cli.js';
export type { CliRun } from '../../packages/cli/test/support/cli.js';

/** The public names init writes, and the hermetic image each stands for. */
export const ALIASES: Readonly<Record<string, string>> = {
  [`node:${process.versions.node}-bookworm-slim`]: 'node:20-bookworm-slim',
  'golang:1.19-bookworm': 'golang:1.19-bookworm',
  'golang:1.23-bookworm': 'golang:1.19-bookworm',
  'node:20-bookworm-slim': 'node:20-bookworm-slim',
  ...Object.fromEntries(nodeReleases.map((r) => [`node:${r.version}-bookworm-slim`, 'node:20-bookworm-slim'])),
  // The Go preset's pinned toolchains (goReleases): Debian's Go 1.19 builds every fixture here.
  ...Object.fromEntries(Object.values(goReleases).map((v) => [`golang:${v}-bookworm`, 'golang:1.19-bookworm'])),
};

/** Tags the hermetic base images with the public names targets use (see ALIASES); returns the names, for `removeImages`. */
export async function aliasBaseImages(): Promise<string[]> {
  const names: string[] = [];
  for (const [name, hermetic] of Object.entries(ALIASES)) {
    const ref = baseImage(hermetic);
    for (const args of [['pull', '-q', ref], ['tag', ref, name]]) {
      const r = await docker(args);
      if (r.code !== 0) throw new Error(`docker ${args.join(' ')} failed: ${r.stderr}`);
    }
    names.push(name);
  }
  return names;
}

/** The options every `dockwright build` here needs: RUN steps reach the local npm registry on loopback, and nothing else. */
export const LOOPBACK_BUILD: readonly string[] = ['--network', 'host', ...Object.entries(LOOPBACK_ONLY).flatMap(([k, v]) => ['--build-arg', `${k}=${v}`])];

/** Runs the built binary with the engine of the wrapper. */
export function dockwright(cli: string, args: readonly string[], cwd: string, env: Record<string, string> = {}): Promise<CliRun> {
  const client = process.env['DOCKER'] || '/usr/bin/docker';
  return runCli(cli, args, cwd, { DOCKWRIGHT_DOCKER: client, ...env });
}

