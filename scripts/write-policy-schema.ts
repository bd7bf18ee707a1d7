// Writes packages/policy/schema/dockwright.policy.schema.json from the zod schema: `pnpm policy:schema`.
// A test fails when the committed file differs from what this writes.
import { renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { policyJsonSchema } from '@dockwright/policy';

const file = join(dirname(fileURLToPath(import.meta.url)), '..', 'packages', 'policy', 'schema', 'dockwright.policy.schema.json');
writeFileSync(`${file}.tmp`, `${JSON.stringify(policyJsonSchema(), null, 2)}\n`);
renameSync(`${file}.tmp`, file);
console.log(`wrote ${file.slice(file.indexOf('packages'))}`);
