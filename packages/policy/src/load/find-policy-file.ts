// Finding the policy file needs only the file system, not the schema: `@dockwright/policy/find`
// loads this module alone, so a project without a policy never loads zod or yaml.
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The file name `findPolicyFile` looks for, and the one a package name in `extends` means. */
export const POLICY_FILE = 'dockwright.policy.yaml';

// No exception for a missing file: most directories a monorepo's targets walk through have none.
function isFile(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false;
  }
}

/**
 * The nearest `dockwright.policy.yaml`: in `dir`, else in its parent, and so on, stopping after
 * the repository root (a directory holding `.git`) or at `stopAt`. Undefined when there is none.
 *
 * @example
 * ```ts
 * findPolicyFile('/repo/services/api'); // '/repo/dockwright.policy.yaml'
 * ```
 */
export function findPolicyFile(dir: string, stopAt?: string): string | undefined {
  for (let current = resolve(dir); ; current = dirname(current)) {
    const candidate = join(current, POLICY_FILE);
    if (isFile(candidate)) return candidate;
    if (existsSync(join(current, '.git')) || (stopAt !== undefined && resolve(stopAt) === current) || dirname(current) === current) return undefined;
  }
}
