// The playground's starting examples, read at build time from the repository's own examples, so
// the playground shows the programs the tests render.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { formatProjectFiles } from './project-files.js';

export interface Example {
  readonly id: string;
  readonly title: string;
  readonly code: string;
  /** The project description, in the files format. */
  readonly files: string;
  readonly dir: string;
}

/** Manifests and lockfiles under a root: what detection reads; sources and outputs are left out. */
function manifests(root: string, keep: RegExp): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (name === 'node_modules' || name === 'src') continue;
      if (statSync(path).isDirectory()) walk(path);
      else if (keep.test(name)) out[relative(root, path).split('\\').join('/')] = readFileSync(path, 'utf8');
    }
  };
  walk(root);
  return out;
}

const NODE_MANIFESTS = /^(package\.json|pnpm-workspace\.yaml|pnpm-lock\.yaml|package-lock\.json|yarn\.lock|\.nvmrc|\.node-version)$/;

const release = "{ source: 'https://git.acme.example/billing', revision: '4f9c2b7e1d3a5c8b0e2f4a6c8d0b2e4f6a8c0d2e' }";

/**
 * The examples: a Node service, a Go service, a service of a monorepo, an organisation preset.
 *
 * @example
 * ```ts
 * loadExamples('/repo').map((e) => e.id); // ['node-service', 'go-service', 'monorepo-service', 'org-preset']
 * ```
 */
export function loadExamples(repo: string): Example[] {
  const read = (path: string) => readFileSync(join(repo, 'examples', path), 'utf8');
  const simpleApp = formatProjectFiles({
    'package.json': `${JSON.stringify({ name: 'billing', type: 'module', engines: { node: '22' }, scripts: { build: 'tsc', start: 'node dist/server.js' } }, null, 2)}\n`,
    'package-lock.json': '{ "lockfileVersion": 3 }\n',
  });
  return [
    { id: 'node-service', title: 'Node service (core builders)', code: read('node-app/dockerfile.ts'), files: simpleApp, dir: '.' },
    { id: 'go-service', title: 'Go service on scratch', code: read('go-app/dockerfile.ts'), files: formatProjectFiles({ 'go.mod': 'module example.com/server\n\ngo 1.23\n' }), dir: '.' },
    {
      id: 'monorepo-service',
      title: 'Monorepo service (Node preset, pnpm workspace)',
      code: read('monorepo/services/api/service.dockerfile.ts'),
      files: formatProjectFiles(manifests(join(repo, 'examples', 'monorepo'), NODE_MANIFESTS)),
      dir: 'services/api',
    },
    {
      id: 'org-preset',
      title: 'Organisation preset (ACME on the Node preset)',
      code: `${read('org-presets/acme-presets.ts')}\n// A team's service, the ACME way: the project is in the Project files tab.\nimport { detectNode } from '@dockwright/presets';\n\nexport default acmeNode(detectNode('.'), ${release});\n`,
      files: simpleApp,
      dir: '.',
    },
  ];
}
