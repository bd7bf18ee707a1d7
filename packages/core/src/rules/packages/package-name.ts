import type { InstallManager } from '../../shell/package-installs.js';

/**
 * The name of the package an install argument names, without its version, architecture,
 * release or extras, as its manager reads it: `curl=7.88.1` and `libc6:amd64` (apt),
 * `flask[async]==3.0.0` (pip), `@scope/tool@1.2.0` (npm, pnpm, yarn), `gopls@v0.16.2` (go).
 * Every rule that matches packages by name (DW2008, DW5022) asks this one function.
 *
 * @example
 * ```ts
 * packageName('npm', '@scope/tool@1.2.0'); // '@scope/tool'
 * packageName('apt-get', 'libc6:amd64=2.36-9'); // 'libc6'
 * ```
 */
export function packageName(manager: InstallManager, spec: string): string {
  const cut = (pattern: RegExp) => spec.split(pattern)[0] || spec;
  switch (manager) {
    case 'apt-get':
    case 'apt':
      // name[:arch][=version] or name/release
      return cut(/[=:/]/);
    case 'apk':
      return cut(/[=~<>]/);
    case 'pip':
      return cut(/[=<>~!@[;\s]/);
    case 'npm':
    case 'pnpm':
    case 'yarn':
      // A scope's leading `@` is part of the name; the next `@` starts the version.
      return /^@?[^@]+/.exec(spec)?.[0] ?? spec;
    case 'go':
      return cut(/@/);
    case 'gem':
      return cut(/:/);
    default:
      // dnf, yum, microdnf, zypper: name, name-version or a comparison.
      return cut(/[=<>]/);
  }
}
