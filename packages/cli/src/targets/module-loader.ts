import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

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
    const namespace = (tracking() ? await importTracked(file) : await import(pathToFileURL(file).href)) as Record<string, unknown>;
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

/**
 * Set by `--watch` for the process it starts to render: each module is loaded afresh, and when
 * the process exits the files each target module imported are written, as JSON
 * (`{ "<module>": ["<file>", ...] }`, absolute paths), to the file this variable names.
 */
export const TRACK_IMPORTS = 'DOCKWRIGHT_TRACK_IMPORTS';

const tracking = () => (process.env[TRACK_IMPORTS] ?? '') !== '';
const imported = new Map<string, readonly string[]>();
let reporting = false;
const cjsCache = createRequire(import.meta.url).cache;

/**
 * Loads a module in a namespace of its own (tsx's `tsImport`), so that it and everything it
 * imports are read from disk again, and records the files it imported: ES modules as tsx's
 * loader resolves them, CommonJS ones from the require cache (cleared of them afterwards, so
 * the next module loads them afresh too).
 */
async function importTracked(file: string): Promise<unknown> {
  const { tsImport } = await import('tsx/esm/api');
  const files = new Set<string>([file]);
  const before = new Set(Object.keys(cjsCache));
  try {
    return await tsImport(pathToFileURL(file).href, {
      parentURL: import.meta.url,
      onImport: (url) => {
        if (url.startsWith('file:')) files.add(fileURLToPath(url.replace(/\?.*$/, '')));
      },
    });
  } finally {
    for (const key of Object.keys(cjsCache)) {
      if (before.has(key)) continue;
      files.add(key);
      delete cjsCache[key];
    }
    imported.set(file, [...files].sort());
    if (!reporting) {
      reporting = true;
      const report = process.env[TRACK_IMPORTS] ?? '';
      process.once('exit', () => writeFileSync(report, JSON.stringify(Object.fromEntries(imported))));
    }
  }
}
