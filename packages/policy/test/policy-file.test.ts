// Policy files: the schema and its published JSON Schema, every error a file can have (code,
// message, hint, line and column), `extends` by path and by package, severities, and finding
// the nearest file.
import { chmodSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { codes } from '@dockwright/core';
import { DEFAULT_FORBIDDEN_PACKAGES, findPolicyFile, loadPolicy, parsePolicy, policyCodes, policyFrom, policyJsonSchema, policyRules, type PolicyFileIssue, type PolicyResult } from '@dockwright/policy';
import { makeDir, removeDirs } from './support.js';

afterAll(removeDirs);

function issuesOf(result: PolicyResult): readonly PolicyFileIssue[] {
  if (result.ok) throw new Error('expected the policy to be refused');
  return result.issues;
}

/** `line:column code message`, the way an editor lists problems. */
const brief = (issues: readonly PolicyFileIssue[]) => issues.map((i) => `${i.line ?? '-'}:${i.column ?? '-'} ${i.code} ${i.message}`);

describe('the JSON Schema for editors', () => {
  it('is the committed file, byte for byte (run `pnpm policy:schema` after changing the zod schema)', () => {
    const committed = readFileSync(new URL('../schema/dockwright.policy.schema.json', import.meta.url), 'utf8');
    expect(committed).toBe(`${JSON.stringify(policyJsonSchema(), null, 2)}\n`);
  });

  it('names every setting, refuses unknown ones, and takes every rule code in `rules`, and only those', () => {
    const schema = policyJsonSchema() as { additionalProperties: unknown; properties: Record<string, { propertyNames?: { enum?: string[] } }> };
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties)).toEqual(['$schema', 'extends', ...policyRules.map((r) => r.setting), 'rules']);
    // The list of this version's codes, as the runtime checks them (schema-agreement.test.ts).
    expect(schema.properties['rules']?.propertyNames?.enum).toEqual(Object.keys(codes).filter((code) => /^DW\d{4}$/.test(code)));
  });
});

describe('a valid policy', () => {
  it('turns on each rule whose setting is given, as an error, and leaves the others off', () => {
    const result = parsePolicy('requireDigests: true\nrequiredLabels: [org.opencontainers.image.source]\n', '/repo/dockwright.policy.yaml');
    expect(result.ok && result.policy.rules).toEqual({
      DW1009: 'off',
      DW1010: 'error',
      DW1011: 'off',
      DW2008: 'off',
      DW3008: 'off',
      DW3007: 'off',
      DW5017: 'off',
      DW5022: 'off',
      DW6019: 'error',
      DW6020: 'off',
    });
  });

  it('`rules` sets severities: warn, off over a setting, on with the defaults, and keeps codes for lint', () => {
    const result = parsePolicy('requireDigests: true\nrequireHealthcheck: true\nrules:\n  DW1010: warn\n  DW6020: off\n  DW5022: error\n  DW5004: warn\n');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.policy.rules).toMatchObject({ DW1010: 'warn', DW6020: 'off', DW5022: 'error', DW5004: 'warn' });
    expect(result.policy.forbiddenPackages).toEqual([...DEFAULT_FORBIDDEN_PACKAGES].sort());
  });

  it('package lists: true is the defaults; add and allow change them; defaults: false starts empty', () => {
    const add = parsePolicy('forbiddenPackages: { add: [curl, wget], allow: [vim-tiny, gdb] }\n');
    expect(add.ok && add.policy.forbiddenPackages).toEqual([...DEFAULT_FORBIDDEN_PACKAGES.filter((p) => p !== 'vim-tiny' && p !== 'gdb'), 'curl', 'wget'].sort());
    const own = parsePolicy('forbiddenPackages: { defaults: false, add: [telnet] }\n');
    expect(own.ok && own.policy.forbiddenPackages).toEqual(['telnet']);
    const tools = parsePolicy('forbidBuildTools: { allow: [git, golang] }\n');
    expect(tools.ok && tools.policy.buildTools.includes('git')).toBe(false);
    expect(tools.ok && tools.policy.buildTools.includes('gcc')).toBe(true);
    expect(tools.ok && tools.policy.buildImages.includes('golang')).toBe(false);
  });

  it('an empty file is an empty policy: every rule off', () => {
    const result = parsePolicy('# nothing yet\n');
    expect(result.ok && Object.values(result.policy.rules).every((s) => s === 'off')).toBe(true);
  });

  it('policyFrom() takes the same settings from code, and refuses extends there', () => {
    const result = policyFrom({ forbidRoot: true });
    expect(result.ok && result.policy.rules.DW3008).toBe('error');
    expect(brief(issuesOf(policyFrom({ extends: './base.yaml' })))).toEqual(['-:- DWP1003 extends is only for policy files']);
  });
});

