import type { DockwrightCode } from '@dockwright/core';
import type { PolicyInput } from './policy-schema.js';

/** A rule a policy turns on: its code and the setting that configures it. */
export interface PolicyRule {
  readonly code: DockwrightCode;
  readonly setting: keyof PolicyInput;
  /** True when the rule cannot run without its setting (a list only the policy can give). */
  readonly needsSetting: boolean;
}

/**
 * The rules a policy enforces while rendering (the P rules of the catalogue), in code order.
 *
 * @example
 * ```ts
 * policyRules.find((r) => r.code === 'DW1010')?.setting; // 'requireDigests'
 * ```
 */
export const policyRules: readonly PolicyRule[] = Object.freeze([
  { code: 'DW1009', setting: 'allowedRegistries', needsSetting: true },
  { code: 'DW1010', setting: 'requireDigests', needsSetting: false },
  { code: 'DW1011', setting: 'requirePinnedSyntax', needsSetting: false },
  { code: 'DW2008', setting: 'forbidBuildTools', needsSetting: false },
  { code: 'DW3007', setting: 'requireNumericUser', needsSetting: false },
  { code: 'DW3008', setting: 'forbidRoot', needsSetting: false },
  { code: 'DW5017', setting: 'requirePinnedPackages', needsSetting: false },
  { code: 'DW5022', setting: 'forbiddenPackages', needsSetting: false },
  { code: 'DW6019', setting: 'requiredLabels', needsSetting: true },
  { code: 'DW6020', setting: 'requireHealthcheck', needsSetting: false },
] satisfies PolicyRule[]);
