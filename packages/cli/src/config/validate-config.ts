import { cliIssue, type CliIssue } from '../errors/cli-issue.js';
import type { DockwrightConfig, TargetConfig } from './define-config.js';

const CONFIG_KEYS = ['targets'];
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
  const [first, ...rest] = issues;
  if (first !== undefined) return { ok: false, issues: [first, ...rest] };
  return { ok: true, config: targets === undefined ? {} : { targets: checked } };
}
