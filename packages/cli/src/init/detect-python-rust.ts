import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { isDockwrightError } from '@dockwright/core';
import { detectPython, detectRust, type PythonProject, type RustProject } from '@dockwright/presets';

/** A Python app or a Rust crate `init` writes targets for. */
export type PythonOrRust =
  | { readonly kind: 'python'; readonly dir: string; readonly project: PythonProject }
  | { readonly kind: 'rust'; readonly dir: string; readonly project: RustProject };

/** A directory left out, and whether its subdirectories may still hold projects (a Cargo workspace's members). */
export interface LeftOut {
  readonly dir: string;
  readonly reason: string;
  readonly descend?: boolean;
}

const PYTHON_FILES = ['pyproject.toml', 'requirements.txt', 'uv.lock', 'poetry.lock'];

/**
 * A Rust crate (`Cargo.toml` with at least one binary) or a Python app (any of pyproject.toml,
 * requirements.txt, uv.lock, poetry.lock) in `dir`, read with the presets' own detection;
 * undefined when there is neither; a `LeftOut` with the reason when there is one but no target.
 *
 * @example
 * ```ts
 * detectPythonOrRust('/repo/api', 'api')?.kind; // 'python'
 * ```
 */
export function detectPythonOrRust(dir: string, shown: string): PythonOrRust | LeftOut | undefined {
  try {
    if (existsSync(join(dir, 'Cargo.toml'))) {
      const project = detectRust(dir);
      if (project.binaries.length === 0) return { dir: shown, reason: `crate ${project.name} has no binary: a library` };
      return { kind: 'rust', dir, project };
    }
    if (PYTHON_FILES.some((f) => existsSync(join(dir, f)))) return { kind: 'python', dir, project: detectPython(dir) };
  } catch (error) {
    if (!isDockwrightError(error)) throw error;
    const reason = error.issues[0]?.message ?? error.message;
    // A Cargo workspace root: its members are below it.
    return { dir: shown, reason, descend: existsSync(join(dir, 'Cargo.toml')) };
  }
  return undefined;
}
