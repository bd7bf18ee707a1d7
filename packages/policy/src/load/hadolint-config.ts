import { LABEL_TYPES, rules, type DockwrightCode, type LabelType, type LintOptions } from '@dockwright/core';
import { policyFileIssue, type PolicyFileIssue } from '../errors/policy-file-issue.js';
import { readYaml } from './yaml-source.js';

/** The level at which a finding fails `dockwright lint`, or `none` (hadolint's `no-fail`). */
export type FailureThreshold = 'error' | 'warning' | 'info' | 'none';

/** A `.hadolint.yaml` as Dockwright reads it. */
export interface HadolintConfig {
  readonly options: LintOptions;
  /** From `failure-threshold` (`style` reads as `info`) and `no-fail`; `error` when absent. */
  readonly failureThreshold: FailureThreshold;
  /** What the conversion could only approximate, one sentence each. */
  readonly notes: readonly string[];
}

const LEVELS: Readonly<Record<string, 'error' | 'warning' | 'info'>> = { error: 'error', warning: 'warning', info: 'info', style: 'info' };
// hadolint checks these by default; Dockwright leaves them to policy (off) until a config says otherwise.
const HADOLINT_DEFAULT_ON: readonly DockwrightCode[] = ['DW5017'];

const twinsOf = (peer: string) => rules.filter((r) => r.twins.includes(peer));

/**
 * Reads a hadolint configuration file (`.hadolint.yaml`) into `lint()` options: `ignored` rules
 * are waived as exactly those twins, `override` sets the level of the twinned rules,
 * `trustedRegistries` is the allowed-registry list (DW1009), `label-schema` and `strict-labels`
 * the label schema (DW6021, with the schema's labels required, DW6019), `failure-threshold` and
 * `no-fail` when lint fails. Problems come back as issues with their line, never as exceptions.
 *
 * @example
 * ```ts
 * const read = readHadolintConfig('ignored: [DL3008]\ntrustedRegistries: [ghcr.io]\n', '.hadolint.yaml');
 * if (read.ok) read.config.options.allowedRegistries; // ['ghcr.io']
 * ```
 */
export function readHadolintConfig(text: string, file: string): { ok: true; config: HadolintConfig } | { ok: false; issues: readonly PolicyFileIssue[] } {
  const read = readYaml(text, file);
  if (!read.ok) return { ok: false, issues: read.issues };
  const value = read.source.value ?? {};
  const issues: PolicyFileIssue[] = [];
  const at = (path: PropertyKey[]) => read.source.locate(path) ?? { line: 1, column: 1 };
  const bad = (path: PropertyKey[], message: string, hint: string) => issues.push(policyFileIssue('DWP1003', message, hint, { file, ...at(path), key: path.join('.') }));
  if (typeof value !== 'object' || Array.isArray(value)) return { ok: false, issues: [policyFileIssue('DWP1003', 'a hadolint configuration is a mapping of settings', 'write settings such as ignored: [DL3008]', { file, line: 1, column: 1 })] };
  const config = value as Record<string, unknown>;
  const strings = (key: string): string[] => {
    const v = config[key];
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) {
      bad([key], `${key} must be a list of strings`, `write ${key}: [DL3008, DL3015]`);
      return [];
    }
    return v as string[];
  };
  const notes: string[] = [];
  const levels: Partial<Record<DockwrightCode, 'off' | 'error' | 'warning' | 'info'>> = {};
  for (const code of HADOLINT_DEFAULT_ON) levels[code] = 'warning';
  const ignored = strings('ignored');
  for (const code of HADOLINT_DEFAULT_ON) {
    const rule = rules.find((r) => r.id === code);
    if (rule !== undefined && rule.twins.filter((t) => t.startsWith('DL')).every((t) => ignored.includes(t))) levels[code] = 'off';
  }
  const override = config['override'];
  if (override !== undefined && override !== null) {
    if (typeof override !== 'object' || Array.isArray(override)) bad(['override'], 'override must map levels to lists of rules', 'write override: { error: [DL3001], warning: [DL3042] }');
    else {
      for (const [level, list] of Object.entries(override as Record<string, unknown>)) {
        const ours = LEVELS[level];
        if (ours === undefined) {
          bad(['override', level], `${level} is not a hadolint level`, 'use error, warning, info or style');
          continue;
        }
        if (!Array.isArray(list)) {
          bad(['override', level], `override.${level} must be a list of rules`, `write ${level}: [DL3008]`);
          continue;
        }
        for (const peer of list.map(String)) {
          const twins = twinsOf(peer);
          if (twins.length === 0) notes.push(`${peer} has no Dockwright twin; its override is left out`);
          for (const r of twins) {
            levels[r.id] = ours;
            if (r.twins.length > 1) notes.push(`${peer} sets the level of ${r.id}, which is also ${r.twins.filter((t) => t !== peer).join(', ')}`);
          }
        }
      }
    }
  }
  for (const peer of ignored) if (twinsOf(peer).length === 0 && /^DL\d{4}$/.test(peer)) notes.push(`${peer} has no Dockwright twin; nothing to ignore`);
  const registries = strings('trustedRegistries');
  const schema: Record<string, LabelType> = {};
  const labels = config['label-schema'];
  if (labels !== undefined && labels !== null) {
    if (typeof labels !== 'object' || Array.isArray(labels)) bad(['label-schema'], 'label-schema must map label names to types', 'write label-schema: { author: text, url: url }');
    else {
      for (const [key, type] of Object.entries(labels as Record<string, unknown>)) {
        if (typeof type === 'string' && (LABEL_TYPES as readonly string[]).includes(type)) schema[key] = type as LabelType;
        else bad(['label-schema', key], `${String(type)} is not a label type`, `use one of ${LABEL_TYPES.join(', ')}`);
      }
    }
  }
  let failureThreshold: FailureThreshold = 'error';
  const threshold = config['failure-threshold'];
  if (threshold !== undefined) {
    if (threshold === 'none' || threshold === 'ignore') failureThreshold = 'none';
    else if (typeof threshold === 'string' && LEVELS[threshold] !== undefined) failureThreshold = LEVELS[threshold] as FailureThreshold;
    else bad(['failure-threshold'], `${String(threshold)} is not a failure threshold`, 'use error, warning, info, style or none');
  }
  if (config['no-fail'] === true) failureThreshold = 'none';
  if (issues.length > 0) return { ok: false, issues };
  const options: LintOptions = {
    rules: levels,
    ...(ignored.length === 0 ? {} : { ignore: ignored }),
    ...(registries.length === 0 ? {} : { allowedRegistries: registries }),
    ...(Object.keys(schema).length === 0 ? {} : { labelSchema: schema, requiredLabels: Object.keys(schema), strictLabels: config['strict-labels'] === true }),
  };
  return { ok: true, config: { options, failureThreshold, notes: [...new Set(notes)] } };
}
