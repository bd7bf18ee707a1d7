/** What a CLI code is about, and the exit code it leads to. */
export interface CliCodeInfo {
  readonly title: string;
  /** 1: a target failed (the other targets still ran); 2: usage or configuration, nothing ran. */
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
