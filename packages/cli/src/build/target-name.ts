import { basename, dirname, relative, sep } from 'node:path';
import { targetFilePattern } from '../targets/discover-targets.js';

/** Module names that say nothing of what they build: the directory names the target instead. */
const GENERIC = new Set(['service', 'app', 'image', 'docker', 'dockerfile', 'index', 'build', '']);

/** Lower case, and `[a-z0-9_-]` only: a bake target name, and the `{name}` of a tag. */
function clean(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9_-]+/g, '-').replace(/^[-_]+|[-_]+$/g, '') || 'app';
}

/** The name a Dockerfile of a target goes by before names are made unique. */
function baseName(module: string, dockerfile: string, root: string): string {
  const file = basename(module).replace(targetFilePattern, '').replace(/\.(?:ts|mts|js|mjs)$/, '');
  const own = GENERIC.has(file.toLowerCase()) ? basename(dirname(module) === root ? root : dirname(module)) : file;
  // `Dockerfile.debug` or `debug.Dockerfile` beside the main one: `api-debug`; `Dockerfile.api` of `api.dockerfile.ts`: `api`.
  const name = basename(dockerfile);
  const variant = name === 'Dockerfile' ? '' : name.replace(/^Dockerfile\.|\.Dockerfile$/gi, '');
  return clean(variant === '' || variant === name || variant === own ? own : `${own}-${variant}`);
}

/**
 * A short, unique name for each Dockerfile of a run, used by `dockwright build` (its lines,
 * `{name}` in tags) and as the target's name in the bake file: the module's name without
 * `.dockerfile.ts`, or its directory's when the module is `service.dockerfile.ts` (or `app`,
 * `image`, ...); a Dockerfile other than `Dockerfile` adds its suffix (`api-debug`). Names that
 * would repeat are spelled out with their path from `root` (`services-api`, `tools-api`).
 *
 * @example
 * ```ts
 * targetNames([{ module: '/r/services/api/service.dockerfile.ts', dockerfile: '/r/services/api/Dockerfile' }], '/r'); // ['api']
 * ```
 */
export function targetNames(items: readonly { readonly module: string; readonly dockerfile: string }[], root: string): string[] {
  const repeated = (names: readonly string[], i: number) => names.indexOf(names[i] ?? '') !== names.lastIndexOf(names[i] ?? '');
  const first = items.map((i) => baseName(i.module, i.dockerfile, root));
  const spelled = first.map((name, i) => {
    if (!repeated(first, i)) return name;
    const dir = dirname(items[i]?.module ?? root);
    const path = relative(root, dir).split(sep).join('-');
    if (path === '') return name;
    // A name taken from the directory is spelled as the directory's path: `services-api`, `services-api-debug`.
    const own = clean(basename(dir));
    return name === own || name.startsWith(`${own}-`) ? clean(`${path}${name.slice(own.length)}`) : clean(`${path}-${name}`);
  });
  // Still repeated (two entries of one module with one name): numbered in order.
  return spelled.map((name, i) => (repeated(spelled, i) ? `${name}-${spelled.slice(0, i + 1).filter((n) => n === name).length}` : name));
}
