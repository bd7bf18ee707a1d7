import { z } from 'zod';
import { policySchema } from './policy-schema.js';

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
  return z.toJSONSchema(policySchema, { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>;
}
