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

/** Where a build secret comes from: a file (relative to the configuration file; `~/` is the home directory) or an environment variable. */
export type BuildSecretSource = { readonly file: string } | { readonly env: string };

/**
 * How `dockwright build` and `dockwright bake` build every target. Tags may use `{name}` (the
 * target's name, such as `api`), `{version}` (the `version` of the nearest package.json, from
 * the target's directory up to the configuration's) and `{commit}` (`git rev-parse --short=12 HEAD`).
 */
export interface BuildConfig {
  /** Tags of each target's image, e.g. `['registry.example.com/shop/{name}:{version}']`. Default `['{name}:dev']`. */
  readonly tags?: readonly string[];
  /** Platforms to build for, e.g. `['linux/amd64', 'linux/arm64']` (more than one needs buildx). */
  readonly platforms?: readonly string[];
  /** Build arguments for every target (`--build-arg`). */
  readonly args?: Readonly<Record<string, string>>;
  /** Build secrets by id, e.g. `{ npmrc: { file: '~/.npmrc' } }` for the Node preset's private-registry secret. A source that is not there is left out, with a warning. */
  readonly secrets?: Readonly<Record<string, BuildSecretSource>>;
  /** `--cache-from` of every target, e.g. `['type=registry,ref=registry.example.com/shop/{name}:cache']`. */
  readonly cacheFrom?: readonly string[];
  /** `--cache-to` of every target (buildx only), e.g. `['type=registry,ref=registry.example.com/shop/{name}:cache,mode=max']`. */
  readonly cacheTo?: readonly string[];
  /** The network of RUN steps: `default`, `host` or `none`. */
  readonly network?: 'default' | 'host' | 'none';
  /** How many targets build at once (default 2). */
  readonly concurrency?: number;
  /** The bake file `dockwright bake` writes, relative to the configuration file (default `docker-bake.json`). */
  readonly bakeFile?: string;
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
  /** Options of `dockwright build` and `dockwright bake`. */
  readonly build?: BuildConfig;
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
