import { instructionsOf } from '../lint-helpers.js';
import { asTwins, defineRule, problem, type Problem } from '../rule.js';

/** The forms a label value can be required to have (hadolint's label-schema types). */
export type LabelType = 'text' | 'url' | 'rfc3339' | 'spdx' | 'hash' | 'semver' | 'email';

/** The label types, for validating configuration. */
export const LABEL_TYPES: readonly LabelType[] = ['text', 'url', 'rfc3339', 'spdx', 'hash', 'semver', 'email'];

const FORMS: Readonly<Record<Exclude<LabelType, 'text'>, { test: (v: string) => boolean; twin: string; what: string; example: string }>> = {
  url: { test: (v) => /^[a-z][a-z0-9+.-]*:\/\/[^\s/?#]+[^\s]*$/i.test(v), twin: 'DL3052', what: 'a URL', example: 'https://github.com/acme/app' },
  rfc3339: { test: (v) => /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/.test(v), twin: 'DL3053', what: 'an RFC 3339 time', example: '2025-01-31T12:00:00Z' },
  spdx: { test: (v) => /^\(?[A-Za-z0-9][A-Za-z0-9.+-]*\+?\)?(?:\s+(?:AND|OR|WITH)\s+\(?[A-Za-z0-9][A-Za-z0-9.+-]*\+?\)?)*$/.test(v), twin: 'DL3054', what: 'an SPDX license expression', example: 'Apache-2.0' },
  hash: { test: (v) => /^[0-9a-f]{40}$|^[0-9a-f]{64}$/.test(v), twin: 'DL3055', what: 'a full git commit hash', example: '0d1f3a…(40 hex digits)' },
  semver: { test: (v) => /^v?(?:0|[1-9]\d*)\.(?:0|[1-9]\d*)\.(?:0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/.test(v), twin: 'DL3056', what: 'a semantic version', example: '1.4.2' },
  email: { test: (v) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), twin: 'DL3058', what: 'an email address', example: 'team@acme.dev' },
};

/**
 * DW6021: a label of the organisation's label schema whose value is empty or not of the form the
 * schema gives; with `strictLabels`, a label the schema does not know.
 *
 * @example
 * ```ts
 * labelValue('org.opencontainers.image.created', 'yesterday', 'rfc3339')?.twins; // ['DL3053']
 * labelValue('org.opencontainers.image.version', '1.2.3', 'semver'); // undefined
 * ```
 */
export function labelValue(key: string, value: string, type: LabelType): Problem | undefined {
  if (value === '') return asTwins(problem('DW6021', `label ${key} is empty`, `give it a value: .label({ '${key}': '...' })`, `give it a value: LABEL ${key}="..."`), 'DL3051');
  if (type === 'text') return undefined;
  const form = FORMS[type];
  if (form.test(value)) return undefined;
  return asTwins(problem('DW6021', `label ${key} is not ${form.what}: ${JSON.stringify(value)}`, `write ${form.what}, e.g. ${form.example}`), form.twin);
}

/**
 * DW6021 with `strictLabels`: a label that is not in the schema.
 *
 * @example
 * ```ts
 * superfluousLabel('com.acme.misc').twins; // ['DL3050']
 * ```
 */
export function superfluousLabel(key: string): Problem {
  return asTwins(problem('DW6021', `label ${key} is not in the label schema`, 'add it to the policy\'s labelSchema, or leave it out'), 'DL3050');
}

/** DW6021 (hadolint DL3050-DL3056, DL3058): policy, on when `labelSchema` is set. */
export const labelSchemaRule = defineRule({
  id: 'DW6021',
  how: 'P',
  level: 'error',
  check({ file, settings, report }) {
    const schema = settings.labelSchema;
    if (schema === undefined) return;
    for (const i of instructionsOf(file, 'LABEL')) {
      for (const pair of i.pairs) {
        const type = schema[pair.key];
        const found = type === undefined ? (settings.strictLabels === true ? superfluousLabel(pair.key) : undefined) : labelValue(pair.key, pair.value ?? '', type);
        if (found !== undefined) report(found, i.position);
      }
    }
  },
});
