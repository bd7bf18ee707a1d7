/**
 * The stable table of Dockwright error codes. A code never changes meaning once released;
 * new problems get new codes. `twins` names the hadolint rule or BuildKit build check that
 * finds the same problem in a written Dockerfile.
 */
export interface CodeInfo {
  /** One line saying what is wrong, used in docs and lint output. */
  readonly title: string;
  /** The hadolint (`DLxxxx`) or BuildKit check names of the same rule, if any. */
  readonly twins: readonly string[];
}

const table = {
  // Reading a written Dockerfile (parseDockerfile)
  DW0001: { title: 'Dockerfile without instructions', twins: [] },
  DW0002: { title: 'line longer than BuildKit reads (64 KiB)', twins: [] },
  DW0003: { title: 'malformed or repeated parser directive', twins: [] },
  DW0004: { title: 'unknown instruction', twins: [] },
  DW0005: { title: 'malformed instruction arguments', twins: [] },
  DW0006: { title: 'heredoc without its closing delimiter', twins: [] },
  DW0007: { title: 'malformed flag', twins: [] },
  DW0008: { title: 'empty line inside a continued instruction', twins: ['NoEmptyContinuation'] },
  DW0009: { title: 'formatting would change the meaning', twins: [] },
  DW0010: { title: 'instruction ending in the escape character cannot be formatted', twins: [] },
  DW0011: { title: 'imported instruction kept as raw()', twins: [] },
  DW0012: { title: 'instruction left out of an import', twins: [] },
  // Images and supply chain
  DW1001: { title: 'image without a tag or digest', twins: ['DL3006'] },
  DW1002: { title: 'image with the floating `latest` tag', twins: ['DL3007'] },
  DW1003: { title: 'malformed image reference', twins: [] },
  DW1004: { title: 'malformed digest (want sha256: and 64 hex digits)', twins: [] },
  DW1005: { title: 'constant or redundant FROM --platform', twins: ['FromPlatformFlagConstDisallowed', 'RedundantTargetPlatform', 'DL3029', 'DL3065'] },
  DW1006: { title: 'ARG in FROM without a valid default', twins: ['InvalidDefaultArgInFrom', 'UndefinedArgInFrom'] },
  DW1007: { title: 'FROM modifier not right after from()', twins: [] },
  DW1008: { title: 'pinned `# syntax` too old for the features used', twins: [] },
  DW1009: { title: 'image from a registry the policy does not allow', twins: ['DL3026'] },
  DW1010: { title: 'base image not pinned by digest', twins: [] },
  DW1011: { title: '`# syntax` frontend not pinned', twins: [] },
  DW1012: { title: 'image cannot be locked (no literal tag, or already pinned)', twins: [] },
  DW1013: { title: 'locked image missing from the lockfile', twins: [] },
  DW1014: { title: 'malformed lockfile', twins: [] },
  // Stages
  DW2001: { title: 'stage name not lowercase or with invalid characters', twins: ['StageNameCasing'] },
  DW2002: { title: 'reserved stage name', twins: ['ReservedStageName', 'DL3063'] },
  DW2003: { title: 'two different stages with one name', twins: ['DL3024', 'DuplicateStageName'] },
  DW2004: { title: 'stage refers to itself', twins: ['DL3023'] },
  DW2005: { title: 'COPY of a whole stage filesystem', twins: ['DL3067'] },
  DW2006: { title: 'stage without FROM', twins: ['DL3061'] },
  DW2007: { title: 'stage dependency cycle or unknown stage', twins: ['DL3022'] },
  DW2008: { title: 'build tools in the runtime stage', twins: [] },
  DW2009: { title: '`AS` not in the case of its `FROM`', twins: ['FromAsCasing'] },
  // Users and privileges
  DW3001: { title: 'final stage runs as root', twins: ['DL3002'] },
  DW3002: { title: 'malformed user or group', twins: [] },
  DW3003: { title: 'cannot create a user on this base image', twins: [] },
  DW3004: { title: '`chown: true` with no user set', twins: [] },
  DW3005: { title: '`sudo` in RUN', twins: ['DL3004'] },
  DW3006: { title: '`useradd` without `-l` (a high uid fills the lastlog file)', twins: ['DL3046'] },
  DW3007: { title: 'non-numeric USER in the final stage', twins: ['DL3066'] },
  DW3008: { title: 'final stage runs as root where the policy forbids root', twins: ['DL3002'] },
  // Secrets
  DW4001: { title: 'secret-looking ARG or ENV name', twins: ['SecretsUsedInArgOrEnv', 'DL3064'] },
  DW4002: { title: 'malformed secret mount', twins: [] },
  DW4003: { title: 'secret file copied into the image', twins: [] },
  // RUN, layers, packages
  DW5001: { title: '`withCleanup()` found no package manager command', twins: [] },
  DW5002: { title: '`withCleanup()` on an exec-form RUN', twins: [] },
  DW5003: { title: 'malformed package name or version', twins: [] },
  DW5004: { title: '`<<` in a one-line RUN reads as a heredoc', twins: [] },
  DW5005: { title: 'RUN modifier not right after run()', twins: [] },
  DW5006: { title: 'malformed mount', twins: [] },
  DW5007: { title: 'empty command', twins: [] },
  DW5008: { title: 'shell command in a stage without a shell', twins: [] },
  DW5009: { title: '`apt-get install` without `-y`', twins: ['DL3014'] },
  DW5010: { title: '`apt-get install` without `--no-install-recommends`', twins: ['DL3015'] },
  DW5011: { title: 'apt lists not removed in the RUN that fetched them', twins: ['DL3009'] },
  DW5012: { title: '`apt` instead of `apt-get` in a script', twins: ['DL3027'] },
  DW5013: { title: '`apk add` without `--no-cache`', twins: ['DL3019'] },
  DW5014: { title: 'dnf, yum, microdnf or zypper install without `-y`', twins: ['DL3030', 'DL3034', 'DL3038'] },
  DW5015: { title: 'dnf, yum, microdnf or zypper install without a clean in the same RUN', twins: ['DL3032', 'DL3036', 'DL3040'] },
  DW5016: { title: '`pip install` without `--no-cache-dir`', twins: ['DL3042'] },
  DW5017: { title: 'package installed without a pinned version', twins: ['DL3008', 'DL3013', 'DL3016', 'DL3018', 'DL3028', 'DL3062', 'DL3041', 'DL3033', 'DL3037'] },
  DW5018: { title: 'consecutive RUNs that could be one', twins: ['DL3059'] },
  DW5019: { title: 'pipe without `pipefail`', twins: ['DL4006'] },
  DW5020: { title: '`cd` in RUN instead of WORKDIR', twins: ['DL3003'] },
  DW5021: { title: 'both curl and wget in one image', twins: ['DL4001'] },
  DW5022: { title: 'remote shell, editor or debugger installed', twins: [] },
  DW5023: { title: '`yarn install` without `yarn cache clean`', twins: ['DL3060'] },
  DW5024: { title: '/bin/sh replaced by a link instead of SHELL', twins: ['DL4005'] },
  DW5025: { title: '`wget` without `--progress`', twins: ['DL3047'] },
  DW5026: { title: '`zypper dist-upgrade`', twins: ['DL3035'] },
  // Instructions
  DW6001: { title: 'shell-form CMD, ENTRYPOINT or HEALTHCHECK', twins: ['DL3025', 'JSONArgsRecommended'] },
  DW6002: { title: 'second CMD, ENTRYPOINT or HEALTHCHECK in a stage', twins: ['DL4003', 'DL4004', 'DL3012', 'MultipleInstructionsDisallowed'] },
  DW6003: { title: 'ADD of a local file', twins: ['DL3020'] },
  DW6004: { title: 'relative WORKDIR', twins: ['DL3000', 'WorkdirRelativePath'] },
  DW6005: { title: 'several COPY sources to a destination not ending in /', twins: ['DL3021'] },
  DW6006: { title: 'relative COPY destination with no WORKDIR', twins: ['DL3045'] },
  DW6007: { title: 'port out of range or malformed EXPOSE', twins: ['DL3011', 'ExposeProtoCasing', 'ExposeInvalidFormat'] },
  DW6008: { title: 'MAINTAINER is deprecated', twins: ['DL4000', 'MaintainerDeprecated'] },
  DW6009: { title: 'malformed ENV or ARG name', twins: [] },
  DW6010: { title: 'malformed label key', twins: ['DL3048'] },
  DW6011: { title: 'ENV value refers to a variable set in the same ENV', twins: ['DL3044'] },
  DW6012: { title: 'malformed duration', twins: [] },
  DW6013: { title: 'malformed stop signal', twins: [] },
  DW6014: { title: 'malformed path', twins: [] },
  DW6015: { title: 'malformed file mode', twins: [] },
  DW6016: { title: 'instruction not allowed in ONBUILD', twins: ['DL3043'] },
  DW6017: { title: 'remote ADD without a valid checksum', twins: [] },
  DW6018: { title: 'malformed raw instruction', twins: [] },
  DW6019: { title: 'required label missing', twins: ['DL3049'] },
  DW6020: { title: 'no HEALTHCHECK in the final stage', twins: ['DL3057'] },
  DW6021: { title: 'label not of the form the label schema gives', twins: ['DL3050', 'DL3051', 'DL3052', 'DL3053', 'DL3054', 'DL3055', 'DL3056', 'DL3058'] },
  DW6022: { title: 'legacy `ENV key value` or `LABEL key value`', twins: ['LegacyKeyValueFormat'] },
  DW6023: { title: 'instructions written in more than one case', twins: ['ConsistentInstructionCasing'] },
  DW6024: { title: 'archive copied in and extracted by a RUN', twins: ['DL3010'] },
  DW6025: { title: 'COPY or ADD of a file the .dockerignore excludes', twins: ['CopyIgnoredFile'] },
  // Text and escaping
  DW7001: { title: 'control character or line break in a one-line value', twins: [] },
  DW7002: { title: 'line longer than BuildKit reads (64 KiB)', twins: [] },
  DW7003: { title: 'text that would join or hide the next line', twins: [] },
  DW7004: { title: 'value not allowed in a --mount option', twins: [] },
  // Variables
  DW8001: { title: 'variable used where its ARG is not declared', twins: ['UndefinedVar', 'UndefinedArgInFrom'] },
  DW8002: { title: 'two ARGs with one name and different defaults', twins: [] },
  // Options and escape hatches
  DW9001: { title: 'invalid dockerfile() option', twins: [] },
  DW9002: { title: 'escape hatch without a reason', twins: [] },
  DW9003: { title: 'project not understood by a preset', twins: [] },
  DW9004: { title: 'suppression comment that names no known rule', twins: [] },
  DW9005: { title: 'argument of the wrong kind, out of range, or an unknown option', twins: [] },
} as const satisfies Record<string, CodeInfo>;

/** A stable Dockwright error code, such as `DW3001`. */
export type DockwrightCode = keyof typeof table;

/**
 * Every Dockwright code with its title and hadolint / BuildKit twins.
 *
 * @example
 * ```ts
 * import { codes } from '@dockwright/core';
 * codes.DW3001.title; // 'final stage runs as root'
 * ```
 */
export const codes: Readonly<Record<DockwrightCode, CodeInfo>> = Object.freeze(table);
