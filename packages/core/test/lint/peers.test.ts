// Agreement with the tools teams use today, case by case: for every peer rule (hadolint's DLxxxx,
// BuildKit's checks) the twin rule fires exactly where the peer does, except where Dockwright
// differs on purpose, and each of those is listed with its reason in docs/lint.md.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintDockerfile, rules, type LintOptions } from '@dockwright/core';
import { peerCases } from './peer.cases.js';

// Every rule on, with the lists the policy rules need, so a twin can answer for its peer.
const options: LintOptions = {
  rules: Object.fromEntries(rules.map((r) => [r.id, 'warn'])),
  allowedRegistries: ['docker.io'],
  requiredLabels: ['org.opencontainers.image.source'],
  labelSchema: { 'org.opencontainers.image.created': 'rfc3339', 'org.opencontainers.image.source': 'url', 'org.opencontainers.image.licenses': 'spdx', 'org.opencontainers.image.revision': 'hash', 'org.opencontainers.image.version': 'semver', 'org.opencontainers.image.authors': 'email' },
  strictLabels: true,
};

/** True when a rule twinned with `peer` reports on the text. */
function ours(peer: string, text: string): boolean {
  const twins = new Set(rules.filter((r) => r.twins.includes(peer)).map((r) => r.id));
  return lintDockerfile(text, options).some((d) => twins.has(d.rule as never));
}

describe('agreement with hadolint and BuildKit', () => {
  it('covers every twin named in the catalogue', () => {
    const named = new Set(rules.flatMap((r) => r.twins));
    const covered = new Set(peerCases.map((c) => c.peer));
    expect([...named].filter((t) => !covered.has(t)).sort()).toEqual([]);
  });

  for (const c of peerCases) {
    const label = `${c.peer}: ${c.fires ? 'fires' : 'quiet'} on ${JSON.stringify(c.text)}`;
    it(c.differs === undefined ? label : `${label} (differs on purpose)`, () => {
      expect(ours(c.peer, c.text)).toBe(c.differs === undefined ? c.fires : !c.fires);
    });
  }

  it('lists every deliberate difference in docs/lint.md', () => {
    const doc = readFileSync(join(import.meta.dirname, '../../../../docs/lint.md'), 'utf8');
    const section = doc.slice(doc.indexOf('## Where Dockwright differs on purpose'));
    expect(section.length).toBeGreaterThan(100);
    for (const c of peerCases.filter((x) => x.differs !== undefined)) expect(section, c.peer).toContain(`\`${c.peer}\``);
  });

  it('agrees on every case but the documented differences', () => {
    const agree = peerCases.filter((c) => ours(c.peer, c.text) === c.fires).length;
    const differences = peerCases.filter((c) => c.differs !== undefined).length;
    expect(agree).toBe(peerCases.length - differences);
  });
});
