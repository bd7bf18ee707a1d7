import { cliIssue, type CliIssue } from '../errors/cli-issue.js';
import type { BuildConfig } from './define-config.js';

const BUILD_KEYS = ['tags', 'platforms', 'args', 'secrets', 'cacheFrom', 'cacheTo', 'network', 'concurrency', 'bakeFile'];
/** A platform, `os/arch[/variant]`. */
export const PLATFORM = /^[a-z0-9]+\/[a-z0-9_]+(?:\/[a-z0-9]+)?$/;
/** An ARG name, as BuildKit reads one. */
export const BUILD_ARG_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** A secret id, as BuildKit accepts one. */
export const SECRET_ID = /^[A-Za-z0-9_.-]+$/;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string' && x !== '' && !/[\n\r\0]/.test(x));

/**
 * Checks the `build` key of a configuration, pushing a DWC2002 issue for each problem, each naming
 * the key and how to fix it; returns the value typed when it holds none.
 *
 * @example
 * ```ts
 * const issues: CliIssue[] = [];
 * validateBuildConfig({ tags: ['registry.example.com/{name}:{version}'] }, issues);
 * ```
 */
export function validateBuildConfig(value: unknown, issues: CliIssue[]): BuildConfig | undefined {
  const before = issues.length;
  const bad = (key: string, what: string, example: string) => issues.push(cliIssue('DWC2002', `build.${key} ${what}`, `write build: { ${key}: ${example} }`));
  if (!isRecord(value)) {
    issues.push(cliIssue('DWC2002', 'build must be an object', "write build: { tags: ['registry.example.com/shop/{name}:{version}'] }"));
    return undefined;
  }
  for (const key of Object.keys(value)) {
    if (!BUILD_KEYS.includes(key)) {
      const near = BUILD_KEYS.find((k) => k.toLowerCase().startsWith(key.toLowerCase().slice(0, 3)));
      issues.push(cliIssue('DWC2002', `build has an unknown key "${key}"`, near === undefined ? `the keys are ${BUILD_KEYS.join(', ')}` : `did you mean "${near}"?`));
    }
  }
  for (const key of ['tags', 'cacheFrom', 'cacheTo'] as const) {
    if (value[key] !== undefined && !strings(value[key])) bad(key, 'must be a list of strings, each on one line', key === 'tags' ? "['registry.example.com/shop/{name}:{version}']" : "['type=registry,ref=registry.example.com/shop/{name}:cache']");
  }
  const platforms = value['platforms'];
  if (platforms !== undefined && (!strings(platforms) || platforms.some((p) => !PLATFORM.test(p)))) bad('platforms', "must be a list like ['linux/amd64', 'linux/arm64']", "['linux/amd64', 'linux/arm64']");
  const args = value['args'];
  if (args !== undefined && (!isRecord(args) || Object.entries(args).some(([k, v]) => !BUILD_ARG_NAME.test(k) || typeof v !== 'string' || /[\n\r\0]/.test(v)))) {
    bad('args', 'must map ARG names to one-line strings', "{ NODE_OPTIONS: '--max-old-space-size=2048' }");
  }
  const secrets = value['secrets'];
  if (secrets !== undefined) {
    const ok = isRecord(secrets) && Object.entries(secrets).every(([id, source]) => SECRET_ID.test(id) && isRecord(source) && Object.keys(source).length === 1 && (typeof source['file'] === 'string' || typeof source['env'] === 'string') && (source['file'] !== '' && source['env'] !== ''));
    if (!ok) bad('secrets', 'must map each secret id to { file } or { env }', "{ npmrc: { file: '~/.npmrc' } }");
  }
  const network = value['network'];
  if (network !== undefined && network !== 'default' && network !== 'host' && network !== 'none') bad('network', 'must be default, host or none', "'host'");
  const concurrency = value['concurrency'];
  if (concurrency !== undefined && (typeof concurrency !== 'number' || !Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64)) bad('concurrency', 'must be a whole number from 1 to 64', '2');
  const bakeFile = value['bakeFile'];
  if (bakeFile !== undefined && (typeof bakeFile !== 'string' || bakeFile.trim() === '' || bakeFile.startsWith('/') || !bakeFile.endsWith('.json'))) {
    bad('bakeFile', 'must be a relative path to a .json file', "'docker/docker-bake.json'");
  }
  return issues.length === before ? (value as BuildConfig) : undefined;
}
