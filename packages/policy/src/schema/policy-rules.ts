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
 * policyRules.find((r) => r.code === 'DW1102')?.setting; // 'requireDigests'
 * ```
 */
export const policyRules: readonly PolicyRule[] = Object.freeze([
  { code: 'DW1101', setting: 'allowedRegistries', needsSetting: true },
  { code: 'DW1102', setting: 'requireDigests', needsSetting: false },
  { code: 'DW1103', setting: 'requirePinnedSyntax', needsSetting: false },
  { code: 'DW2101', setting: 'forbidBuildTools', needsSetting: false },
  { code: 'DW3101', setting: 'forbidRoot', needsSetting: false },
  { code: 'DW3102', setting: 'requireNumericUser', needsSetting: false },
  { code: 'DW5101', setting: 'requirePinnedPackages', needsSetting: false },
  { code: 'DW5102', setting: 'forbiddenPackages', needsSetting: false },
  { code: 'DW6101', setting: 'requiredLabels', needsSetting: true },
  { code: 'DW6102', setting: 'requireHealthcheck', needsSetting: false },
] satisfies PolicyRule[]);
