// One policy file, two readers: `checkPolicy` on the Dockerfiles the builder makes, and core's
// `lint()` on written Dockerfiles through `lintOptions()`. On the same Dockerfile they report
// the same policy rules, by the same codes.
import { describe, expect, it } from 'vitest';
import { aptInstall, dockerfile, image, lintDockerfile, oci, stage, type Dockerfile } from '@dockwright/core';
import { checkPolicy, lintOptions, parsePolicy, policyRules, type Policy } from '@dockwright/policy';

const policyRuleCodes = new Set<string>(policyRules.map((r) => r.code));

function policyOf(text: string): Policy {
  const result = parsePolicy(text);
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'));
  return result.policy;
}

/** The policy codes each reader reports for one Dockerfile: the builder's AST and its rendered text. */
function both(file: Dockerfile, policy: Policy): { render: string[]; lint: string[] } {
  const render = [...new Set(checkPolicy(file, policy).map((f) => f.code))].sort();
  const lint = [...new Set(lintDockerfile(file.render(), lintOptions(policy)).map((d) => d.rule as string))].filter((c) => policyRuleCodes.has(c)).sort();
  return { render, lint };
}

describe('lintOptions', () => {
  it('passes the rules map and the lists lint reads', () => {
    const policy = policyOf('allowedRegistries: [ghcr.io/acme]\nrequiredLabels: [com.acme.team]\nforbiddenPackages: { defaults: false, add: [curl] }\nrules:\n  DW5018: off\n');
    expect(lintOptions(policy)).toEqual({ rules: policy.rules, allowedRegistries: ['ghcr.io/acme'], requiredLabels: ['com.acme.team'], forbiddenPackages: ['curl'] });
    expect(lintOptions(policy).rules?.DW5018).toBe('off');
  });

  it('leaves out lists the policy does not set, so lint keeps its own defaults', () => {
    expect(lintOptions(policyOf('requireDigests: true\n'))).toEqual({ rules: policyOf('requireDigests: true\n').rules });
  });

  it.each([
    ['registries', 'allowedRegistries: [ghcr.io/acme]\n', stage('app').from('node:22.11-bookworm-slim').user(10001), ['DW1009']],
    ['digests', 'requireDigests: true\n', stage('app').from(image('ghcr.io/acme/base:1.0')).user(10001), ['DW1010']],
    ['numeric user', 'requireNumericUser: true\n', stage('app').from('node:22.11-bookworm-slim').user('node'), ['DW3007']],
    ['labels', 'requiredLabels: [org.opencontainers.image.source, com.acme.team]\n', stage('app').from('debian:12.8-slim').label(oci({ source: 'https://git.acme.example/api' })).user(10001), ['DW6019']],
    ['pinned packages', 'requirePinnedPackages: true\n', stage('app').from('debian:12.8-slim').run(aptInstall(['curl'])).user(10001), ['DW5017']],
    ['forbidden packages', 'forbiddenPackages: true\n', stage('app').from('debian:12.8-slim').run(aptInstall(['openssh-server', 'tini'])).user(10001), ['DW5022']],
    ['health checks', 'requireHealthcheck: true\n', stage('app').from('debian:12.8-slim').expose(8080).user(10001), ['DW6020']],
    ['a health check turned off on purpose', 'requireHealthcheck: true\n', stage('job').from('debian:12.8-slim').healthcheck('none').user(10001), []],
    ['a compliant image', 'allowedRegistries: [ghcr.io/acme]\nrequireDigests: true\nrequireNumericUser: true\n', stage('app').from(image('ghcr.io/acme/base:1.0').pinDigest(`sha256:${'c'.repeat(64)}`)).user(10001), []],
  ] as const)('agrees with lint() on %s', (_, text, app, codes) => {
    expect(both(dockerfile(app), policyOf(text))).toEqual({ render: codes, lint: codes });
  });
});
