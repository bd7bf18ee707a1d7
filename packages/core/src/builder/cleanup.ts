import type { RunStep } from '../ast/instructions.js';
import { cacheMount, type MountValue } from './mounts.js';

/** How a package manager's downloads stay out of the layer. */
export type CacheMode = 'clean' | 'mount';

/** The package managers `withCleanup()` and the install helpers know. */
export type PackageManager = 'apt' | 'apk' | 'dnf' | 'yum' | 'microdnf' | 'pip' | 'npm' | 'yarn' | 'pnpm';

interface Plan {
  /** Rewrites one command (given as words), or returns undefined when it is not this manager's install. */
  rewrite(words: readonly string[], mode: CacheMode): RunStep[] | undefined;
  /** Steps to append after the last command of this manager. */
  clean(mode: CacheMode): string[];
  mounts(): MountValue[];
}

const command = (text: string): RunStep => ({ kind: 'Command', text });
const list = (head: string, packages: readonly string[]): RunStep => ({
  kind: 'PackageList',
  command: head,
  packages: [...new Set(packages)].sort(),
});

const shellHead = (text: string | { readonly kind: 'Template' }): string => (typeof text === 'string' ? text : '');

const isYes = (o: string) => o === '-y' || o === '--yes' || o === '--assume-yes' || /^-[a-z]*y[a-z]*$/.test(o);

function osInstall(head: string, args: readonly string[], required: string[]): RunStep[] {
  const options = args.filter((a) => a.startsWith('-'));
  const packages = args.filter((a) => !a.startsWith('-'));
  // Required flags first in a fixed order, then the user's own; a combined `-qy` already says yes.
  const combinedYes = options.some((o) => isYes(o) && !['-y', '--yes', '--assume-yes'].includes(o));
  const first = required.filter((r) => !(r === '-y' && combinedYes));
  const rest = options.filter((o) => !first.includes(o) && !(first.includes('-y') && isYes(o)));
  const flags = [...first, ...rest];
  const headText = [head, ...flags].join(' ');
  return packages.length === 0 ? [command(headText)] : [list(headText, packages)];
}

const plans: Record<PackageManager, Plan> = {
  apt: {
    rewrite(words, mode) {
      const [tool, sub, ...args] = words;
      if (tool !== 'apt-get' && tool !== 'apt') return undefined;
      if (sub === 'update') return [command('apt-get update')];
      if (sub === 'install') {
        const required = mode === 'mount' ? ['-y', '--no-install-recommends'] : ['-y', '--no-install-recommends'];
        return osInstall('apt-get install', args, required);
      }
      if (sub === 'upgrade' || sub === 'dist-upgrade' || sub === 'full-upgrade') return osInstall(`apt-get ${sub}`, args, ['-y']);
      return undefined;
    },
    clean: (mode) => (mode === 'clean' ? ['rm -rf /var/lib/apt/lists/*'] : []),
    mounts: () => [cacheMount('/var/cache/apt', { sharing: 'locked' }), cacheMount('/var/lib/apt', { sharing: 'locked' })],
  },
  apk: {
    rewrite(words, mode) {
      const [tool, sub, ...args] = words;
      if (tool !== 'apk' || sub !== 'add') return undefined;
      return osInstall('apk add', args, mode === 'clean' ? ['--no-cache'] : []);
    },
    clean: () => [],
    mounts: () => [cacheMount('/etc/apk/cache', { sharing: 'locked' })],
  },
  dnf: {
    rewrite(words, mode) {
      const [tool, sub, ...args] = words;
      if (tool !== 'dnf' || sub !== 'install') return undefined;
      const keep = mode === 'mount' ? ['--setopt=keepcache=True'] : [];
      return osInstall('dnf install', args, ['-y', '--setopt=install_weak_deps=False', ...keep]);
    },
    clean: (mode) => (mode === 'clean' ? ['dnf clean all'] : []),
    mounts: () => [cacheMount('/var/cache/dnf', { sharing: 'locked' })],
  },
  yum: {
    rewrite(words, mode) {
      const [tool, sub, ...args] = words;
      if (tool !== 'yum' || sub !== 'install') return undefined;
      return osInstall('yum install', args, ['-y', ...(mode === 'mount' ? ['--setopt=keepcache=1'] : [])]);
    },
    clean: (mode) => (mode === 'clean' ? ['yum clean all', 'rm -rf /var/cache/yum'] : []),
    mounts: () => [cacheMount('/var/cache/yum', { sharing: 'locked' })],
  },
  microdnf: {
    rewrite(words, mode) {
      const [tool, sub, ...args] = words;
      if (tool !== 'microdnf' || sub !== 'install') return undefined;
      return osInstall('microdnf install', args, ['-y', '--setopt=install_weak_deps=0', ...(mode === 'mount' ? ['--setopt=keepcache=1'] : [])]);
    },
    clean: (mode) => (mode === 'clean' ? ['microdnf clean all'] : []),
    mounts: () => [cacheMount('/var/cache/yum', { sharing: 'locked' })],
  },
  pip: {
    rewrite(words, mode) {
      const at = words.indexOf('install');
      const tool = words.slice(0, at).join(' ');
      if (at < 0 || !/^(?:pip3?|python3? -m pip)$/.test(tool)) return undefined;
      const rest = words.slice(at + 1);
      const flags = mode === 'clean' && !rest.includes('--no-cache-dir') ? ['--no-cache-dir'] : [];
      return [command([tool, 'install', ...flags, ...rest].join(' '))];
    },
    clean: () => [],
    mounts: () => [cacheMount('/root/.cache/pip')],
  },
  npm: {
    rewrite: (words) => (words[0] === 'npm' && ['ci', 'install', 'i'].includes(words[1] ?? '') ? [command(words.join(' '))] : undefined),
    clean: (mode) => (mode === 'clean' ? ['npm cache clean --force'] : []),
    mounts: () => [cacheMount('/root/.npm')],
  },
  yarn: {
    rewrite: (words) => (words[0] === 'yarn' && (words.length === 1 || words[1] === 'install' || words[1]?.startsWith('--')) ? [command(words.join(' '))] : undefined),
    clean: (mode) => (mode === 'clean' ? ['yarn cache clean'] : []),
    mounts: () => [cacheMount('/usr/local/share/.cache/yarn')],
  },
  pnpm: {
    rewrite: (words) => (words[0] === 'pnpm' && ['install', 'i', 'fetch'].includes(words[1] ?? '') ? [command(words.join(' '))] : undefined),
    clean: (mode) => (mode === 'clean' ? ['pnpm store prune'] : []),
    mounts: () => [cacheMount('/root/.local/share/pnpm/store')],
  },
};

