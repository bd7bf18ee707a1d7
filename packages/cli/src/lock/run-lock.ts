import { homedir } from 'node:os';
import { formatLockfile, lockKey, normalizeImageName, splitImageRef, type LockedImage, type Lockfile } from '@dockwright/core';
import { cliIssue, type CliIssue } from '../errors/cli-issue.js';
import { UsageError } from '../errors/usage-error.js';
import { displayPath } from '../files/display-path.js';
import { writeAtomic } from '../files/write-atomic.js';
import type { Io } from '../output/io.js';
import { createProgress } from '../output/progress.js';
import { credentialLookup } from '../registry/credentials.js';
import { proxySettings } from '../registry/proxy-settings.js';
import { createRegistryClient, type Resolution } from '../registry/registry-client.js';
import { defaultRetryPolicy } from '../registry/retry-policy.js';
import { loadConfig } from '../render/load-config.js';
import { mapConcurrent } from '../render/map-concurrent.js';
import { resolveTargets } from '../targets/resolve-targets.js';
import { inSnapshot } from '../targets/in-snapshot.js';
import { mergeLocks, targetLocks, type CollectedLock, type FailedTarget } from './collect-locks.js';
import type { ImageReport, LockReport } from './lock-report.js';
import { JSON_SCHEMA_VERSION } from '../output/json-schema-version.js';
import { lockfilePath, readLockfile } from './read-lockfile.js';

/** The options of `dockwright lock`. */
export interface LockOptions {
  readonly cwd: string;
  /** `lock` adds what is missing, `update` resolves again, `check` compares and writes nothing. */
  readonly mode: 'lock' | 'update' | 'check';
  /** Targets to take images from (lock, check); empty: all. */
  readonly paths: readonly string[];
  /** For update: the images to refresh (`node`, `node:22`, `ghcr.io/acme/app:1.2`); empty: all. */
  readonly images: readonly string[];
  readonly config?: string;
  /** Platforms every locked image must cover (`linux/amd64`); overrides the configuration's. */
  readonly platforms?: readonly string[];
  /** Per request; overrides the configuration's. */
  readonly timeoutMs?: number;
  readonly userAgent?: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly home?: string;
}

/** Target modules loaded at once. */
const LOADS_IN_FLIGHT = 8;

function matches(given: string, key: string): boolean {
  // Core's one reader of image references splits the name (a digest after `@` is not a tag).
  const { name, tag } = splitImageRef(given);
  if (tag !== undefined) return lockKey(name, tag) === key;
  return key.startsWith(`${normalizeImageName(name).full}:`);
}

function platformProblem(lock: CollectedLock, platforms: readonly string[], found: { index: boolean; platforms: readonly string[] }): CliIssue | undefined {
  if (platforms.length === 0) return undefined;
  const what = lock.written === lock.key ? lock.key : `${lock.written} (${lock.key})`;
  const wanted = platforms.join(', ');
  if (!found.index) {
    return cliIssue('DWC4006', `${what} is a single-platform image (${found.platforms.join(', ') || 'platform unknown'}), not an index covering ${wanted}`, 'use a multi-platform tag, or lock with the platforms your builds target (--platform)');
  }
  const missing = platforms.filter((p) => !found.platforms.includes(p));
  if (missing.length === 0) return undefined;
  return cliIssue('DWC4006', `${what} does not cover ${missing.join(', ')} (it has ${found.platforms.join(', ') || 'no platforms'})`, 'pick a tag built for every platform you need, or change the required platforms');
}

/**
 * `dockwright lock`: loads every target, collects its locked images, resolves them through the
 * registries (in parallel, with progress), and writes `dockwright.lock.yaml` atomically, only
 * when everything succeeded. `check` resolves every locked image and fails when one is missing
 * from the lockfile, moved in the registry, or no longer used; it never writes. A usage or
 * configuration problem throws a UsageError (exit 2) before any registry is asked.
 *
 * @example
 * ```ts
 * const report = await runLock({ cwd: '/repo', mode: 'check', paths: [], images: [] }, io);
 * process.exitCode = report.exitCode;
 * ```
 */
