// docs/policy.md shows policy files in ```yaml blocks; docs/docs.test.ts runs its ```ts examples.
// This test checks that every YAML example is a valid policy file.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { expect, it } from 'vitest';
import { parsePolicy, policySchema } from '@dockwright/policy';

const guide = readFileSync(new URL('../../../docs/policy.md', import.meta.url), 'utf8');
const blocks = [...guide.matchAll(/^```yaml\n([\s\S]*?)^```$/gm)].map((m) => m[1] ?? '');

it('docs/policy.md has YAML examples', () => {
  expect(blocks.length).toBeGreaterThanOrEqual(6);
});

it.each(blocks.map((text, i) => [i + 1, text]))('YAML example %i is a valid policy file', (_, text) => {
  // `extends` names files of the reader's repository; the rest of such a file is checked alone.
  expect(policySchema.safeParse(parse(String(text)) ?? {}).error).toBeUndefined();
  if (!/^extends:/m.test(String(text))) expect(parsePolicy(String(text)).ok).toBe(true);
});
