// The exact pnpm and yarn version the Node preset installs when package.json has no
// `packageManager` field: read from the lockfile's format. One table; docs/presets.md shows it.
import type { NodePackageManager } from './detect-node.js';

/** A lockfile format and the exact tool version the preset installs for it. */
export interface LockfileToolVersion {
  readonly manager: 'pnpm' | 'yarn' | 'yarn-berry';
  /** pnpm-lock.yaml `lockfileVersion`, yarn.lock's `# yarn lockfile v1`, or berry's `__metadata.version`. */
  readonly format: string;
  /** The newest release line that writes that format, pinned to an exact version. */
  readonly version: string;
}

/**
 * The table. pnpm 9 and 10 both write lockfile 9.0; 10 reads it and is the version the preset's
 * own tests use. Yarn berry: lockfile version 6 is yarn 3.2+, 8 is yarn 4.
 */
export const lockfileToolVersions: readonly LockfileToolVersion[] = Object.freeze([
  { manager: 'pnpm', format: '9.0', version: '10.34.8' },
  { manager: 'pnpm', format: '6.0', version: '8.9.2' },
  { manager: 'pnpm', format: '5.4', version: '7.9.5' },
  { manager: 'pnpm', format: '5.3', version: '6.20.2' },
  { manager: 'yarn', format: 'v1', version: '1.22.22' },
  { manager: 'yarn-berry', format: '8', version: '4.18.1' },
  { manager: 'yarn-berry', format: '6', version: '3.8.6' },
]);

/** What a lockfile says about the tool that wrote it. */
export type LockfileTool =
  | { readonly manager: NodePackageManager; readonly version: string; readonly format: string }
  | { readonly manager: NodePackageManager; readonly problem: string };

/**
 * Reads the format of a pnpm or yarn lockfile and picks the tool version from the table.
 *
 * @example
 * ```ts
 * toolFromLockfile('pnpm-lock.yaml', "lockfileVersion: '9.0'\n"); // { manager: 'pnpm', version: '10.34.8', format: '9.0' }
 * ```
 */
export function toolFromLockfile(file: string, text: string): LockfileTool | undefined {
  if (file === 'pnpm-lock.yaml') {
    const m = /^lockfileVersion:\s*['"]?([\d.]+)['"]?\s*$/m.exec(text);
    const format = m?.[1];
    if (format === undefined) return { manager: 'pnpm', problem: 'pnpm-lock.yaml has no lockfileVersion' };
    // 5.3 was written as the number 5.3; 6.0 and 9.0 as strings.
    return pick('pnpm', format.includes('.') ? format : `${format}.0`);
  }
  if (file === 'yarn.lock') {
    const berry = /^__metadata:\s*\r?\n(?:\s+.*\r?\n)*?\s+version:\s*['"]?(\d+)['"]?/m.exec(text);
    if (berry !== null) return pick('yarn-berry', berry[1] ?? '');
    if (/^__metadata:/m.test(text)) return { manager: 'yarn-berry', problem: 'yarn.lock has __metadata without a version' };
    return pick('yarn', 'v1');
  }
  return undefined;
}

function pick(manager: 'pnpm' | 'yarn' | 'yarn-berry', format: string): LockfileTool {
  const row = lockfileToolVersions.find((r) => r.manager === manager && r.format === format);
  if (row === undefined) {
    const known = lockfileToolVersions.filter((r) => r.manager === manager).map((r) => r.format).join(', ');
    return { manager, problem: `lockfile format ${format} is not one the preset knows (${known})` };
  }
  return { manager, version: row.version, format };
}
