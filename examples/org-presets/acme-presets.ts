// An organisation preset package: ACME's registry, its required OCI labels, its user and its
// extra steps, on top of Dockwright's presets, without forking them. Publish it as
// `@acme/dockwright-presets` and every team gets the same rules.
import { DockwrightError, image, oci, type Stage } from '@dockwright/core';
import { dockerignore, goPreset, nodePreset, type GoProject, type NodeProject, type PresetResult } from '@dockwright/presets';

/** ACME's internal registry; base images are pinned by digest (refreshed by Renovate). */
export const acmeImages = {
  node: image('registry.acme.example/base/node:22.11-bookworm-slim').pinDigest('sha256:7c2e1a8b1e0f1d5c9f3b6a2d4e8f0a1b3c5d7e9f1a2b4c6d8e0f2a4b6c8d0e2f'),
  golang: image('registry.acme.example/base/golang:1.23.4-bookworm').pinDigest('sha256:0d8f2c4a6e8b0d2f4a6c8e0b2d4f6a8c0e2b4d6f8a0c2e4b6d8f0a2c4e6b8d0f'),
};

/** What every ACME image must say about itself. */
export interface AcmeRelease {
  /** The repository URL. */
  readonly source: string;
  /** The commit the image is built from (40 hex digits). */
  readonly revision: string;
  readonly licenses?: string;
}

/** ACME runs every service as this uid, which its Kubernetes policies allow. */
export const ACME_UID = 10001;

function labels(release: AcmeRelease): Record<string, string> {
  if (!/^[0-9a-f]{40}$/.test(release.revision)) {
    throw new DockwrightError([
      { code: 'DW9003', message: `revision "${release.revision}" is not a full commit id`, hint: 'pass the 40-character commit id, e.g. from `git rev-parse HEAD`', path: { instruction: 'acme preset' } },
    ]);
  }
  return oci({ vendor: 'ACME Corp', source: release.source, revision: release.revision, licenses: release.licenses ?? 'LicenseRef-ACME-Proprietary' }) as Record<string, string>;
}

// ACME's CA, so services trust internal TLS; shipped in every build context by ACME's template.
// A certificate is public: the waiver tells lint (DW4003 flags every *.pem as a possible key) so.
const trustAcmeCa = (s: Stage<boolean>) =>
  s.comment('dockwright:allow DW4003 a public CA certificate, not a key').copy('acme-ca.pem', '/etc/ssl/certs/acme-ca.pem', { chmod: '644' });

// The presets keep `**/*.pem` (private keys) out of the build context; the CA certificate is
// public and must get in, so the ignore file makes an exception for it, after that pattern.
const withAcmeCa = (result: PresetResult): PresetResult => ({ ...result, dockerignore: dockerignore([...result.dockerignore.patterns, '!acme-ca.pem']) });

/**
 * A Node service the ACME way.
 *
 * @example
 * ```ts
 * acmeNode(detectNode('.'), { source: 'https://git.acme.example/billing', revision: sha });
 * ```
 */
export function acmeNode(project: NodeProject, release: AcmeRelease): PresetResult {
  return withAcmeCa(nodePreset(project, {
    images: { node: acmeImages.node },
    user: { uid: ACME_UID },
    labels: labels(release),
    healthcheck: { path: '/healthz' },
    runtimeSteps: (s) => trustAcmeCa(s).env({ NODE_EXTRA_CA_CERTS: '/etc/ssl/certs/acme-ca.pem' }),
  }));
}

/**
 * A Go service the ACME way.
 *
 * @example
 * ```ts
 * acmeGo(detectGo('.'), { source: 'https://git.acme.example/ledger', revision: sha }, 'api');
 * ```
 */
export function acmeGo(project: GoProject, release: AcmeRelease, command?: string): PresetResult {
  return withAcmeCa(goPreset(project, {
    images: { golang: acmeImages.golang },
    ...(command === undefined ? {} : { command }),
    tzdata: true,
    labels: labels(release),
    runtimeSteps: trustAcmeCa,
  }));
}
