import { describe, expect, it } from 'vitest';
import { isDockwrightError } from '@dockwright/core';
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
