import { splitImageRef } from '../../images/image-name.js';
import { packageInstalls, type InstallManager } from '../../shell/package-installs.js';
import { withShellScripts } from '../../shell/program.js';
import { commandAt, commandsOf, finalStage, imageReferences, imageRuns, imageStages } from '../lint-helpers.js';
import { defineRule, problem, type Problem } from '../rule.js';
import { packageName } from './package-name.js';

/**
 * What DW2008 counts as a build tool when no list is given: compilers, build systems, version
 * control, and header packages (`*-dev` on Debian and Alpine, `*-devel` on Fedora). An entry
 * `*-suffix` matches by suffix; an entry `!name` takes a name out again (a policy's `allow`).
 */
export const DEFAULT_BUILD_TOOLS: readonly string[] = Object.freeze([
  '*-dev',
  '*-devel',
  'autoconf',
  'automake',
  'build-base',
  'build-essential',
  'cargo',
  'clang',
  'cmake',
  'g++',
  'gcc',
  'gcc-c++',
  'git',
  'go',
  'golang',
  'gradle',
  'libtool',
  'make',
  'maven',
  'meson',
  'ninja-build',
  'pkg-config',
  'pkgconf',
  'rustc',
]);

/** Base images that are toolchains (the last part of the name): a final image on one ships the whole toolchain. */
export const DEFAULT_BUILD_IMAGES: readonly string[] = Object.freeze(['buildpack-deps', 'gcc', 'golang', 'gradle', 'maven', 'rust']);

// The managers that install into the image's operating system.
const OS_MANAGERS: ReadonlySet<InstallManager> = new Set(['apt-get', 'apt', 'apk', 'dnf', 'yum', 'microdnf', 'zypper']);

/**
 * True when a package name is a build tool by the list: named, matched by a `*-suffix` entry,
 * and not taken out by a `!name` entry.
 *
 * @example
 * ```ts
 * isBuildTool('libssl-dev', DEFAULT_BUILD_TOOLS); // true
 * isBuildTool('libssl-dev', [...DEFAULT_BUILD_TOOLS, '!libssl-dev']); // false
 * ```
 */
export function isBuildTool(name: string, tools: readonly string[]): boolean {
  if (tools.includes(`!${name}`)) return false;
  return tools.some((t) => t === name || (t.startsWith('*') && name.endsWith(t.slice(1))));
}

/**
 * DW2008: a build tool in the final image: a package (`"gcc"`) or a toolchain base image
 * (`image "golang:1.23"`), in a stage whose layers the final image holds.
 *
 * @example
 * ```ts
 * buildTool('"gcc"').message; // 'build tool "gcc" is in the final image'
 * ```
 */
export function buildTool(what: string): Problem {
  return problem(
    'DW2008',
    `build tool ${what} is in the final image`,
    'build in a stage of its own and copy only what it builds into the final stage, on a small runtime image (debian slim, distroless, scratch)',
    'build in a stage of its own (FROM ... AS build) and COPY --from=build only what it builds into the final stage',
  );
}

/** DW2008: policy, off unless turned on; the stages of the final image, never build stages. */
export const buildToolsRule = defineRule({
  id: 'DW2008',
  how: 'P',
  level: 'off',
  check({ file, settings, report }) {
    const inImage = imageStages(file);
    for (const ref of imageReferences(file)) {
      if (ref.place !== 'FROM' || !inImage.has(ref.stage.index) || ref.ref === undefined) continue;
      const last = splitImageRef(ref.ref).name.toLowerCase().split('/').at(-1) ?? '';
      if (settings.buildImages.includes(last)) report(buildTool(`image "${ref.ref}"`), ref.instruction.position);
    }
    if (finalStage(file) === undefined) return;
    for (const run of imageRuns(file)) {
      for (const install of packageInstalls(withShellScripts(commandsOf(run)))) {
        if (!OS_MANAGERS.has(install.manager)) continue;
        for (const name of install.packages) {
          const bare = packageName(install.manager, name);
          if (isBuildTool(bare, settings.buildTools)) report(buildTool(JSON.stringify(bare)), commandAt(run, install.program.command));
        }
      }
    }
  },
});
