import type { DockwrightCode } from '@dockwright/core';
import { policyFileIssue, type PolicyFileIssue } from '../errors/policy-file-issue.js';
import type { Position } from '../load/yaml-source.js';
import { DEFAULT_BUILD_IMAGES, DEFAULT_BUILD_TOOLS, DEFAULT_FORBIDDEN_PACKAGES } from './defaults.js';
import { policyRules } from './policy-rules.js';
import type { PackageSetInput, PolicyInput, RuleSeverity } from './policy-schema.js';

/** The settings of a policy after `extends`: what the files say, merged. */
export type PolicySettings = Omit<PolicyInput, 'extends' | '$schema'>;

/**
 * A policy ready to check Dockerfiles with: its settings merged across `extends`, the lists
 * worked out, and the severity of each rule.
 */
export interface Policy {
  readonly kind: 'Policy';
  /** The files it was read from: the file itself first, then what it extends (empty for a policy made in code). */
  readonly files: readonly string[];
  readonly settings: PolicySettings;
  /**
   * Severity by rule code: every policy rule (see `policyRules`) with its effective severity, plus every
   * other code the `rules` map names (for `dockwright lint`; rendering always enforces those).
   */
  readonly rules: Readonly<Partial<Record<DockwrightCode, RuleSeverity>>>;
  readonly allowedRegistries: readonly string[];
  readonly requiredLabels: readonly string[];
  readonly forbiddenPackages: readonly string[];
  readonly buildTools: readonly string[];
  readonly buildImages: readonly string[];
}

/** A policy, or every problem found in its files. */
export type PolicyResult = { readonly ok: true; readonly policy: Policy } | { readonly ok: false; readonly issues: readonly [PolicyFileIssue, ...PolicyFileIssue[]] };

/** One file's settings, in the order they apply (what it extends first). */
export interface PolicyLayer {
  readonly file: string;
  readonly input: PolicyInput;
  readonly locate?: (path: readonly PropertyKey[], key?: boolean) => Position | undefined;
}

function packageSet(input: PackageSetInput | undefined, defaults: readonly string[]): readonly string[] {
  if (input === undefined || input === false) return [];
  const options = input === true ? {} : input;
  const allow = new Set(options.allow ?? []);
  const base = options.defaults === false ? [] : defaults.filter((p) => !allow.has(p));
  return Object.freeze([...new Set([...base, ...(options.add ?? [])])].sort());
}

function isOn(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  return value !== undefined && value !== false;
}

/**
 * Merges policy layers (later ones win; `rules` entries merge one by one) and works out the
 * effective lists and severities. A rule switched on in `rules` without the list it needs
 * (DW1009 without `allowedRegistries`, DW6019 without `requiredLabels`) is a DWP1003 problem.
 *
 * @example
 * ```ts
 * const result = resolveLayers([{ file: 'dockwright.policy.yaml', input: { requireDigests: true } }]);
 * if (result.ok) result.policy.rules.DW1010; // 'error'
 * ```
 */
export function resolveLayers(layers: readonly PolicyLayer[]): PolicyResult {
  const settings: Record<string, unknown> = {};
  const ruleOrigin = new Map<string, PolicyLayer>();
  const settingOrigin = new Map<string, PolicyLayer>();
  const written: Partial<Record<DockwrightCode, RuleSeverity>> = {};
  for (const layer of layers) {
    const { extends: _extends, $schema: _schema, rules, ...rest } = layer.input;
    for (const [key, value] of Object.entries(rest)) {
      if (value === undefined) continue;
      settings[key] = value;
      settingOrigin.set(key, layer);
    }
    for (const [code, severity] of Object.entries(rules ?? {})) {
      written[code as DockwrightCode] = severity;
      ruleOrigin.set(code, layer);
    }
  }
  const merged = settings as PolicySettings;
  const rules: Partial<Record<DockwrightCode, RuleSeverity>> = { ...written };
  const issues: PolicyFileIssue[] = [];
  for (const rule of policyRules) {
    const on = isOn(merged[rule.setting as keyof PolicySettings]);
    const severity = written[rule.code] ?? (on ? 'error' : 'off');
    rules[rule.code] = severity;
    if (severity !== 'off' && rule.needsSetting && !on) {
      const origin = ruleOrigin.get(rule.code) ?? settingOrigin.get(rule.setting);
      const at = origin?.locate?.(ruleOrigin.has(rule.code) ? ['rules', rule.code] : [rule.setting], ruleOrigin.has(rule.code));
      issues.push(
        policyFileIssue('DWP1003', `${rule.code} is ${severity} but ${rule.setting} lists nothing to check against`, `add ${rule.setting}: [...], or set ${rule.code}: off`, {
          file: origin?.file ?? layers.at(-1)?.file ?? 'policy',
          ...(at === undefined ? {} : { line: at.line, column: at.column }),
          key: ruleOrigin.has(rule.code) ? `rules.${rule.code}` : rule.setting,
        }),
      );
    }
  }
  const [first, ...rest] = issues;
  if (first !== undefined) return { ok: false, issues: [first, ...rest] };
  const allow = new Set(merged.forbidBuildTools === undefined || typeof merged.forbidBuildTools === 'boolean' ? [] : (merged.forbidBuildTools.allow ?? []));
  const toolDefaults = typeof merged.forbidBuildTools === 'object' && merged.forbidBuildTools.defaults === false ? [] : DEFAULT_BUILD_IMAGES;
  // A rule switched on in `rules` alone uses the default lists.
  const onByRule = (code: DockwrightCode, value: PackageSetInput | undefined) => (value === undefined && rules[code] !== 'off' ? true : value);
  const policy: Policy = {
    kind: 'Policy',
    files: Object.freeze([...new Set(layers.map((l) => l.file))].reverse()),
    // A copy, frozen all the way down: the caller's input objects stay theirs, and the policy cannot change.
    settings: deepFreeze(structuredClone(merged)),
    // In code order, so the map reads the same whichever file set what.
    rules: Object.freeze(Object.fromEntries(Object.entries(rules).sort(([a], [b]) => a.localeCompare(b)))),
    allowedRegistries: Object.freeze([...(merged.allowedRegistries ?? [])].map((r) => r.toLowerCase())),
    requiredLabels: Object.freeze([...(merged.requiredLabels ?? [])]),
    forbiddenPackages: packageSet(onByRule('DW5022', merged.forbiddenPackages), DEFAULT_FORBIDDEN_PACKAGES),
    buildTools: packageSet(onByRule('DW2008', merged.forbidBuildTools), DEFAULT_BUILD_TOOLS),
    buildImages: Object.freeze(toolDefaults.filter((i) => !allow.has(i))),
  };
  made.add(policy);
  return { ok: true, policy: Object.freeze(policy) };
}

// Policies made here are immutable: checkPolicy() may keep what it works out from one of them.
const made = new WeakSet<Policy>();

/**
 * True for a policy `resolveLayers()` made (and so `loadPolicy()`, `parsePolicy()` and
 * `policyFrom()`): frozen all the way down, so what is worked out from it stays true.
 *
 * @example
 * ```ts
 * const result = policyFrom({ requireDigests: true });
 * if (result.ok) madePolicy(result.policy); // true
 * ```
 */
export function madePolicy(policy: Policy): boolean {
  return made.has(policy);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
