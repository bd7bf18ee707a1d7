import type { NodeFramework } from './detect-framework.js';

/** What the Node preset takes from a detected framework, after the user's options. */
export interface FrameworkPlan {
  /** [from, to] copies of the build output; undefined: the preset's own default (`dist`). */
  readonly outputs?: readonly (readonly [string, string])[];
  readonly port?: number;
  readonly nodeModules: boolean;
  readonly env: Readonly<Record<string, string>>;
  /** Serve the build output with the static server instead of Node. */
  readonly static: boolean;
  /** Copy the app's package.json into the runtime (not when the build output has its own). */
  readonly packageJson: boolean;
  /** The bundled server folder whose imports pick the runtime's packages (trace-imports.ts). */
  readonly traceImports?: string;
  /** The bundled server and entry points whose loaded files are the runtime's node_modules (trace-files.ts). */
  readonly traceFiles?: { readonly dir: string; readonly entries: readonly string[] };
  /** A directory of the build step to keep in a cache mount, relative to the app. */
  readonly buildCache?: string;
  /** The framework's advice for a better image (the preset's notes), when its own outputs are used. */
  readonly note?: string;
}

/**
 * The framework's defaults, each given way to the option that names it: `outputs` replaces the
 * copies (node_modules come back with them), `start` a static site's server.
 */
export function frameworkPlan(
  framework: NodeFramework | undefined,
  options: { readonly outputs?: readonly string[]; readonly start?: readonly string[]; readonly serve?: 'server' | 'static' },
): FrameworkPlan {
  const isStatic = options.serve === undefined ? framework?.kind === 'static' && options.start === undefined : options.serve === 'static';
  const buildCache = framework?.buildCache === undefined ? {} : { buildCache: framework.buildCache };
  if (framework === undefined || options.outputs !== undefined) {
    return { nodeModules: true, env: {}, static: isStatic, packageJson: true, ...buildCache, ...(framework === undefined ? {} : { port: isStatic ? 8080 : framework.port }) };
  }
  return {
    ...(framework.outputs.length === 0 ? {} : { outputs: framework.outputs }),
    port: isStatic ? 8080 : framework.port,
    nodeModules: isStatic ? false : framework.nodeModules,
    env: framework.env ?? {},
    static: isStatic,
    packageJson: framework.ownPackageJson !== true,
    ...(framework.traceImports === undefined || isStatic ? {} : { traceImports: framework.traceImports }),
    // Another start command loads other files than the serve CLI's: every production dependency then.
    ...(framework.traceFiles === undefined || isStatic || options.start !== undefined ? {} : { traceFiles: framework.traceFiles }),
    ...buildCache,
    ...(framework.note === undefined || isStatic ? {} : { note: framework.note }),
  };
}
