// One question, one answer: the cases where the builder's render-time policy, `lint()` and a
// policy file read as lint options used to disagree, each asked through all of them.
import { describe, expect, it } from 'vitest';
import { dockerfile, lintDockerfile, stage, tryDockerfile, type LintOptions } from '@dockwright/core';
import { checkPolicy, lintOptions, policyFrom, type Policy, type PolicyInput } from '@dockwright/policy';

function policy(input: PolicyInput): Policy {
  const result = policyFrom(input, 'dockwright.policy.yaml');
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'));
  return result.policy;
}

/**
 * Whether each path reports `code` for a final stage FROM `ref` running `run`:
 * - builder: the builder's AST through the policy check (`dockwright render`),
 * - builder text: the builder's rendered text through `lintDockerfile()`,
 * - lint: the same Dockerfile written by hand through `lintDockerfile()` with lint's options,
 * - policy file: that text through `lintDockerfile()` with the policy's options (`dockwright lint`).
 */
function answers(code: string, ref: string, run: string | undefined, input: PolicyInput, options: LintOptions): Record<string, boolean> {
  const from = stage('app').from(ref);
  const built = dockerfile((run === undefined ? from : from.run(run)).user(10001), { syntax: 'none' });
  const text = `FROM ${ref}${run === undefined ? '' : `\nRUN ${run}`}\nUSER 10001\n`;
  const p = policy(input);
  const has = (found: readonly { code?: string; rule?: string }[]) => found.some((f) => (f.code ?? f.rule) === code);
  return {
    builder: has(checkPolicy(built, p)),
    'builder text': has(lintDockerfile(built.render(), options)),
    lint: has(lintDockerfile(text, options)),
    'policy file': has(lintDockerfile(text, lintOptions(p))),
  };
}

const all = (value: boolean) => ({ builder: value, 'builder text': value, lint: value, 'policy file': value });

describe('DW1009: Docker Hub has one name, whatever host it is written with', () => {
  // Docker's reference library rewrites index.docker.io to docker.io; registry-1.docker.io is the
  // host that serves Docker Hub's registry API. Both pull from Docker Hub, so both are docker.io.
  it.each(['node:22', 'docker.io/library/node:22', 'index.docker.io/library/node:22', 'registry-1.docker.io/library/node:22', 'INDEX.DOCKER.IO/library/node:22'])(
    '%s is allowed by allowedRegistries: [docker.io] everywhere',
    (ref) => {
      expect(answers('DW1009', ref, undefined, { allowedRegistries: ['docker.io'] }, { allowedRegistries: ['docker.io'] })).toEqual(all(false));
    },
  );

  it.each(['node:22', 'index.docker.io/library/node:22', 'registry-1.docker.io/library/node:22'])('%s is refused by allowedRegistries: [ghcr.io] everywhere', (ref) => {
    expect(answers('DW1009', ref, undefined, { allowedRegistries: ['ghcr.io'] }, { allowedRegistries: ['ghcr.io'] })).toEqual(all(true));
  });

  it('an entry written as a Hub alias allows every spelling of a Hub image', () => {
    expect(answers('DW1009', 'node:22', undefined, { allowedRegistries: ['index.docker.io/library'] }, { allowedRegistries: ['index.docker.io/library'] })).toEqual(all(false));
    expect(answers('DW1009', 'ghcr.io/acme/node:22', undefined, { allowedRegistries: ['registry-1.docker.io'] }, { allowedRegistries: ['registry-1.docker.io'] })).toEqual(all(true));
  });
});

describe('DW5022: one shell reader decides what a RUN installs', () => {
  const forbid: PolicyInput = { forbiddenPackages: { add: ['telnet'] } };
  const options = { forbiddenPackages: ['telnet'] };

  it('an install inside a quoted string is text, not a command: not flagged anywhere', () => {
    expect(answers('DW5022', 'debian:12.8-slim', `echo 'a && apt-get install -y telnet && b'`, forbid, options)).toEqual(all(false));
    expect(answers('DW5022', 'debian:12.8-slim', `echo "apt-get install -y telnet; done"`, forbid, options)).toEqual(all(false));
  });

  it.each([
    'apt-get install -y telnet',
    'apt-get update && apt-get install -y --no-install-recommends telnet',
    `echo 'a && b' && apt-get install -y telnet`,
    `sh -c 'apt-get install -y telnet'`,
  ])('%s is flagged everywhere', (run) => {
    expect(answers('DW5022', 'debian:12.8-slim', run, forbid, options)).toEqual(all(true));
  });
});

describe('DW1011: a # syntax frontend is pinned only by a well-formed digest', () => {
  // A digest is algorithm:encoded (OCI image spec). The one digest reader (images/image-name.ts),
  // used by DW1004 and the lockfile too, takes sha256 with 64 lowercase hex digits: lint used to
  // take any `@...` as a pin, policy did not.
  const app = stage('app').from('debian:12.8-slim').user(10001);
  const on: PolicyInput = { requirePinnedSyntax: true };
  const options: LintOptions = { rules: { DW1011: 'error' } };
  function syntaxAnswers(frontend: string): Record<string, boolean> {
    const built = tryDockerfile(app, { syntax: frontend });
    const text = `# syntax=${frontend}\nFROM debian:12.8-slim\nUSER 10001\n`;
    const has = (found: readonly { code?: string; rule?: string }[]) => found.some((f) => (f.code ?? f.rule) === 'DW1011');
    // The builder may refuse the value outright; a refusal is not a pin either.
    const builder = built.ok ? has(checkPolicy(built.dockerfile, policy(on))) : true;
    return {
      builder,
      'builder text': built.ok ? has(lintDockerfile(built.dockerfile.render(), options)) : true,
      lint: has(lintDockerfile(text, options)),
      'policy file': has(lintDockerfile(text, lintOptions(policy(on)))),
    };
  }

  it.each(['docker/dockerfile:1.7', 'docker/dockerfile:1.7@sha256:abc', `docker/dockerfile:1.7@sha256:${'A'.repeat(64)}`, `docker/dockerfile:1.7@sha512:${'a'.repeat(128)}`])('%s is not pinned, everywhere', (frontend) => {
    expect(syntaxAnswers(frontend)).toEqual(all(true));
  });

  it('sha256 with 64 lowercase hex digits is pinned, everywhere', () => {
    expect(syntaxAnswers(`docker/dockerfile:1.7@sha256:${'a'.repeat(64)}`)).toEqual(all(false));
  });
});

describe('DW5017: one reader of installs, one predicate of pins', () => {
  // The policy used to read installs with its own parser (yarn and pnpm, no version ranges), lint
  // with core's (no yarn or pnpm): now both run rules/packages/unpinned-package.ts.
  const on: PolicyInput = { requirePinnedPackages: true };
  const options: LintOptions = { rules: { DW5017: 'error' } };

  it.each(['yarn global add left-pad', 'pnpm add is-odd', 'python3 -m pip install uvicorn', `echo 'x' && apt-get install -y curl`])('%s is flagged everywhere', (run) => {
    expect(answers('DW5017', 'debian:12.8-slim', run, on, options)).toEqual(all(true));
  });

  it.each(['yarn add left-pad@^1.3.0', 'pip install "uvicorn>=0.30"', `echo 'apt-get install -y curl'`, 'npm ci'])('%s is accepted everywhere', (run) => {
    expect(answers('DW5017', 'debian:12.8-slim', run, on, options)).toEqual(all(false));
  });
});
