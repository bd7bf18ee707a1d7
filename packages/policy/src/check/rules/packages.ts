import type { DockwrightIssue, IssuePath, StageNode } from '@dockwright/core';
import { issue } from '../issue.js';
import { installsOf, installsOfText, isOsManager, type InstallCommand, type Manager } from '../installs.js';
import { imageText, policyName, type PolicyRuleCheck } from '../rule-context.js';
import { located } from '../walk.js';

/** Every install command of a stage, with the RUN it is in (raw `RUN` lines included). */
export function stageInstalls(stage: StageNode): { install: InstallCommand; path: IssuePath }[] {
  return located(stage).flatMap(({ node, path }) => {
    if (node.kind === 'Run') return installsOf(node).map((install) => ({ install, path }));
    if (node.kind === 'Raw' && /^RUN\s/i.test(node.text)) return installsOfText(node.text.replace(/^RUN\s+(--\S+\s+)*/i, '')).map((install) => ({ install, path }));
    return [];
  });
}

const PIN_HINTS: Readonly<Record<Manager, (names: readonly string[]) => string>> = {
  apt: (n) => `pin each version: aptInstall([${n.map((x) => `'${x}'`).join(', ')}], { versions: { ${n[0]}: '<version>' } }); \`apt-cache policy ${n[0]}\` shows it`,
  apk: (n) => `pin each version: apkInstall([${n.map((x) => `'${x}'`).join(', ')}], { versions: { ${n[0]}: '<version>' } }); \`apk policy ${n[0]}\` shows it`,
  dnf: (n) => `pin each version: dnfInstall([${n.map((x) => `'${x}'`).join(', ')}], { versions: { ${n[0]}: '<version>-<release>' } })`,
  zypper: (n) => `pin each version: zypper install ${n[0]}=<version>`,
  pip: (n) => `pin each version: pip install ${n[0]}==<version>, or install from a requirements file with pinned versions (pip install -r requirements.txt)`,
  npm: (n) => `pin each version: ${n[0]}@<version>, or install from the lockfile (npm ci, pnpm install --frozen-lockfile)`,
  gem: (n) => `pin each version: gem install ${n[0]} -v <version>`,
  go: (n) => `pin each version: go install ${n[0]}@v<version>`,
};

const COMMANDS: Readonly<Record<Manager, string>> = { apt: 'apt-get install', apk: 'apk add', dnf: 'dnf install', zypper: 'zypper install', pip: 'pip install', npm: 'npm install', gem: 'gem install', go: 'go install' };

/**
 * DW5017: packages installed in any stage name their version (apt, apk, dnf/yum, zypper, pip,
 * npm/pnpm/yarn, gem, go install), so a rebuild installs the same thing. One problem per
 * install command, naming every unpinned package.
 *
 * @example
 * ```ts
 * checkPinnedPackages(context); // [{ code: 'DW5017', message: 'apt-get install of curl, tini without pinned versions', ... }]
 * ```
 */
export const checkPinnedPackages: PolicyRuleCheck = ({ ast }) =>
  ast.stages.flatMap((stage) =>
    stageInstalls(stage).flatMap(({ install, path }) => {
      const loose = install.packages.filter((p) => !p.pinned).map((p) => p.name);
      if (loose.length === 0) return [];
      const noun = loose.length === 1 ? 'a pinned version' : 'pinned versions';
      return [issue('DW5017', `${COMMANDS[install.manager]} of ${loose.join(', ')} without ${noun}`, PIN_HINTS[install.manager](loose), path)];
    }),
  );

/** The OS packages installed in the stages of the final image, each with where. */
function imagePackages(stages: readonly StageNode[]): { name: string; word: string; path: IssuePath }[] {
  return stages.flatMap((stage) => stageInstalls(stage).flatMap(({ install, path }) => (isOsManager(install.manager) ? install.packages.map((p) => ({ name: p.name, word: p.word, path })) : [])));
}

/**
 * DW5022: the final image installs none of the forbidden packages (SSH servers, sudo, editors,
 * debuggers by default).
 *
 * @example
 * ```ts
 * checkForbiddenPackages(context); // [{ code: 'DW5022', message: 'package "sudo" is installed in stage "app", and the policy forbids it', ... }]
 * ```
 */
export const checkForbiddenPackages: PolicyRuleCheck = ({ imageStages, policy }) => {
  const forbidden = new Set(policy.forbiddenPackages);
  return imagePackages(imageStages)
    .filter((p) => forbidden.has(p.name) || forbidden.has(p.word))
    .map((p) =>
      issue(
        'DW5022',
        `package "${p.name}" is installed in stage "${p.path.stage ?? ''}", which is in the final image, and the policy forbids it`,
        `remove it from the image; to accept it after all, list it under forbiddenPackages: { allow: [${p.name}] } in ${policyName(policy)}`,
        p.path,
      ),
    );
};

/** True for a build tool: listed, or a header package (`-dev`, `-devel`). */
function isBuildTool(name: string, tools: ReadonlySet<string>, headers: boolean): boolean {
  return tools.has(name) || (headers && /-(dev|devel)$/.test(name));
}

/**
 * DW2008: no build tools in the final image: no compiler, build system, git or header package
 * installed in its stages, and no toolchain image (golang, rust, ...) under it.
 *
 * @example
 * ```ts
 * checkBuildTools(context); // [{ code: 'DW2008', message: 'build tool "gcc" is installed in stage "app", which is in the final image', ... }]
 * ```
 */
export const checkBuildTools: PolicyRuleCheck = ({ final, imageStages, policy }) => {
  const tools = new Set(policy.buildTools);
  const settings = policy.settings.forbidBuildTools;
  const allowed = new Set(typeof settings === 'object' ? (settings.allow ?? []) : []);
  // Header packages count unless the defaults are off.
  const headers = !(typeof settings === 'object' && settings.defaults === false);
  const found: DockwrightIssue[] = [];
  const base = imageStages[0];
  if (base?.from.base.kind === 'ImageRef') {
    const ref = base.from.base;
    const last = ref.name.toLowerCase().split('/').at(-1) ?? '';
    if (policy.buildImages.includes(last)) {
      found.push(
        issue(
          'DW2008',
          `the final image is built on ${imageText(ref)}, a toolchain image`,
          `build in a stage on ${imageText(ref)} and copy only the result into the final stage "${final.name}", on a small runtime image (debian slim, distroless, scratch)`,
          { stage: base.name, instruction: 'FROM' },
        ),
      );
    }
  }
  for (const p of imagePackages(imageStages)) {
    if (allowed.has(p.name) || !isBuildTool(p.name, tools, headers)) continue;
    found.push(
      issue(
        'DW2008',
        `build tool "${p.name}" is installed in stage "${p.path.stage ?? ''}", which is in the final image`,
        `install it in a build stage and copy only what it builds into "${final.name}"; to accept it after all, list it under forbidBuildTools: { allow: [${p.name}] } in ${policyName(policy)}`,
        p.path,
      ),
    );
  }
  return found;
};
