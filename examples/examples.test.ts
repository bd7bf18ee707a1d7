// The examples render, and the Dockerfiles committed beside them are current.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DockerfileParser } from 'dockerfile-ast';
import { describe, expect, it } from 'vitest';
import { goApp } from './go-app/dockerfile.js';
import { nodeApp } from './node-app/dockerfile.js';

const here = dirname(fileURLToPath(import.meta.url));

describe.each([
  ['node-app', nodeApp, ['deps', 'build', 'runtime']],
  ['go-app', goApp, ['build', 'runtime']],
] as const)('examples/%s', (name, dockerfile, stages) => {
  it('matches the committed Dockerfile (run `pnpm examples` after a change)', () => {
    expect(dockerfile.render()).toBe(readFileSync(join(here, name, 'Dockerfile'), 'utf8'));
  });

  it('renders its stages in dependency order, and an independent parser reads them', () => {
    expect(dockerfile.ast.stages.map((s) => s.name)).toEqual(stages);
    const parsed = DockerfileParser.parse(dockerfile.render());
    expect(parsed.getFROMs().map((f) => f.getBuildStage())).toEqual(stages);
    expect(parsed.getInstructions().at(-1)?.getKeyword()).toMatch(/^(CMD|ENTRYPOINT)$/);
  });

  it('runs as a non-root numeric user', () => {
    const last = dockerfile.ast.stages.at(-1);
    const users = last?.instructions.filter((i) => i.kind === 'User') ?? [];
    expect(users.at(-1)).toMatchObject({ user: expect.stringMatching(/^[1-9]\d*$/) });
  });
});
