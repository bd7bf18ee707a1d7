import { suggest } from '@dockwright/core/suggest';
import type { z } from 'zod';
import { policyFileIssue, type PolicyFileIssue } from '../errors/policy-file-issue.js';
import { policySchema, type PolicyInput } from '../schema/policy-schema.js';
import type { YamlSource } from './yaml-source.js';

type ZodIssue = z.core.$ZodIssue;

const SETTINGS = Object.keys(policySchema.shape);

/** `forbiddenPackages.add[0]`: the setting as a reader would write it. */
function keyText(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node = root;
  for (const segment of path) node = (node as Record<PropertyKey, unknown> | undefined)?.[segment as string];
  return node;
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return JSON.stringify(value);
}

/** The nearest name among `names`: same letters in another case, a prefix, or a few edits away. */
function nearest(word: string, names: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  return names.find((n) => n.toLowerCase() === lower) ?? names.find((n) => n.toLowerCase().startsWith(lower) || lower.startsWith(n.toLowerCase())) ?? suggest(word, names);
}

/** Among the failed branches of a union, the one that got furthest into the value. */
function deepestBranch(branches: readonly (readonly ZodIssue[])[]): readonly ZodIssue[] {
  const depth = (issues: readonly ZodIssue[]) => Math.max(...issues.map((i) => i.path.length + (i.code === 'invalid_type' ? 0 : 0.5)));
  return [...branches].sort((a, b) => depth(b) - depth(a))[0] ?? [];
}

function describe(issue: ZodIssue, root: unknown): { key: string; message: string; hint: string; asKey?: PropertyKey } | { nested: readonly ZodIssue[] } {
  const key = keyText(issue.path);
  const setting = String(issue.path[0] ?? '');
  const description = policySchema.shape[setting as keyof typeof policySchema.shape]?.meta()?.description;
  // "DW1009: the registries ..." reads as "allowedRegistries (DW1009): the registries ...".
  const code = description === undefined ? undefined : /^(DW\d{4}): /.exec(description)?.[1];
  const about = description === undefined ? 'see docs/policy.md' : `${setting}${code === undefined ? '' : ` (${code})`}: ${description.replace(/^DW\d{4}: /, '')}`;
  switch (issue.code) {
    case 'unrecognized_keys': {
      const [unknown = ''] = issue.keys;
      if (issue.path.length === 0) {
        const near = nearest(unknown, SETTINGS);
        return { key: unknown, asKey: unknown, message: `unknown setting "${unknown}"`, hint: near === undefined ? `the settings are ${SETTINGS.filter((s) => s !== '$schema').join(', ')}` : `did you mean ${near}?` };
      }
      if (setting === 'rules') {
        return { key: `rules.${unknown}`, asKey: unknown, message: `"${unknown}" is not a Dockwright rule code`, hint: 'write a code such as DW5017; docs/anti-patterns.md lists every code' };
      }
      return { key: `${key}.${unknown}`, asKey: unknown, message: `unknown setting "${unknown}" in ${key}`, hint: 'the keys here are defaults, add and allow' };
    }
    case 'invalid_key': {
      const code = String(issue.path.at(-1) ?? '');
      return { key, message: `"${code}" is not a Dockwright rule code`, hint: 'write a code such as DW5017; docs/anti-patterns.md lists every code' };
    }
    case 'invalid_union':
      return { nested: deepestBranch(issue.errors) };
    case 'invalid_value':
      return { key, message: `${key} is ${show(valueAt(root, issue.path))}, not one of ${issue.values.map(String).join(', ')}`, hint: setting === 'rules' ? 'write off, info, warn or error' : about };
    case 'invalid_format':
      return { key, message: `${key} ${show(valueAt(root, issue.path))} ${issue.message}`, hint: about };
    case 'too_small':
      return { key, message: `${key} is empty`, hint: about };
    case 'invalid_type': {
      const expected = issue.expected === 'boolean' ? 'true or false' : issue.expected === 'array' ? 'a list' : issue.expected === 'object' ? 'a mapping' : `a ${issue.expected}`;
      if (issue.path.length === 0) return { key: '', message: `the policy is ${show(valueAt(root, issue.path))}, not a mapping of settings`, hint: 'write settings as `key: value` lines, e.g. `requireDigests: true`' };
      return { key, message: `${key} is ${show(valueAt(root, issue.path))}, expected ${expected}`, hint: about };
    }
    default:
      return { key, message: `${key}: ${issue.message}`, hint: about };
  }
}

/**
 * Checks a policy file's parsed value against the schema, turning zod's issues into DWP1003
 * issues that name the setting, show the wrong value, and point at its line and column.
 *
 * @example
 * ```ts
 * const checked = validateInput({ requireDigests: 'yes' }, '/repo/dockwright.policy.yaml');
 * // { ok: false, issues: [{ code: 'DWP1003', message: 'requireDigests is "yes", expected true or false', ... }] }
 * ```
 */
export function validateInput(value: unknown, file: string, source?: YamlSource): { ok: true; input: PolicyInput } | { ok: false; issues: readonly [PolicyFileIssue, ...PolicyFileIssue[]] } {
  // An empty file is an empty policy.
  const root = value === null || value === undefined ? {} : value;
  const parsed = policySchema.safeParse(root);
  if (parsed.success) return { ok: true, input: parsed.data };
  const issues: PolicyFileIssue[] = [];
  const add = (zodIssues: readonly ZodIssue[]) => {
    for (const zi of zodIssues) {
      const d = describe(zi, root);
      if ('nested' in d) {
        add(d.nested);
        continue;
      }
      const keys = zi.code === 'unrecognized_keys' ? zi.keys : [d.asKey];
      for (const k of keys) {
        // Each unknown key of one mapping is its own problem, at its own line.
        const one = zi.code === 'unrecognized_keys' ? describe({ ...zi, keys: [String(k)] }, root) : d;
        if ('nested' in one) continue;
        // An unknown key is pointed at where the key is written; a wrong value, where the value is.
        const at = zi.code === 'invalid_key' ? source?.locate(zi.path, true) : source?.locate(one.asKey === undefined ? zi.path : [...zi.path, one.asKey], one.asKey !== undefined);
        issues.push(policyFileIssue('DWP1003', one.message, one.hint, { file, ...(at === undefined ? {} : { line: at.line, column: at.column }), ...(one.key === '' ? {} : { key: one.key }) }));
      }
    }
  };
  add(parsed.error.issues);
  if (issues.length === 0) issues.push(policyFileIssue('DWP1003', parsed.error.issues[0]?.message ?? 'invalid policy', 'see docs/policy.md', { file }));
  issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  const [first, ...rest] = issues;
  return { ok: false, issues: [first as PolicyFileIssue, ...rest] };
}
