import type { NodePackageManager } from './detect-node.js';

/** How a package manager installs, prunes and caches, as the Node preset uses it. */
export interface PackageManagerPlan {
  /** Files besides package.json that the install reads. */
  readonly manifests: readonly string[];
  readonly install: string;
  readonly installProd: string;
  /** The download cache, mounted during installs (root's, since installs run as root). */
  readonly cache: string;
  /** Runs a package.json script. */
  run(script: string): string;
  /** Runs a script of one package of a workspace, from the workspace root. */
  runIn(pkg: { readonly name: string; readonly dir: string }, script: string): string;
  /**
   * The install of a workspace whose lockfile names packages that are not there (only the ones a
   * service needs are copied), when `install` would refuse it. Default: `install`.
   */
  readonly workspaceInstall?: string;
  /** The package to install globally with npm when the base image does not have the tool. */
  readonly globalPackage?: string;
  /** The name `corepack enable` takes, when it differs from `globalPackage` (yarn 2+ has no npm package of that name). */
  readonly corepackName?: string;
}

/** The plans, by package manager. */
export const packageManagers: Readonly<Record<NodePackageManager, PackageManagerPlan>> = {
  npm: {
    manifests: ['package-lock.json'],
    install: 'npm ci',
    installProd: 'npm ci --omit=dev',
    cache: '/root/.npm',
    run: (s) => `npm run ${s}`,
    runIn: (p, s) => `npm run ${s} --workspace=${p.dir}`,
  },
  pnpm: {
    manifests: ['pnpm-lock.yaml'],
    install: 'pnpm install --frozen-lockfile',
    installProd: 'pnpm install --frozen-lockfile --prod',
    cache: '/root/.local/share/pnpm/store',
    run: (s) => `pnpm run ${s}`,
    runIn: (p, s) => `pnpm --filter=${p.name} run ${s}`,
    globalPackage: 'pnpm',
  },
  yarn: {
    manifests: ['yarn.lock'],
    install: 'yarn install --frozen-lockfile --non-interactive',
    installProd: 'yarn install --frozen-lockfile --non-interactive --production',
    cache: '/usr/local/share/.cache/yarn',
    run: (s) => `yarn run ${s}`,
    runIn: (p, s) => `yarn workspace ${p.name} run ${s}`,
    globalPackage: 'yarn',
  },
  'yarn-berry': {
    manifests: ['yarn.lock', '.yarnrc.yml'],
    install: 'yarn install --immutable',
    installProd: 'yarn workspaces focus --all --production',
    // `install --immutable` refuses a lockfile with workspaces that are not there; focus installs
    // from the lockfile without writing it.
    workspaceInstall: 'yarn workspaces focus --all',
    cache: '/root/.yarn/berry/cache',
    run: (s) => `yarn run ${s}`,
    runIn: (p, s) => `yarn workspace ${p.name} run ${s}`,
    corepackName: 'yarn',
  },
  bun: {
    manifests: ['bun.lock'],
    install: 'bun install --frozen-lockfile',
    installProd: 'bun install --frozen-lockfile --production',
    cache: '/root/.bun/install/cache',
    run: (s) => `bun run ${s}`,
    runIn: (p, s) => `bun run --filter=${p.name} ${s}`,
  },
};
