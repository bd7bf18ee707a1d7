/** What a CLI code is about, and the exit code it leads to. */
export interface CliCodeInfo {
  readonly title: string;
  /** 1: a target failed (the other targets still ran) or a lock failed; 2: usage or configuration, nothing ran. */
  readonly exit: 1 | 2;
}

const table = {
  // Usage: exit 2, nothing is rendered.
  DWC1001: { title: 'unknown command', exit: 2 },
  DWC1002: { title: 'unknown option', exit: 2 },
  DWC1003: { title: 'missing or invalid argument', exit: 2 },
  DWC1004: { title: 'path not found', exit: 2 },
  DWC1005: { title: 'no targets found', exit: 2 },
  DWC1006: { title: 'no Dockerfile found to lint or format', exit: 2 },
  // Configuration: exit 2, nothing is rendered.
  DWC2001: { title: 'configuration file failed to load', exit: 2 },
  DWC2002: { title: 'invalid configuration', exit: 2 },
  DWC2003: { title: 'configured target matches no file', exit: 2 },
  // Targets: exit 1, the other targets are still processed.
  DWC3001: { title: 'target module failed to load or threw', exit: 1 },
  DWC3002: { title: 'target exports something that is not a Dockerfile', exit: 1 },
  DWC3003: { title: 'two targets write the same file', exit: 1 },
  DWC3004: { title: 'file could not be written or read', exit: 1 },
  DWC3005: { title: 'Dockerfile could not be rendered', exit: 1 },
  // A warning from `render`, a failure of `render --check`.
  DWC3006: { title: 'generated file whose target module is gone or no longer writes it', exit: 1 },
  // Lock: registries and the lockfile. Exit 1, and the lockfile is left as it was.
  DWC4001: { title: 'registry refused the credentials (401/403)', exit: 1 },
  DWC4002: { title: 'image or tag not found in the registry (404)', exit: 1 },
  DWC4003: { title: 'registry unreachable', exit: 1 },
  DWC4004: { title: 'registry did not answer in time', exit: 1 },
  DWC4005: { title: 'registry error or unusable answer', exit: 1 },
  DWC4006: { title: 'image does not cover the required platforms', exit: 1 },
  DWC4007: { title: 'locked image missing from the lockfile', exit: 1 },
  DWC4008: { title: 'tag now points to another digest than the lockfile records', exit: 1 },
  DWC4009: { title: 'lockfile entry that no target uses', exit: 1 },
  DWC4010: { title: 'lockfile could not be read', exit: 2 },
  // Build and bake: the engine. Exit 1, the other targets still build; 2 when nothing could start.
  DWC5001: { title: 'the docker client could not be run', exit: 1 },
  DWC5002: { title: 'the Docker engine did not answer', exit: 1 },
  DWC5003: { title: 'the build failed', exit: 1 },
  DWC5004: { title: 'the push failed', exit: 1 },
  DWC5005: { title: 'not built: a target whose image it uses failed', exit: 1 },
  DWC5006: { title: 'the builder cannot do what was asked', exit: 2 },
  DWC5007: { title: 'the bake file is missing or out of date', exit: 1 },
  // Init.
  DWC6001: { title: 'no project found to write a target for', exit: 2 },
  DWC6002: { title: 'the file is there: init left it as it is', exit: 1 },
  DWC6003: { title: 'a hand-written Dockerfile that render would replace (a warning)', exit: 1 },

} as const satisfies Record<string, CliCodeInfo>;

/** A stable code of a CLI problem, such as `DWC3002`. Problems found by core keep their `DW` codes. */
export type CliCode = keyof typeof table;

/**
 * The CLI's own codes: usage and configuration problems (exit 2) and per-target problems (exit 1).
 *
 * @example
 * ```ts
 * cliCodes.DWC3002.title; // 'target exports something that is not a Dockerfile'
 * ```
 */
export const cliCodes: Readonly<Record<CliCode, CliCodeInfo>> = Object.freeze(table);
