import { pathToFileURL } from 'node:url';

let registration: Promise<void> | undefined;

/**
 * Lets `import()` load TypeScript (`.ts`, `.mts`, `.cts`, and `.ts` inside ESM or CommonJS
 * packages) with tsx's hooks, once per process. Nothing is written to disk beside the user's
 * files; tsx keeps its transform cache in the system temporary directory.
 *
 * @example
 * ```ts
 * await registerLoader();
 * const module = await importModule('/repo/services/api/service.dockerfile.ts');
 * ```
 */
export function registerLoader(): Promise<void> {
  registration ??= (async () => {
    const [esm, cjs] = await Promise.all([import('tsx/esm/api'), import('tsx/cjs/api')]);
    esm.register();
    cjs.register();
  })();
  return registration;
}

/**
 * Imports a module by absolute path and returns its default export, unwrapping the
 * `{ default }` object a CommonJS-compiled module exposes. While it runs, what the module prints
 * on stdout goes to stderr, so stdout stays the command's own output (a Dockerfile, JSON).
 *
 * @example
 * ```ts
 * const value = await importDefault('/repo/dockwright.config.ts');
 * ```
 */
export async function importDefault(file: string): Promise<{ readonly hasDefault: boolean; readonly value: unknown }> {
  await registerLoader();
  const release = redirectStdout();
  try {
    const namespace = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    let hasDefault = 'default' in namespace;
    let value = namespace['default'];
    // A CommonJS module compiled from ESM syntax: its exports object is the namespace's default.
    if (typeof value === 'object' && value !== null && (value as { __esModule?: unknown }).__esModule === true) {
      hasDefault = 'default' in value;
      value = (value as { default?: unknown }).default;
    }
    if (typeof (value as PromiseLike<unknown> | undefined)?.then === 'function') value = await value;
    return { hasDefault, value };
  } finally {
    release();
  }
}

let redirects = 0;
let savedWrite: typeof process.stdout.write | undefined;

/** Sends stdout to stderr until every caller has released it (imports run concurrently). */
function redirectStdout(): () => void {
  if (redirects === 0) {
    savedWrite = process.stdout.write;
    process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write;
  }
  redirects += 1;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    redirects -= 1;
    if (redirects === 0 && savedWrite !== undefined) process.stdout.write = savedWrite;
  };
}
