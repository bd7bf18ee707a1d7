import { packageInstalls } from '../../shell/package-installs.js';
import { withShellScripts } from '../../shell/program.js';
import { commandAt, commandsOf, imageRuns } from '../lint-helpers.js';
import { defineRule, problem, type Problem } from '../rule.js';
import { packageName } from './package-name.js';

/**
 * What DW5022 forbids when no list is given (a policy's `forbiddenPackages: true`, or `lint` with
 * the rule turned on): remote shells and SSH servers (an open door into a container), privilege
 * tools (a container should not change user), editors (images are rebuilt, never edited), and
 * debuggers and process inspectors that can attach to processes. Names as Debian, Alpine and
 * Fedora spell them.
 */
export const DEFAULT_FORBIDDEN_PACKAGES: readonly string[] = Object.freeze([
  // remote access
  'dropbear',
  'openssh',
  'openssh-server',
  'ssh',
  'telnetd',
  // privilege
  'doas',
  'sudo',
  // editors
  'emacs',
  'emacs-nox',
  'joe',
  'mg',
  'nano',
  'neovim',
  'vim',
  'vim-enhanced',
  'vim-nox',
  'vim-tiny',
  // debuggers, tracers and process inspectors
  'gdb',
  'htop',
  'ltrace',
  'strace',
]);

/**
 * DW5022: a package the policy keeps out of images, installed in a stage the final image holds.
 *
 * @example
 * ```ts
 * forbiddenPackage('openssh-server', 'app').message; // 'package "openssh-server" is installed in stage "app", which is in the final image, and the policy forbids it'
 * ```
 */
export function forbiddenPackage(name: string, stage?: string): Problem {
  return problem(
    'DW5022',
    `package "${name}" is installed in ${stage === undefined ? 'the final image' : `stage "${stage}", which is in the final image`}, and the policy forbids it`,
    `remove it from the image, or install it in a build stage only; to accept it after all, list it under forbiddenPackages: { allow: [${name}] } in the policy`,
    'install it in a build stage only; debug with docker exec tools from the host, not from the image',
  );
}

/** DW5022: policy, off unless turned on; in the stages that end up in the image. */
export const forbiddenPackageRule = defineRule({
  id: 'DW5022',
  how: 'P',
  level: 'off',
  check({ file, settings, report }) {
    const forbidden = new Set(settings.forbiddenPackages);
    for (const run of imageRuns(file)) {
      const stage = file.stages[run.stage]?.name;
      // `sh -c '...'` scripts too: the one shell reader decides what a RUN installs.
      for (const install of packageInstalls(withShellScripts(commandsOf(run)))) {
        for (const name of install.packages) {
          const bare = packageName(install.manager, name);
          if (forbidden.has(bare)) report(forbiddenPackage(bare, stage), commandAt(run, install.program.command));
        }
      }
    }
  },
});