// Commands made of plain words only: these can be rewritten word by word without changing meaning.
const SIMPLE = /^[A-Za-z0-9_.,/:@%+=~*-]+(?: +[A-Za-z0-9_.,/:@%+=~*-]+)*$/;

/** The result of applying cleanup to a RUN's commands. */
export interface CleanupResult {
  readonly steps: readonly RunStep[];
  readonly mounts: readonly MountValue[];
  readonly managers: readonly PackageManager[];
}

/**
 * Rewrites the commands of a RUN so its package manager cleans up in the same layer (`clean`),
 * or keeps its downloads in cache mounts instead (`mount`).
 */
export function applyCleanup(steps: readonly RunStep[], mode: CacheMode): CleanupResult {
  const out: RunStep[] = [];
  const managers: PackageManager[] = [];
  for (const step of steps) {
    if (step.kind !== 'Command' || typeof step.text !== 'string' || !SIMPLE.test(step.text)) {
      out.push(step);
      continue;
    }
    const all = step.text.split(' ').filter((w) => w !== '');
    // A leading `sudo` is dropped (the build already runs as root); a package named sudo is kept.
    const words = all[0] === 'sudo' ? all.slice(1) : all;
    const found = (Object.keys(plans) as PackageManager[]).find((m) => plans[m].rewrite(words, mode) !== undefined);
    if (found === undefined) {
      out.push(step);
      continue;
    }
    if (!managers.includes(found)) managers.push(found);
    const rewritten = plans[found].rewrite(words, mode) ?? [];
    // apt needs fresh lists in the same layer as the install, or it installs from stale ones.
    const first = rewritten[0];
    const head = first === undefined ? '' : first.kind === 'PackageList' ? first.command : shellHead(first.text);
    const isAptInstall = found === 'apt' && head.startsWith('apt-get install');
    const hasUpdate = out.some((s) => s.kind === 'Command' && s.text === 'apt-get update');
    if (isAptInstall && !hasUpdate) out.push(command('apt-get update'));
    out.push(...rewritten);
  }
  if (mode === 'mount' && managers.includes('apt')) out.unshift(command('rm -f /etc/apt/apt.conf.d/docker-clean'));
  for (const m of managers) {
    for (const text of plans[m].clean(mode)) {
      if (!out.some((s) => s.kind === 'Command' && s.text === text)) out.push(command(text));
    }
  }
  const mounts = mode === 'mount' ? managers.flatMap((m) => plans[m].mounts()) : [];
  return { steps: out, mounts, managers };
}
