// The JSON Schemas editors read and the runtime that reads the files agree: each case is judged
// by a real JSON Schema validator (ajv, draft 2020-12) on what the YAML parser editors use makes
// of the file, and by parsePolicy() / parseLockfile(). Where they cannot agree, it is said why.
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { formatLockfile, LOCKFILE_SCHEMA_ID, lockfileJsonSchema, parseLockfile } from '@dockwright/core';
import { parsePolicy, POLICY_SCHEMA_ID, policyJsonSchema } from '@dockwright/policy';

const ajv = new Ajv2020({ allErrors: true, strict: false });
const policySchema = ajv.compile(policyJsonSchema());
const lockSchema = ajv.compile(lockfileJsonSchema());

/** What an editor says: YAML errors first (the YAML language server reports those itself), then the schema. */
function editor(text: string, validate: typeof policySchema): 'valid' | 'invalid' {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) return 'invalid';
  return validate(doc.toJS()) ? 'valid' : 'invalid';
}

const runtime = (text: string) => (parsePolicy(text, '/repo/dockwright.policy.yaml').ok ? 'valid' : 'invalid');

describe('the policy schema and the runtime', () => {
  it.each([
    ['an unknown rule code (DW9999)', 'rules:\n  DW9999: error\n', 'invalid'],
    ['a known rule code', 'rules:\n  DW5017: warn\n', 'valid'],
    ['a duplicate key', 'requireDigests: true\nrequireDigests: false\n', 'invalid'],
    ['a document that is only ~', '~\n', 'valid'],
    ['an empty file', '', 'valid'],
    ['a setting left empty', 'requireDigests: ~\n', 'invalid'],
    ['an unknown setting', 'requireDigest: true\n', 'invalid'],
    ['a severity that is not one', 'rules:\n  DW5017: warnings\n', 'invalid'],
    ['a full policy', 'allowedRegistries: [ghcr.io/acme]\nrequireDigests: true\nforbiddenPackages: { add: [telnet] }\nrequiredLabels: [org.opencontainers.image.source]\nrules: { DW6020: warn }\n', 'valid'],
  ])('%s: both say %s', (_, text, expected) => {
    expect(runtime(text)).toBe(expected);
    expect(editor(text, policySchema)).toBe(expected);
  });

  it('has an $id naming this version, which the committed file carries', () => {
    expect(POLICY_SCHEMA_ID).toBe(`https://unpkg.com/@dockwright/policy@${(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version}/schema/dockwright.policy.schema.json`);
    expect((JSON.parse(readFileSync(new URL('../schema/dockwright.policy.schema.json', import.meta.url), 'utf8')) as { $id: string }).$id).toBe(POLICY_SCHEMA_ID);
  });
});

const digest = `sha256:${'a'.repeat(64)}`;
const written = formatLockfile({ version: 1, images: { 'docker.io/library/node:22.11-bookworm-slim': { digest, mediaType: 'application/vnd.oci.image.index.v1+json', platforms: ['linux/amd64', 'linux/arm64/v8'] } } });
const lockRuntime = (text: string) => (parseLockfile(text).ok ? 'valid' : 'invalid');

describe('the lockfile schema and the runtime', () => {
  it.each([
    ['what dockwright lock writes', written, 'valid'],
    ['an empty lockfile', 'version: 1\nimages: {}\n', 'valid'],
    ['another version', written.replace('version: 1', 'version: 2'), 'invalid'],
    ['a short digest', written.replace(digest, 'sha256:abc'), 'invalid'],
    ['a platform that is not os/arch', written.replace('"linux/amd64"', '"amd64"'), 'invalid'],
    ['an unknown key', `${written}extra: 1\n`, 'invalid'],
    ['an entry without mediaType', written.replace(/ {4}mediaType: .*\n/, ''), 'invalid'],
    ['a key with a digest instead of a tag', written.replace('node:22.11-bookworm-slim', `node@${digest}`), 'invalid'],
    ['a key without a registry', written.replace('docker.io/library/node', 'node'), 'invalid'],
  ])('%s: both say %s', (_, text, expected) => {
    expect(lockRuntime(text)).toBe(expected);
    expect(editor(text, lockSchema)).toBe(expected);
  });

  it('differs on purpose only where a pattern cannot normalise a name: docker.io/node is docker.io/library/node', () => {
    const unnormalised = written.replace('docker.io/library/node', 'docker.io/node');
    expect(lockRuntime(unnormalised)).toBe('invalid');
    expect(editor(unnormalised, lockSchema)).toBe('valid');
  });

  it('is the committed file, with an $id naming this version (run `pnpm schemas` after a change)', () => {
    const committed = readFileSync(new URL('../../core/schema/dockwright.lock.schema.json', import.meta.url), 'utf8');
    expect(committed).toBe(`${JSON.stringify(lockfileJsonSchema(), null, 2)}\n`);
    const version = (JSON.parse(readFileSync(new URL('../../core/package.json', import.meta.url), 'utf8')) as { version: string }).version;
    expect(LOCKFILE_SCHEMA_ID).toBe(`https://unpkg.com/@dockwright/core@${version}/schema/dockwright.lock.schema.json`);
  });
});
