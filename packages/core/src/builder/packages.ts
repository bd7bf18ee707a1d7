import type { RunStep } from '../ast/instructions.js';
import type { DockwrightIssue } from '../errors/issue.js';
import { issue } from '../errors/issue.js';
import { checkArgument, checkOptions, spec } from '../validate/arguments.js';
import { PACKAGE_NAME, PACKAGE_VERSION } from '../validate/values.js';

const AT_RUN = { instruction: 'RUN' } as const;
import { applyCleanup, type CacheMode } from './cleanup.js';
import type { MountValue } from './mounts.js';

/** An OS package install, ready for `run()`: sorted list, version pins, cleanup in the same layer. */
export interface PackageInstall {
  readonly kind: 'PackageInstall';
  readonly manager: 'apt' | 'apk' | 'dnf';
  readonly steps: readonly RunStep[];
  readonly mounts: readonly MountValue[];
  readonly issues: readonly DockwrightIssue[];
}

/** Options of the install helpers. */
export interface InstallOptions {
  /** Exact versions by package name, e.g. `{ curl: '7.88.1-10+deb12u8' }`. */
  readonly versions?: Readonly<Record<string, string>>;
  /** `clean` (default): remove caches in the same RUN. `mount`: keep them in cache mounts instead. */
  readonly cache?: CacheMode;
}

function make(manager: 'apt' | 'apk' | 'dnf', head: string, separator: string, packages: readonly string[], options: InstallOptions): PackageInstall {
  const call = `${manager}Install()`;
  const refused = [
    checkArgument(call, 'the packages', packages, spec.arrayOf(spec.string, 'an array of package names'), AT_RUN, `pass the names: ${call.slice(0, -1)}['curl'])`),
    ...checkOptions(call, options, { versions: spec.recordOf(spec.string), cache: spec.oneOf('clean', 'mount') }, AT_RUN),
  ].filter((i): i is DockwrightIssue => i !== undefined);
  if (refused.length > 0) return Object.freeze({ kind: 'PackageInstall', manager, steps: [{ kind: 'Command' as const, text: 'true' }], mounts: [], issues: refused });
  const issues: DockwrightIssue[] = [];
  const versions = options.versions ?? {};
  for (const name of [...packages, ...Object.keys(versions)]) {
    if (!PACKAGE_NAME.test(name)) {
      issues.push(issue('DW5003', `${JSON.stringify(name)} is not a valid ${manager} package name`, 'package names are lowercase letters, digits and + . _ -', { instruction: 'RUN' }));
    }
  }
  for (const [name, version] of Object.entries(versions)) {
    if (!PACKAGE_VERSION.test(version)) {
      issues.push(issue('DW5003', `version ${JSON.stringify(version)} of ${name} is not a valid version`, 'write the version as the package manager prints it, e.g. 7.88.1-10+deb12u8', { instruction: 'RUN' }));
    }
    if (!packages.includes(name)) {
      issues.push(issue('DW5003', `a version is given for ${name}, which is not in the package list`, `add ${name} to the list or drop its version`, { instruction: 'RUN' }));
    }
  }
  if (packages.length === 0) issues.push(issue('DW5007', `${manager} install of no packages`, 'list at least one package', { instruction: 'RUN' }));
  const words = packages.map((p) => (versions[p] === undefined ? p : `${p}${separator}${versions[p]}`));
  const result = applyCleanup([{ kind: 'Command', text: [head, ...words].join(' ') }], options.cache ?? 'clean');
  return Object.freeze({ kind: 'PackageInstall', manager, steps: result.steps, mounts: result.mounts, issues });
}

/**
 * `apt-get update`, install with `-y --no-install-recommends`, and the lists removed, in one RUN.
 *
 * @example
 * ```ts
 * stage('runtime').from(debian).run(aptInstall(['ca-certificates', 'tini'], { versions: { tini: '0.19.0-1' } }));
 * ```
 */
export function aptInstall(packages: readonly string[], options: InstallOptions = {}): PackageInstall {
  return make('apt', 'apt-get install', '=', packages, options);
}

/**
 * `apk add --no-cache` with a sorted package list.
 *
 * @example
 * ```ts
 * stage('runtime').from(alpine).run(apkInstall(['ca-certificates', 'tzdata']));
 * ```
 */
export function apkInstall(packages: readonly string[], options: InstallOptions = {}): PackageInstall {
  return make('apk', 'apk add', '=', packages, options);
}

/**
 * `dnf install -y` without weak dependencies, then `dnf clean all`, in one RUN.
 *
 * @example
 * ```ts
 * stage('runtime').from(fedora).run(dnfInstall(['shadow-utils']));
 * ```
 */
export function dnfInstall(packages: readonly string[], options: InstallOptions = {}): PackageInstall {
  return make('dnf', 'dnf install', '-', packages, options);
}
