import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { isDockwrightError } from '@dockwright/core';
import { checkPolicy, loadPolicy, type Policy } from '@dockwright/policy';
import { nodePreset } from '@dockwright/presets';
import { acmeGo, acmeNode } from './acme-presets.js';

const release = { source: 'https://git.acme.example/billing', revision: '4f2a9c1e0b5d6f8a9c2e4d6b8a0c2e4f6a8b0d2c' };
const service = { name: 'billing', packageManager: 'npm', lockfile: 'package-lock.json', hasBuildScript: true, start: ['node', 'dist/server.js'] } as const;

describe('an organisation preset built on Dockwright', () => {
  it('uses the organisation registry, pinned, its labels, its uid and its CA', () => {
    const text = acmeNode(service, release).dockerfile.render();
    expect(text.match(/^FROM \S+/gm)?.filter((l) => !l.startsWith('FROM deps') && !l.startsWith('FROM base'))).toEqual(
      Array(3).fill(expect.stringMatching(/^FROM registry\.acme\.example\/base\/node:22\.11-bookworm-slim@sha256:[0-9a-f]{64}$/)),
    );
    expect(text).toContain('org.opencontainers.image.vendor="ACME Corp"');
    expect(text).toContain(`org.opencontainers.image.revision=${release.revision}`);
    expect(text).toContain('USER 10001:10001');
    expect(text).toContain('COPY --chmod=644 acme-ca.pem /etc/ssl/certs/acme-ca.pem');
    expect(text).toContain('NODE_EXTRA_CA_CERTS=/etc/ssl/certs/acme-ca.pem');
    expect(text).toContain('HEALTHCHECK');
  });

  it('lets its CA certificate into the build context, which the presets keep *.pem files out of', () => {
    for (const result of [acmeNode(service, release), acmeGo({ module: 'acme.example/ledger', goVersion: '1.23', hasGoSum: true, commands: ['./cmd/api'] }, release)]) {
      const patterns = result.dockerignore.patterns;
      expect(patterns.indexOf('!acme-ca.pem')).toBeGreaterThan(patterns.indexOf('**/*.pem'));
      expect(patterns.indexOf('**/*.pem')).toBeGreaterThanOrEqual(0);
    }
  });

  it('refuses a release without a full commit id', () => {
    try {
      acmeNode(service, { ...release, revision: 'main' });
      expect.unreachable();
    } catch (error) {
      expect(isDockwrightError(error) && error.code).toBe('DW9003');
    }
  });

  it('wraps the Go preset the same way', () => {
    const text = acmeGo({ module: 'acme.example/ledger', goVersion: '1.23', hasGoSum: true, commands: ['./cmd/api'] }, release).dockerfile.render();
    expect(text).toMatch(/^FROM --platform=\$BUILDPLATFORM registry\.acme\.example\/base\/golang:1\.23\.4-bookworm@sha256:/m);
    expect(text).toContain('COPY --from=files /usr/share/zoneinfo /usr/share/zoneinfo');
    expect(text).toContain('USER 65532:65532');
  });
});

describe('the policy ACME publishes with its presets', () => {
  const loaded = loadPolicy(fileURLToPath(new URL('./acme.policy.yaml', import.meta.url)));
  const policy = (): Policy => {
    if (!loaded.ok) throw new Error(loaded.issues.map((i) => `${i.line}:${i.column} ${i.message}`).join('\n'));
    return loaded.policy;
  };

  it('is a valid policy that turns every rule on, the health check as a warning', () => {
    const { DW6020, ...rest } = policy().rules;
    expect(DW6020).toBe('warn');
    expect(Object.values(rest).every((s) => s === 'error')).toBe(true);
  });

  it('passes the images the ACME presets make; the Go one, on scratch, is warned it has no HEALTHCHECK', () => {
    expect(checkPolicy(acmeNode(service, release).dockerfile, policy())).toEqual([]);
    const go = checkPolicy(acmeGo({ module: 'acme.example/ledger', goVersion: '1.23', hasGoSum: true, commands: ['./cmd/api'] }, release).dockerfile, policy());
    expect(go.map((f) => `${f.severity} ${f.code}`)).toEqual(['warning DW6020']);
  });

  it('refuses the plain Node preset: Docker Hub, no digest, no ACME labels, no health check', () => {
    const codes = checkPolicy(nodePreset(service).dockerfile, policy()).map((f) => f.code);
    expect(new Set(codes)).toEqual(new Set(['DW1009', 'DW1010', 'DW6019', 'DW6020']));
  });
});
