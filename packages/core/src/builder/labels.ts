import { checkOptions, spec, throwIfAny } from '../validate/arguments.js';
import type { TextInput } from './variables.js';

/** The OCI image annotations (`org.opencontainers.image.*`), by their short names. */
export interface OciLabels {
  readonly title?: TextInput;
  readonly description?: TextInput;
  readonly source?: TextInput;
  readonly revision?: TextInput;
  readonly version?: TextInput;
  readonly created?: TextInput;
  readonly vendor?: TextInput;
  readonly licenses?: TextInput;
  readonly authors?: TextInput;
  readonly url?: TextInput;
  readonly documentation?: TextInput;
  readonly refName?: TextInput;
  readonly baseName?: TextInput;
  readonly baseDigest?: TextInput;
}

const keys: Readonly<Record<keyof OciLabels, string>> = {
  title: 'title',
  description: 'description',
  source: 'source',
  revision: 'revision',
  version: 'version',
  created: 'created',
  vendor: 'vendor',
  licenses: 'licenses',
  authors: 'authors',
  url: 'url',
  documentation: 'documentation',
  refName: 'ref.name',
  baseName: 'base.name',
  baseDigest: 'base.digest',
};

/**
 * OCI labels by short name, for `label()`; keys follow the OCI image spec's order.
 *
 * @example
 * ```ts
 * stage('app').from(node).label(oci({ source: 'https://github.com/acme/shop', licenses: 'MIT' }));
 * // LABEL org.opencontainers.image.source=https://github.com/acme/shop ...
 * ```
 */
export function oci(labels: OciLabels): Record<string, TextInput> {
  throwIfAny(checkOptions('oci()', labels ?? null, Object.fromEntries(Object.keys(keys).map((k) => [k, spec.text]))));
  const out: Record<string, TextInput> = {};
  for (const [short, key] of Object.entries(keys) as [keyof OciLabels, string][]) {
    const value = labels[short];
    if (value !== undefined) out[`org.opencontainers.image.${key}`] = value;
  }
  return out;
}