describe('an invalid policy file', () => {
  const file = '/repo/dockwright.policy.yaml';

  it('DWP1002: a YAML syntax error, with its line and column', () => {
    const issues = issuesOf(parsePolicy('allowedRegistries: [docker.io\nrequireDigests: true\n', file));
    expect(issues).toMatchObject([
      { code: 'DWP1002', message: 'Flow sequence in block collection must be sufficiently indented and end with a ]', hint: 'fix the YAML syntax at this place', file, line: 2, column: 1 },
    ]);
  });

  it('an issue of the policy file is the one Issue shape: an error, where.file and where.range beside its older file, line and column', () => {
    const [issue] = issuesOf(parsePolicy('requireDigests: true\nrequireDigest: true\n', file));
    expect(issue).toEqual({
      code: 'DWP1003',
      severity: 'error',
      message: 'unknown setting "requireDigest"',
      hint: 'did you mean requireDigests?',
      where: { file, range: { start: { line: 2, column: 1 }, end: { line: 2, column: 1 } } },
      file,
      line: 2,
      column: 1,
      key: 'requireDigest',
    });
    expect(issuesOf(loadPolicy('/nowhere/dockwright.policy.yaml'))[0]?.where).toEqual({ file: '/nowhere/dockwright.policy.yaml' });
  });

  it('DWP1002: a key written twice', () => {
    expect(brief(issuesOf(parsePolicy('forbidRoot: true\nforbidRoot: false\n', file)))).toEqual(['2:1 DWP1002 Map keys must be unique']);
  });

  it('DWP1003: an unknown setting, with the nearest known one as the hint', () => {
    const [issue] = issuesOf(parsePolicy('requireDigests: true\nrequireDigest: true\n', file));
    expect(issue).toMatchObject({ code: 'DWP1003', message: 'unknown setting "requireDigest"', hint: 'did you mean requireDigests?', file, line: 2, column: 1, key: 'requireDigest' });
    const [far] = issuesOf(parsePolicy('colour: blue\n', file));
    expect(far?.hint).toMatch(/^the settings are extends, allowedRegistries, requireDigests, /);
  });

  it('DWP1003: a value of the wrong type, at the value', () => {
    const [issue] = issuesOf(parsePolicy('requireDigests: yes please\n', file));
    expect(issue).toMatchObject({
      code: 'DWP1003',
      message: 'requireDigests is "yes please", expected true or false',
      hint: 'requireDigests (DW1010): every image (FROM, COPY --from, RUN --mount from) is pinned by digest: name:tag@sha256:...',
      file,
      line: 1,
      column: 17,
      key: 'requireDigests',
    });
    expect(brief(issuesOf(parsePolicy('requiredLabels: org.opencontainers.image.source\n', file)))).toEqual(['1:17 DWP1003 requiredLabels is "org.opencontainers.image.source", expected a list']);
    expect(brief(issuesOf(parsePolicy('- requireDigests\n', file)))).toEqual(['1:1 DWP1003 the policy is a list, not a mapping of settings']);
  });

  it('DWP1003: a malformed registry, label key or package name, each at its list item', () => {
    const text = 'allowedRegistries:\n  - docker.io\n  - "https://ghcr.io"\nrequiredLabels: [Maintainer]\nforbiddenPackages:\n  add: [Vim]\n';
    expect(brief(issuesOf(parsePolicy(text, file)))).toEqual([
      '3:5 DWP1003 allowedRegistries[1] "https://ghcr.io" is not a registry: write a host such as docker.io, ghcr.io or registry.example.com:5000, or *.example.com for every subdomain, optionally with a path such as ghcr.io/acme',
      '4:18 DWP1003 requiredLabels[0] "Maintainer" is not a label key: lowercase letters, digits, dots and dashes, such as org.opencontainers.image.source',
      '6:9 DWP1003 forbiddenPackages.add[0] "Vim" is not a package name: lowercase letters, digits and + . _ -',
    ]);
  });

  it('DWP1003: an unknown key in a package list, an unknown rule code, a wrong severity', () => {
    const text = 'forbiddenPackages:\n  remove: [vim]\nrules:\n  DW9999: error\n  DW1010: warnings\n';
    const issues = issuesOf(parsePolicy(text, file));
    expect(brief(issues)).toEqual([
      '2:3 DWP1003 unknown setting "remove" in forbiddenPackages',
      '4:3 DWP1003 "DW9999" is not a Dockwright rule code',
      '5:11 DWP1003 rules.DW1010 is "warnings", not one of off, info, warn, warning, error',
    ]);
    expect(issues.map((i) => i.hint)).toEqual(['the keys here are defaults, add and allow', 'write a code such as DW5017; docs/anti-patterns.md lists every code', 'write off, info, warn or error']);
  });

  it('DWP1003: a rule switched on without the list it checks against', () => {
    expect(issuesOf(parsePolicy('rules:\n  DW1009: error\n', file))).toMatchObject([
      { code: 'DWP1003', message: 'DW1009 is error but allowedRegistries lists nothing to check against', hint: 'add allowedRegistries: [...], or set DW1009: off', file, line: 2, column: 3, key: 'rules.DW1009' },
    ]);
    expect(brief(issuesOf(parsePolicy('requiredLabels: []\nrules:\n  DW6019: warn\n', file)))).toEqual(['3:3 DWP1003 DW6019 is warn but requiredLabels lists nothing to check against']);
  });

  it('DWP1001: a file that cannot be read', () => {
    const dir = makeDir({});
    const [issue] = issuesOf(loadPolicy(join(dir, 'missing.yaml')));
    expect(issue).toMatchObject({ code: 'DWP1001', hint: 'check that the file exists and is readable', file: join(dir, 'missing.yaml') });
    expect(issue?.message).toMatch(/^cannot read the policy: ENOENT no such file or directory/);
  });

  it('every code it can give is in policyCodes', () => {
    expect(Object.keys(policyCodes)).toEqual(['DWP1001', 'DWP1002', 'DWP1003', 'DWP1004', 'DWP1005']);
  });
});

