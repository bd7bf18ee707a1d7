/** What a policy-file code is about. Every one of them stops the CLI with exit code 2. */
export interface PolicyCodeInfo {
  readonly title: string;
}

const table = {
  DWP1001: { title: 'policy file could not be read' },
  DWP1002: { title: 'policy file is not valid YAML' },
  DWP1003: { title: 'invalid policy setting' },
  DWP1004: { title: '`extends` names a file or package that cannot be found' },
  DWP1005: { title: '`extends` leads back to the same file' },
} as const satisfies Record<string, PolicyCodeInfo>;

/** A stable code of a problem in a policy file itself, such as `DWP1003`. */
export type PolicyCode = keyof typeof table;

/**
 * The codes of problems in policy files (not in Dockerfiles: those keep their `DW` codes).
 *
 * @example
 * ```ts
 * import { policyCodes } from '@dockwright/policy';
 * policyCodes.DWP1002.title; // 'policy file is not valid YAML'
 * ```
 */
export const policyCodes: Readonly<Record<PolicyCode, PolicyCodeInfo>> = Object.freeze(table);
