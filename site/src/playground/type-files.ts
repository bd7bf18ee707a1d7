// What the TypeScript worker checks against, gathered at build time: TypeScript's own ES2023
// libraries, the sources of @dockwright/core, presets and policy (the types a workspace sees), and
// the few globals the playground gives a program.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import type { TypeFiles } from './ts-protocol.js';

/** The globals of a program in the playground: printing, and import.meta.dirname. */
const GLOBALS = `// The playground's globals: what a program may print with, and where it is.
interface Console { log(...data: unknown[]): void; info(...data: unknown[]): void; warn(...data: unknown[]): void; error(...data: unknown[]): void; debug(...data: unknown[]): void }
declare var console: Console;
declare var process: { readonly stdout: { write(text: string): boolean }; readonly stderr: { write(text: string): boolean }; readonly env: Record<string, string | undefined>; exitCode: number | undefined; cwd(): string };
interface ImportMeta { readonly dirname: string; readonly filename: string; readonly url: string }
`;

function libFiles(): Record<string, string> {
  const libDir = dirname(createRequire(import.meta.url).resolve('typescript/lib/lib.es2023.d.ts'));
  const out: Record<string, string> = {};
  const add = (name: string) => {
    const path = `/lib/lib.${name}.d.ts`;
    if (path in out) return;
    const text = readFileSync(join(libDir, `lib.${name}.d.ts`), 'utf8');
    out[path] = text;
    for (const m of text.matchAll(/\/\/\/\s*<reference lib="([^"]+)"/g)) add((m[1] as string).toLowerCase());
  };
  for (const name of ['es2023', 'decorators', 'decorators.legacy']) add(name);
  return out;
}

function sources(packagesDir: string, name: string): Record<string, string> {
  const out: Record<string, string> = {};
  const root = join(packagesDir, name, 'src');
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else if (e.name.endsWith('.ts')) out[`/dw/${name}/src/${relative(root, path).split('\\').join('/')}`] = readFileSync(path, 'utf8');
    }
  };
  walk(root);
  return out;
}

/**
 * The worker's virtual files, and the module names the program may import.
 *
 * @example
 * ```ts
 * typeFiles('/repo/packages').paths['@dockwright/core']; // '/dw/core/src/index.ts'
 * ```
 */
export function typeFiles(packagesDir: string): TypeFiles {
  return {
    files: { ...libFiles(), ...sources(packagesDir, 'core'), ...sources(packagesDir, 'presets'), ...sources(packagesDir, 'policy'), '/globals.d.ts': GLOBALS },
    paths: { '@dockwright/core': '/dw/core/src/index.ts', '@dockwright/presets': '/dw/presets/src/index.ts', '@dockwright/policy': '/dw/policy/src/browser.ts' },
  };
}