describe('extends', () => {
  it('merges a file by relative path: its settings first, this file\'s over them, rules key by key', () => {
    const dir = makeDir({
      'base.policy.yaml': 'requireDigests: true\nforbidRoot: true\nrequiredLabels: [org.opencontainers.image.source]\nrules:\n  DW1010: warn\n  DW3008: error\n',
      'team/dockwright.policy.yaml': 'extends: ../base.policy.yaml\nforbidRoot: false\nrequiredLabels: [org.opencontainers.image.revision]\nrules:\n  DW1010: error\n',
    });
    const result = loadPolicy(join(dir, 'team/dockwright.policy.yaml'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.policy.files).toEqual([join(dir, 'team/dockwright.policy.yaml'), join(dir, 'base.policy.yaml')]);
    expect(result.policy.requiredLabels).toEqual(['org.opencontainers.image.revision']);
    // forbidRoot: false replaces true, but the base's explicit DW3008: error still applies.
    expect(result.policy.rules).toMatchObject({ DW1010: 'error', DW3008: 'error', DW6019: 'error' });
    expect(result.policy.settings.forbidRoot).toBe(false);
  });

  it('reads a policy an organisation publishes in a package, through node_modules and its exports', () => {
    const dir = makeDir({
      'node_modules/@acme/dockwright-presets/package.json': JSON.stringify({ name: '@acme/dockwright-presets', exports: { '.': './index.js', './policy': './acme.policy.yaml' } }),
      'node_modules/@acme/dockwright-presets/acme.policy.yaml': 'allowedRegistries: [registry.acme.example]\n',
      'node_modules/@acme/dockwright-presets/dockwright.policy.yaml': 'requireDigests: true\n',
      'one/dockwright.policy.yaml': 'extends: "@acme/dockwright-presets/policy"\n',
      'two/dockwright.policy.yaml': 'extends: ["@acme/dockwright-presets"]\n',
    });
    const one = loadPolicy(join(dir, 'one/dockwright.policy.yaml'));
    expect(one.ok && one.policy.allowedRegistries).toEqual(['registry.acme.example']);
    // A package name alone means its dockwright.policy.yaml.
    const two = loadPolicy(join(dir, 'two/dockwright.policy.yaml'));
    expect(two.ok && two.policy.rules.DW1010).toBe('error');
  });

  it('DWP1004: a missing file or package, at the extends entry', () => {
    const dir = makeDir({ 'dockwright.policy.yaml': 'extends:\n  - ./base.yaml\n  - "@acme/policy"\n' });
    const issues = issuesOf(loadPolicy(join(dir, 'dockwright.policy.yaml')));
    expect(issues).toMatchObject([
      { code: 'DWP1004', message: 'extends "./base.yaml": no such file', hint: 'fix the path; it is relative to this policy file', file: join(dir, 'dockwright.policy.yaml'), line: 2, column: 5, key: 'extends.0' },
      { code: 'DWP1004', message: 'extends "@acme/policy": no such package or file in node_modules', hint: 'install the package that publishes the policy (npm install --save-dev @acme/policy), or fix the name', file: join(dir, 'dockwright.policy.yaml'), line: 3, column: 5, key: 'extends.1' },
    ]);
  });

  it('DWP1005: a loop, reported where it closes', () => {
    const dir = makeDir({ 'a.yaml': 'extends: ./b.yaml\n', 'b.yaml': 'extends: ./a.yaml\n', 'self.yaml': 'extends: ./self.yaml\n' });
    expect(issuesOf(loadPolicy(join(dir, 'a.yaml')))).toMatchObject([
      { code: 'DWP1005', message: `extends "./a.yaml" leads back to ${join(dir, 'a.yaml')}`, hint: 'remove the extends entry that closes the loop', file: join(dir, 'b.yaml'), line: 1, column: 10, key: 'extends' },
    ]);
    expect(brief(issuesOf(loadPolicy(join(dir, 'self.yaml'))))).toEqual(['1:10 DWP1005 extends "./self.yaml" leads back to this file']);
  });

  it('problems in an extended file are reported in that file', () => {
    const dir = makeDir({ 'base.yaml': 'requireDigests: 1\n', 'dockwright.policy.yaml': 'extends: ./base.yaml\n' });
    const [issue] = issuesOf(loadPolicy(join(dir, 'dockwright.policy.yaml')));
    expect(issue).toMatchObject({ code: 'DWP1003', file: join(dir, 'base.yaml'), line: 1, column: 17 });
  });

  it('DWP1001 for an unreadable extended file', () => {
    const dir = makeDir({ 'base.yaml': 'requireDigests: true\n', 'dockwright.policy.yaml': 'extends: ./base.yaml\n' });
    chmodSync(join(dir, 'base.yaml'), 0o000);
    const result = loadPolicy(join(dir, 'dockwright.policy.yaml'));
    chmodSync(join(dir, 'base.yaml'), 0o644);
    // root reads any file: there the policy loads; otherwise the read fails with EACCES.
    if (process.getuid?.() === 0) expect(result.ok).toBe(true);
    else expect(issuesOf(result)[0]).toMatchObject({ code: 'DWP1001', file: join(dir, 'base.yaml') });
  });
});

describe('findPolicyFile', () => {
  it('finds the nearest file walking up, and stops at the repository root', () => {
    const dir = makeDir({
      'dockwright.policy.yaml': 'requireDigests: true\n',
      'repo/.git/HEAD': 'ref: refs/heads/main\n',
      'repo/services/api/x': '',
      'repo/services/web/dockwright.policy.yaml': 'forbidRoot: true\n',
      'repo/services/web/src/x': '',
      'other/deep/x': '',
    });
    expect(findPolicyFile(join(dir, 'repo/services/web/src'))).toBe(join(dir, 'repo/services/web/dockwright.policy.yaml'));
    // Not past the repository root (the directory with .git), so the file above it is not used.
    expect(findPolicyFile(join(dir, 'repo/services/api'))).toBeUndefined();
    expect(findPolicyFile(join(dir, 'other/deep'))).toBe(join(dir, 'dockwright.policy.yaml'));
    expect(findPolicyFile(join(dir, 'other/deep'), join(dir, 'other'))).toBeUndefined();
    mkdirSync(join(dir, 'repo/dockwright.policy.yaml'));
    // A directory of that name is not a policy file.
    expect(findPolicyFile(join(dir, 'repo/services/api'))).toBeUndefined();
  });
});
