import { hasFlag } from '../../shell/program.js';
import type { PackageInstallCommand } from '../../shell/package-installs.js';
import { commandAt, hasVariable, installsOf, instructionsOf } from '../lint-helpers.js';
import { asTwins, defineRule, problem, type Problem } from '../rule.js';

/** hadolint's rule for each manager. */
// pnpm and yarn have no hadolint twin (DL3016 reads npm only).
const PIN_TWINS: Readonly<Record<PackageInstallCommand['manager'], readonly string[]>> = {
  'apt-get': ['DL3008'],
  apt: ['DL3008'],
  pip: ['DL3013'],
  npm: ['DL3016'],
  pnpm: [],
  yarn: [],
  apk: ['DL3018'],
  gem: ['DL3028'],
  go: ['DL3062'],
  dnf: ['DL3041'],
  microdnf: ['DL3041'],
  yum: ['DL3033'],
  zypper: ['DL3037'],
};

// Arguments that are local files or paths, or archive URLs, which carry their own version.
const NOT_A_NAME = /^(?:\.{1,2}$|\.{0,2}\/|~|[a-z]+:\/\/)|\.(?:deb|rpm|apk|whl|tar\.gz|zip|tgz|go)$/;
// A version-control URL (`git+https://host/repo`) is pinned only by a ref: `@v1.2.3` or `#v1.2.3`.
const VCS_URL = /^(?:git|hg|svn|bzr)\+[a-z]+:\/\/(?:[^@/]+@)?[^/]+\/(.*)$/;

/**
 * True when a package argument names a version for its manager: `curl=7.88.1` (apt, apk),
 * `flask==3.0.0` (pip), `left-pad@1.3.0` (npm), `golang.org/x/tools/gopls@v0.16.2` (go).
 *
 * @example
 * ```ts
 * isPinned('pip', 'flask==3.0.0'); // true
 * isPinned('apt-get', 'curl'); // false
 * ```
 */
export function isPinned(manager: PackageInstallCommand['manager'], name: string): boolean {
  const vcs = VCS_URL.exec(name);
  if (vcs !== null) return /[@#]./.test(vcs[1] as string);
  if (NOT_A_NAME.test(name) || hasVariable(name)) return true;
  switch (manager) {
    case 'apt-get':
    case 'apt':
      return /=./.test(name);
    case 'apk':
      return /[=~<>]./.test(name);
    case 'pip':
      return /(?:===?|~=|<=?|>=?|!=|@)/.test(name);
    case 'npm':
    case 'pnpm':
    case 'yarn':
      return /^@?[^@]+@(?!latest$|next$)./.test(name);
    case 'go':
      return /@(?!latest$)./.test(name);
    case 'gem':
      return /:\d/.test(name);
    case 'zypper':
      return /[=<>]|-\d/.test(name);
    default:
      // dnf, yum, microdnf: name-version (DL3041, DL3033).
      return /-\d/.test(name);
  }
}

// How to pin, per manager, in builder terms.
const PIN_HINTS: Readonly<Record<PackageInstallCommand['manager'], (name: string) => string>> = {
  'apt-get': (n) => `pin it: aptInstall(['${n}'], { versions: { '${n}': '<version>' } }); \`apt-cache policy ${n}\` shows it`,
  apt: (n) => `pin it: aptInstall(['${n}'], { versions: { '${n}': '<version>' } }); \`apt-cache policy ${n}\` shows it`,
  apk: (n) => `pin it: apkInstall(['${n}'], { versions: { '${n}': '<version>' } }); \`apk policy ${n}\` shows it`,
  dnf: (n) => `pin it: dnfInstall(['${n}'], { versions: { '${n}': '<version>-<release>' } })`,
  yum: (n) => `pin it: dnfInstall(['${n}'], { versions: { '${n}': '<version>-<release>' } })`,
  microdnf: (n) => `pin it: dnfInstall(['${n}'], { versions: { '${n}': '<version>-<release>' } })`,
  zypper: (n) => `pin it: zypper install ${n}=<version>`,
  pip: (n) => `pin it: pip install ${n}==<version>, or install from a requirements file with pinned versions (pip install -r requirements.txt)`,
  npm: (n) => `pin it: ${n}@<version>, or install from the lockfile (npm ci, pnpm install --frozen-lockfile)`,
  pnpm: (n) => `pin it: pnpm add ${n}@<version>, or install from the lockfile (pnpm install --frozen-lockfile)`,
  yarn: (n) => `pin it: yarn add ${n}@<version>, or install from the lockfile (yarn install --frozen-lockfile)`,
  gem: (n) => `pin it: gem install ${n} -v <version>`,
  go: (n) => `pin it: go install ${n}@v<version>`,
};

/**
 * DW5017: an install that takes whatever version is current, so two builds differ.
 *
 * @example
 * ```ts
 * unpinnedPackage('apt-get', 'curl').code; // 'DW5017'
 * ```
 */
export function unpinnedPackage(manager: PackageInstallCommand['manager'], name: string): Problem {
  return problem('DW5017', `${manager} installs ${name} without a version`, PIN_HINTS[manager](name), `pin it, e.g. ${manager === 'pip' ? `${name}==1.2.3` : manager === 'npm' || manager === 'pnpm' || manager === 'yarn' || manager === 'go' ? `${name}@1.2.3` : `${name}=1.2.3`}`);
}

/**
 * DW5017 (hadolint DL3008 apt, DL3013 pip, DL3016 npm, DL3018 apk, DL3028 gem, DL3062 go,
 * DL3041 dnf, DL3033 yum, DL3037 zypper): policy, off unless turned on.
 */
export const unpinnedPackageRule = defineRule({
  id: 'DW5017',
  how: 'P',
  level: 'off',
  check({ file, report }) {
    for (const run of instructionsOf(file, 'RUN')) {
      for (const install of installsOf(run)) {
        // pip -r and gem -v pin elsewhere; `npm install` with no names reads the lockfile.
        if (install.manager === 'pip' && hasFlag(install.args, '-r', '--requirement', '-c', '--constraint')) continue;
        if (install.manager === 'gem' && hasFlag(install.args, '-v', '--version')) continue;
        for (const name of install.packages) {
          if (!isPinned(install.manager, name)) report(asTwins(unpinnedPackage(install.manager, name), ...PIN_TWINS[install.manager]), commandAt(run, install.program.command));
        }
      }
    }
  },
});
