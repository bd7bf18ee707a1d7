import { cliIssue, type CliIssue } from '../errors/cli-issue.js';
import type { DockwrightConfig, LockConfig, TargetConfig } from './define-config.js';
import { PLATFORM, validateBuildConfig } from './validate-build-config.js';

const CONFIG_KEYS = ['targets', 'lock', 'build'];
const LOCK_KEYS = ['platforms', 'insecureRegistries', 'timeoutSeconds', 'retries', 'concurrency'];
const TARGET_KEYS = ['file', 'outDir', 'dockerignore'];

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function unknownKeys(value: Record<string, unknown>, known: readonly string[], where: string, issues: CliIssue[]): void {
  for (const key of Object.keys(value)) {
    if (known.includes(key)) continue;
    const near = known.find((k) => k.toLowerCase().startsWith(key.toLowerCase().slice(0, 3)));
    issues.push(cliIssue('DWC2002', `${where} has an unknown key "${key}"`, near === undefined ? `the keys are ${known.join(', ')}` : `did you mean "${near}"?`));
  }
}

function relativePath(value: unknown, where: string, issues: CliIssue[]): value is string {
  if (typeof value !== 'string' || value.trim() === '') {
    issues.push(cliIssue('DWC2002', `${where} must be a non-empty string`, 'write a path relative to the configuration file'));
    return false;
  }
  if (value.startsWith('/') || /^[A-Za-z]:[\\/]/.test(value)) {
    issues.push(cliIssue('DWC2002', `${where} is absolute: ${value}`, 'write it relative to the configuration file, so the configuration works on every machine'));
    return false;
  }
  return true;
}

/**
 * Checks the default export of a configuration file and returns it typed, or every problem
 * (DWC2002), each naming the key (`targets[1].outDir`) and how to fix it.
 *
 * @example
 * ```ts
 * validateConfig({ targets: ['services/*\/service.dockerfile.ts'] }, 'dockwright.config.ts');
 * ```
 */
export function validateConfig(value: unknown, name: string): { ok: true; config: DockwrightConfig } | { ok: false; issues: readonly [CliIssue, ...CliIssue[]] } {
  const issues: CliIssue[] = [];
  if (!isRecord(value)) {
    const got = value === undefined ? 'nothing' : Array.isArray(value) ? 'an array' : typeof value;
    return { ok: false, issues: [cliIssue('DWC2002', `${name} must default-export an object, not ${got}`, "write `export default defineConfig({ targets: [...] })` (import { defineConfig } from 'dockwright')")] };
  }
  unknownKeys(value, CONFIG_KEYS, name, issues);
  const targets = value['targets'];
  const checked: (string | TargetConfig)[] = [];
  if (targets !== undefined && !Array.isArray(targets)) {
    issues.push(cliIssue('DWC2002', `targets in ${name} must be an array`, "write targets: ['services/*/service.dockerfile.ts']"));
  } else if (targets !== undefined) {
    targets.forEach((t: unknown, i) => {
      const where = `targets[${i}]`;
      if (typeof t === 'string') {
        if (relativePath(t, where, issues)) checked.push(t);
        return;
      }
      if (!isRecord(t)) {
        issues.push(cliIssue('DWC2002', `${where} must be a path or { file, outDir?, dockerignore? }`, "write 'services/api/service.dockerfile.ts' or { file: '...', outDir: '...' }"));
        return;
      }
      unknownKeys(t, TARGET_KEYS, where, issues);
      const fileOk = relativePath(t['file'], `${where}.file`, issues);
      const outDirOk = t['outDir'] === undefined || relativePath(t['outDir'], `${where}.outDir`, issues);
      const ignoreOk = t['dockerignore'] === undefined || typeof t['dockerignore'] === 'boolean';
      if (!ignoreOk) issues.push(cliIssue('DWC2002', `${where}.dockerignore must be true or false`, 'write dockerignore: false to write no .dockerignore'));
      if (fileOk && outDirOk && ignoreOk) checked.push(t as unknown as TargetConfig);
    });
  }
  const lock = value['lock'] === undefined ? undefined : validateLock(value['lock'], issues);
  const build = value['build'] === undefined ? undefined : validateBuildConfig(value['build'], issues);
  const [first, ...rest] = issues;
  if (first !== undefined) return { ok: false, issues: [first, ...rest] };
  return { ok: true, config: { ...(targets === undefined ? {} : { targets: checked }), ...(lock === undefined ? {} : { lock }), ...(build === undefined ? {} : { build }) } };
}

function validateLock(value: unknown, issues: CliIssue[]): LockConfig | undefined {
  if (!isRecord(value)) {
    issues.push(cliIssue('DWC2002', 'lock must be an object', "write lock: { platforms: ['linux/amd64', 'linux/arm64'] }"));
    return undefined;
  }
  unknownKeys(value, LOCK_KEYS, 'lock', issues);
  const strings = (key: string, test: RegExp, example: string) => {
    const v = value[key];
    if (v !== undefined && (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || !test.test(x)))) {
      issues.push(cliIssue('DWC2002', `lock.${key} must be a list like ${example}`, `write lock: { ${key}: ${example} }`));
    }
  };
  strings('platforms', PLATFORM, "['linux/amd64', 'linux/arm64']");
  strings('insecureRegistries', /^[A-Za-z0-9.-]+(?::\d+)?$/, "['registry.internal:5000']");
  const number = (key: string, min: number, max: number) => {
    const v = value[key];
    if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max)) {
      issues.push(cliIssue('DWC2002', `lock.${key} must be a number from ${min} to ${max}`, `write lock: { ${key}: ${min === 0 ? 3 : Math.max(min, 10)} }`));
    }
  };
  number('timeoutSeconds', 0.1, 3600);
  number('retries', 0, 10);
  number('concurrency', 1, 64);
  return value as LockConfig;
}
