import { z } from 'zod';
import { policySchema } from './policy-schema.js';
import { version } from '../version.js';

/**
 * Where the schema of this version is published: its `$id`, which editors can also load
 * directly (the way to go with yarn's PnP linker, which has no node_modules).
 *
 * @example
 * ```ts
 * POLICY_SCHEMA_ID; // 'https://unpkg.com/@dockwright/policy@0.1.0/schema/dockwright.policy.schema.json'
 * ```
 */
export const POLICY_SCHEMA_ID = `https://unpkg.com/@dockwright/policy@${version}/schema/dockwright.policy.schema.json`;

/**
 * The JSON Schema of `dockwright.policy.yaml`, generated from the zod schema, for editors (the
 * YAML language server reads it from a `# yaml-language-server: $schema=...` comment). The
 * package ships it as `@dockwright/policy/schema.json`; `pnpm policy:schema` rewrites that file.
 *
 * @example
 * ```ts
 * writeFileSync('dockwright.policy.schema.json', `${JSON.stringify(policyJsonSchema(), null, 2)}\n`);
 * ```
 */
export function policyJsonSchema(): Record<string, unknown> {
  const { $schema, ...schema } = z.toJSONSchema(policySchema, { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>;
  // An empty file, or one holding only `~`, is an empty policy when read: the schema says so too.
  return { $schema, $id: POLICY_SCHEMA_ID, title: 'dockwright.policy.yaml', ...schema, type: ['object', 'null'] };
}
