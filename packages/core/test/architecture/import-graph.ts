// Reads every import of packages/*/src with the TypeScript compiler's own pre-processor (static
// imports, `export ... from`, `import type`, dynamic `import()`), and maps each file to its layer.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** The repository root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

/** One import between two layers, with a file that makes it (for messages). */
export interface LayerArrow {
  readonly from: string;
  readonly to: string;
  readonly example: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [path] : [];
  });
}

/**
 * The layer of a source file: core's first folder under src (`ast`, `builder`, `rules`, ...,
 * `index` for its entry), and one layer per other package (`policy`, `cli`, `presets`).
 *
 * @example
 * ```ts
 * layerOf('packages/core/src/rules/images/base-digest.ts'); // 'rules'
 * ```
 */
export function layerOf(file: string): string {
  const parts = file.split(/[\\/]/);
  const at = parts.indexOf('packages');
  const pkg = parts[at + 1] ?? '';
  if (pkg !== 'core') return pkg;
  const first = parts[at + 3] ?? '';
  return first.endsWith('.ts') ? first.replace(/\.ts$/, '') : first;
}

// A package's public entry is its layer's face to the others: `@dockwright/core` is `core`.
function packageLayer(specifier: string): string | undefined {
  const m = /^@dockwright\/([a-z-]+)/.exec(specifier) ?? (specifier === 'dockwright' ? ['', 'cli'] : null);
  if (m === null) return undefined;
  return m[1] === 'core' ? 'core' : m[1];
}

/**
 * Every arrow between two different layers in packages/*\/src, one entry per (from, to) pair.
 *
 * @example
 * ```ts
 * layerArrows().find((a) => a.from === 'render' && a.to === 'lock');
 * ```
 */
export function layerArrows(): LayerArrow[] {
  const arrows = new Map<string, LayerArrow>();
  for (const pkg of readdirSync(join(ROOT, 'packages'))) {
    let files: string[];
    try {
      files = sourceFiles(join(ROOT, 'packages', pkg, 'src'));
    } catch {
      continue;
    }
    for (const file of files) {
      const rel = relative(ROOT, file).split(sep).join('/');
      const from = layerOf(rel);
      const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
      for (const { fileName } of info.importedFiles) {
        const to = fileName.startsWith('.') ? layerOf(relative(ROOT, resolve(dirname(file), fileName)).split(sep).join('/')) : packageLayer(fileName);
        if (to === undefined || to === from) continue;
        const key = `${from} -> ${to}`;
        if (!arrows.has(key)) arrows.set(key, { from, to, example: `${rel} imports ${fileName}` });
      }
    }
  }
  return [...arrows.values()].sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
}

/**
 * The cycles of a graph: its strongly connected components of more than one node (Tarjan).
 *
 * @example
 * ```ts
 * cycles([['a', 'b'], ['b', 'a']]); // [['a', 'b']]
 * ```
 */
export function cycles(edges: readonly (readonly [string, string])[]): string[][] {
  const next = new Map<string, string[]>();
  for (const [a, b] of edges) {
    next.set(a, [...(next.get(a) ?? []), b]);
    if (!next.has(b)) next.set(b, []);
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const found: string[][] = [];
  let n = 0;
  const visit = (v: string): void => {
    index.set(v, n);
    low.set(v, n);
    n += 1;
    stack.push(v);
    on.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string | undefined;
      do {
        w = stack.pop();
        if (w === undefined) break;
        on.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of [...next.keys()].sort()) if (!index.has(v)) visit(v);
  return found;
}