export async function runLock(options: LockOptions, io: Io): Promise<LockReport> {
  const { cwd, mode } = options;
  // Read first, so that a proxy URL that cannot be read is a usage error before anything runs.
  const proxy = proxySettings(options.env ?? process.env);
  const loadedConfig = await loadConfig(cwd, options.config);
  const settings = loadedConfig?.config.lock ?? {};
  const targets = resolveTargets(cwd, mode === 'update' ? [] : options.paths, loadedConfig);
  const read = await readLockfile(lockfilePath(cwd, loadedConfig), cwd);
  const before = read.lockfile.images;
  const loaded = await inSnapshot(() => mapConcurrent(targets, LOADS_IN_FLIGHT, (t) => targetLocks(t, cwd)));
  const failedTargets: FailedTarget[] = loaded.flatMap((l) => (l.ok ? [] : [{ file: l.file, phase: l.phase, issues: l.issues }]));
  const wanted = mergeLocks(loaded.flatMap((l) => (l.ok ? [l] : [])));
  const platforms = options.platforms ?? settings.platforms ?? [];
  const fullRun = mode === 'update' || options.paths.length === 0;

  if (mode === 'update' && options.images.length > 0) {
    const unknown = options.images.filter((given) => !wanted.some((w) => matches(given, w.key)));
    if (unknown.length > 0) {
      throw new UsageError(unknown.map((given) => cliIssue('DWC1003', `no target locks an image ${given}`, `the locked images are ${wanted.map((w) => w.key).join(', ') || 'none'}`)) as [CliIssue, ...CliIssue[]]);
    }
  }
  const covers = (entry: LockedImage) => platforms.every((p) => entry.platforms.includes(p));
  const toResolve = failedTargets.length > 0 ? [] : wanted.filter((w) => {
    const entry = before[w.key];
    if (mode === 'check') return true;
    if (mode === 'update') return options.images.length === 0 || options.images.some((given) => matches(given, w.key));
    return entry === undefined || !covers(entry);
  });

  const client = createRegistryClient({
    timeoutMs: options.timeoutMs ?? (settings.timeoutSeconds ?? 30) * 1000,
    retry: { ...defaultRetryPolicy, ...(settings.retries === undefined ? {} : { retries: settings.retries }) },
    insecure: settings.insecureRegistries ?? [],
    credentials: credentialLookup(options.env ?? process.env, options.home ?? homedir()),
    userAgent: options.userAgent ?? 'dockwright',
    proxy,
  });
  const progress = createProgress(io, toResolve.length, mode === 'check' ? 'checking' : 'resolving');
  const results = new Map<string, Resolution>();
  await mapConcurrent(toResolve, settings.concurrency ?? 8, async (w) => {
    results.set(w.key, await client.resolve(w.key, w.written));
    progress.tick(w.key);
  });
  progress.done();

  const issues: CliIssue[] = [];
  const images: ImageReport[] = [];
  const next: Record<string, LockedImage> = { ...before };
  for (const w of wanted) {
    const entry = before[w.key];
    const result = results.get(w.key);
    const base = { key: w.key, usedBy: w.usedBy };
    if (result !== undefined && !result.ok) {
      issues.push(result.issue);
      images.push({ ...base, status: 'failed', ...(entry === undefined ? {} : { digest: entry.digest }) });
      continue;
    }
    const problem = result === undefined ? undefined : platformProblem(w, platforms, result.resolved);
    if (problem !== undefined) {
      issues.push(problem);
      images.push({ ...base, status: 'failed', ...(entry === undefined ? {} : { digest: entry.digest }) });
      continue;
    }
    const now = result?.resolved;
    if (mode === 'check') {
      if (entry === undefined) {
        issues.push(cliIssue('DWC4007', `${w.written} (${w.key}) is locked by ${w.usedBy.join(', ')} but is not in ${displayPath(cwd, read.path)}`, 'run `dockwright lock` and commit the lockfile'));
        images.push({ ...base, status: 'missing', ...(now === undefined ? {} : { registryDigest: now.digest }) });
      } else if (now !== undefined && now.digest !== entry.digest) {
        issues.push(cliIssue('DWC4008', `${w.key} now points to ${now.digest}; the lockfile has ${entry.digest}`, `review the new image, then run \`dockwright lock --update ${w.key}\` and commit the lockfile`));
        images.push({ ...base, status: 'moved', digest: entry.digest, registryDigest: now.digest, platforms: entry.platforms });
      } else {
        images.push({ ...base, status: 'current', digest: entry.digest, platforms: entry.platforms });
      }
      continue;
    }
    if (now === undefined) {
      images.push({ ...base, status: 'kept', ...(entry === undefined ? {} : { digest: entry.digest, platforms: entry.platforms }) });
      continue;
    }
    next[w.key] = { digest: now.digest, mediaType: now.mediaType, platforms: now.platforms };
    const status = entry === undefined ? 'added' : entry.digest === now.digest ? 'unchanged' : 'updated';
    images.push({ ...base, status, digest: now.digest, platforms: now.platforms, ...(status === 'updated' && entry !== undefined ? { previous: entry.digest } : {}) });
  }
  if (fullRun && failedTargets.length === 0) {
    for (const key of Object.keys(before).sort()) {
      if (wanted.some((w) => w.key === key)) continue;
      const entry = before[key] as LockedImage;
      if (mode === 'check') {
        issues.push(cliIssue('DWC4009', `${key} is in the lockfile but no target locks it`, 'run `dockwright lock` to drop it, and commit the lockfile'));
        images.push({ key, status: 'unused', digest: entry.digest, usedBy: [] });
      } else {
        delete next[key];
        images.push({ key, status: 'removed', digest: entry.digest, usedBy: [] });
      }
    }
  }

  let ok = issues.length === 0 && failedTargets.length === 0;
  let written = false;
  if (ok && mode !== 'check') {
    const lockfile: Lockfile = { version: 1, images: next };
    const text = formatLockfile(lockfile);
    const empty = Object.keys(next).length === 0 && read.text === undefined;
    if (text !== read.text && !empty) {
      try {
        await writeAtomic(read.path, text);
        written = true;
      } catch (error) {
        const e = error as NodeJS.ErrnoException;
        issues.push(cliIssue('DWC3004', `${displayPath(cwd, read.path)}: ${e.code ?? 'error'} ${e.message.replace(/^\w+: /, '')}`, 'check that the directory is writable'));
        ok = false;
      }
    }
  }
  return { schemaVersion: JSON_SCHEMA_VERSION, command: 'lock', mode, ok, exitCode: ok ? 0 : 1, lockfile: displayPath(cwd, read.path), written, images, targets: failedTargets, issues };
}
