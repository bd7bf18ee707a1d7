// Writes a pnpm monorepo of N services into a directory: three Node services in four (each
// depending on a shared workspace package, every other one with a build step) and one Go
// service in four, each with a service.dockerfile.ts using the presets, as a real repository
// would, and a dockwright.policy.yaml at the root that every service passes, so each render
// loads the policy and runs seven rules on every Dockerfile. node_modules links
// @dockwright/core and @dockwright/presets to this repository.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface GeneratedMonorepo {
  readonly dir: string;
  readonly services: number;
  readonly node: number;
  readonly go: number;
}

function write(root: string, path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

const nodeTarget = `import { detectNode, nodePreset } from '@dockwright/presets';

export default nodePreset(detectNode(import.meta.dirname), { healthcheck: { path: '/health' } });
`;

/** The policy at the root of the generated monorepo (`POLICY_FILE`): seven rules on, all passed. */
export const benchPolicy = `# Every service of the generated monorepo passes these rules.
allowedRegistries: [docker.io/library, gcr.io/distroless]
forbidBuildTools: true
requireNumericUser: true
forbidRoot: true
requirePinnedPackages: true
forbiddenPackages: true
rules:
  DW5018: off
`;

const goTarget = `import { detectGo, goPreset } from '@dockwright/presets';

export default goPreset(detectGo(import.meta.dirname), { port: 8080 });
`;

/**
 * Generates the monorepo into `dir` (which must be empty or absent).
 *
 * @example
 * ```ts
 * generateMonorepo('/tmp/mono', 200, '/work/repo'); // with the policy; { policy: false } for none
 * generateMonorepo('/tmp/mono', 200, '/work/repo', { packages: '/tmp/project/node_modules/@dockwright' }); // installed packages
 * ```
 */
export function generateMonorepo(dir: string, services: number, repoRoot: string, options: { policy?: boolean; packages?: string } = {}): GeneratedMonorepo {
  write(dir, 'package.json', `${JSON.stringify({ name: 'bench-monorepo', private: true, type: 'module', packageManager: 'pnpm@10.34.8' }, null, 2)}\n`);
  write(dir, 'pnpm-workspace.yaml', 'packages:\n  - packages/*\n  - services/*\n');
  write(dir, 'pnpm-lock.yaml', "lockfileVersion: '9.0'\n");
  write(dir, '.nvmrc', '22\n');
  if (options.policy !== false) write(dir, 'dockwright.policy.yaml', benchPolicy);
  write(dir, 'packages/shared/package.json', `${JSON.stringify({ name: '@bench/shared', version: '1.0.0', type: 'module', main: 'index.js' }, null, 2)}\n`);
  write(dir, 'packages/shared/index.js', 'export const shared = 1;\n');
  let node = 0;
  let go = 0;
  for (let i = 0; i < services; i += 1) {
    const name = `svc-${String(i).padStart(3, '0')}`;
    if (i % 4 === 3) {
      go += 1;
      write(dir, `services/${name}/go.mod`, `module example.com/bench/${name}\n\ngo 1.23\n`);
      write(dir, `services/${name}/go.sum`, '');
      write(dir, `services/${name}/main.go`, 'package main\n\nfunc main() {}\n');
      write(dir, `services/${name}/service.dockerfile.ts`, goTarget);
    } else {
      node += 1;
      const scripts = i % 2 === 0 ? { build: 'node build.js', start: 'node dist/server.js' } : { start: 'node src/server.js' };
      write(dir, `services/${name}/package.json`, `${JSON.stringify({ name: `@bench/${name}`, version: '1.0.0', type: 'module', scripts, dependencies: { '@bench/shared': 'workspace:*' } }, null, 2)}\n`);
      write(dir, `services/${name}/src/server.js`, "import { shared } from '@bench/shared';\nconsole.log(shared);\n");
      write(dir, `services/${name}/service.dockerfile.ts`, nodeTarget);
    }
  }
  mkdirSync(join(dir, 'node_modules', '@dockwright'), { recursive: true });
  // The workspace's packages (TypeScript sources through tsx), or installed ones (`packages`: the
  // directory holding them, as npm installed them from their tarballs).
  const from = (name: string) => (options.packages === undefined ? join(repoRoot, 'packages', name) : join(options.packages, name));
  symlinkSync(from('core'), join(dir, 'node_modules', '@dockwright', 'core'), 'dir');
  symlinkSync(from('presets'), join(dir, 'node_modules', '@dockwright', 'presets'), 'dir');
  return { dir, services, node, go };
}
