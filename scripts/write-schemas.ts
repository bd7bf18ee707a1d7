// Writes the JSON Schemas the packages ship, from the code that defines them: `pnpm schemas`
// (also `pnpm policy:schema`). A test fails when a committed file differs from what this writes.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lockfileJsonSchema } from '@dockwright/core';
import { policyJsonSchema } from '@dockwright/policy';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
for (const [file, schema] of [
  ['packages/policy/schema/dockwright.policy.schema.json', policyJsonSchema()],
  ['packages/core/schema/dockwright.lock.schema.json', lockfileJsonSchema()],
] as const) {
  const path = join(root, file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(`${path}.tmp`, `${JSON.stringify(schema, null, 2)}\n`);
  renameSync(`${path}.tmp`, path);
  console.log(`wrote ${file}`);
}
