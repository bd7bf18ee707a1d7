/** Where one target module's files go. Paths are relative to the configuration file. */
export interface TargetConfig {
  /** The module, or a glob of modules (`*`, `?`, `**`): `services/*\/service.dockerfile.ts`. */
  readonly file: string;
  /** The directory its Dockerfile (and each entry of a list) is written to. Default: the module's own. */
  readonly outDir?: string;
  /** `false`: write no .dockerignore even when the target exports one. Default `true`. */
  readonly dockerignore?: boolean;
}

/** How `dockwright lock` resolves images. */
export interface LockConfig {
  /** Platforms every locked image must cover, e.g. `['linux/amd64', 'linux/arm64']`: a single-platform image is refused. */
  readonly platforms?: readonly string[];
  /** Registries (`host:port`) spoken to over plain HTTP; loopback registries always are. */
  readonly insecureRegistries?: readonly string[];
  /** Seconds to wait for each registry request (default 30). */
  readonly timeoutSeconds?: number;
  /** Retries of a request that timed out, failed to connect, or got 429 or 5xx (default 3). */
  readonly retries?: number;
  /** Images resolved at once (default 8). */
  readonly concurrency?: number;
}

/** The contents of `dockwright.config.ts`. */
export interface DockwrightConfig {
  /**
   * The target modules: paths or globs relative to the configuration file, or objects saying where
   * their files go. Without `targets`, every `*.dockerfile.ts` (`.mts`, `.js`, `.mjs`) under the
   * configuration file's directory is a target.
   */
  readonly targets?: readonly (string | TargetConfig)[];
  /** Options of `dockwright lock`. */
  readonly lock?: LockConfig;
}

/**
 * Types a `dockwright.config.ts`; returns its argument unchanged.
 *
 * @example
 * ```ts
 * import { defineConfig } from 'dockwright';
 *
 * export default defineConfig({
 *   targets: ['services/*\/service.dockerfile.ts', { file: 'tools/ci.dockerfile.ts', outDir: 'docker/ci' }],
 * });
 * ```
 */
export function defineConfig(config: DockwrightConfig): DockwrightConfig {
  return config;
}
