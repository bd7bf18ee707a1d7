// What the builder renders, the linter accepts: the rules the builder refuses are the same
// modules lint runs, so no rendered Dockerfile may carry an error finding. Warnings can only come
// from free shell text the user wrote (a `cd` in run()).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dockerfile, lintDockerfile, stage } from '@dockwright/core';

const root = join(import.meta.dirname, '../../../..');
const golden = join(root, 'packages/core/test/golden');
const rendered = [
  ...readdirSync(golden)
    .filter((f) => f.endsWith('.Dockerfile'))
    .map((f) => ({ name: `golden/${f}`, text: readFileSync(join(golden, f), 'utf8') })),
  ...readdirSync(join(root, 'examples'), { recursive: true })
    .map(String)
    .filter((f) => /(?:^|\/)Dockerfile$/.test(f) && !f.includes('node_modules'))
    .map((f) => ({ name: `examples/${f}`, text: readFileSync(join(root, 'examples', f), 'utf8') })),
];

describe('lint of what the builder renders', () => {
  it('reads the golden files and the examples', () => {
    expect(rendered.length).toBeGreaterThan(50);
  });

  it('finds no errors, and warnings only where the user wrote the shell text', () => {
    const found = rendered.flatMap((f) => lintDockerfile(f.text).filter((d) => d.severity !== 'info').map((d) => `${f.name}:${d.line} ${d.rule} ${d.severity}`));
    expect(found).toEqual(['golden/run-chain.Dockerfile:3 DW5020 warning']);
  });

  it('reads an allowRoot() waiver as a suppression of DW3001', () => {
    const text = dockerfile(stage('app').from('debian:12.8-slim').allowRoot('binds port 80 without capabilities')).render();
    expect(text).toContain('# dockwright:allow DW3001 binds port 80 without capabilities');
    expect(lintDockerfile(text)).toEqual([]);
    expect(lintDockerfile(text.replace(/^# dockwright:allow.*$/m, '')).map((d) => d.rule)).toEqual(['DW3001']);
  });
});
