import { readFileSync, realpathSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { policyFileIssue, type PolicyFileIssue } from '../errors/policy-file-issue.js';
import { resolveLayers, type PolicyLayer, type PolicyResult } from '../schema/resolve-policy.js';
import { POLICY_FILE } from './find-policy-file.js';
import { validateInput } from './validate-input.js';
import { readYaml } from './yaml-source.js';


type Layers = { ok: true; layers: PolicyLayer[] } | { ok: false; issues: PolicyFileIssue[] };

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Where an `extends` entry points: a path next to the file, or a file in an installed package. */
function locateExtends(spec: string, from: string): string | undefined {
  if (spec.startsWith('.') || isAbsolute(spec)) {
    const path = resolve(dirname(from), spec);
    return isFile(path) ? path : undefined;
  }
  const bare = /^(@[^/]+\/[^/]+|[^@/][^/]*)$/.test(spec);
  const wanted = bare ? `${spec}/${POLICY_FILE}` : spec;
  // Node's own resolution first (it honours a package's "exports"), then node_modules directly.
  try {
    const found = createRequire(from).resolve(wanted);
    if (isFile(found)) return found;
  } catch {
    // not exported, or not installed: look in node_modules below
  }
  for (let dir = dirname(from); ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', wanted);
    if (isFile(candidate)) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

function layersOf(text: string, file: string, chain: readonly string[]): Layers {
  const read = readYaml(text, file);
  if (!read.ok) return { ok: false, issues: [...read.issues] };
  const checked = validateInput(read.source.value, file, read.source);
  if (!checked.ok) return { ok: false, issues: [...checked.issues] };
  const input = checked.input;
  const specs = input.extends === undefined ? [] : typeof input.extends === 'string' ? [input.extends] : input.extends;
  const layers: PolicyLayer[] = [];
  const issues: PolicyFileIssue[] = [];
  specs.forEach((spec, i) => {
    const keyPath = typeof input.extends === 'string' ? ['extends'] : ['extends', i];
    const at = read.source.locate(keyPath);
    const where = { file, ...(at === undefined ? {} : { line: at.line, column: at.column }), key: keyPath.join('.') };
    const target = locateExtends(spec, file);
    if (target === undefined) {
      const local = spec.startsWith('.') || isAbsolute(spec);
      issues.push(
        policyFileIssue(
          'DWP1004',
          local ? `extends "${spec}": no such file` : `extends "${spec}": no such package or file in node_modules`,
          local ? 'fix the path; it is relative to this policy file' : `install the package that publishes the policy (npm install --save-dev ${spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : (spec.split('/')[0] ?? spec)}), or fix the name`,
          where,
        ),
      );
      return;
    }
    const real = realpathSync(target);
    if (chain.includes(real)) {
      issues.push(policyFileIssue('DWP1005', `extends "${spec}" leads back to ${chain.includes(real) && real === chain.at(-1) ? 'this file' : real}`, 'remove the extends entry that closes the loop', where));
      return;
    }
    const nested = readLayers(target, [...chain, real]);
    if (nested.ok) layers.push(...nested.layers);
    else issues.push(...nested.issues);
  });
  if (issues.length > 0) return { ok: false, issues };
  layers.push({ file, input, locate: read.source.locate });
  return { ok: true, layers };
}

function readLayers(file: string, chain: readonly string[]): Layers {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    return { ok: false, issues: [policyFileIssue('DWP1001', `cannot read the policy: ${e.code ?? 'error'} ${e.message.replace(/^\w+: /, '')}`, 'check that the file exists and is readable', { file })] };
  }
  return layersOf(text, file, chain);
}

function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/**
 * Reads a policy file and everything it `extends`, checks every setting, and merges them.
 * Problems come back as data with their file, line and column: DWP1001 (unreadable), DWP1002
 * (YAML syntax), DWP1003 (a wrong setting), DWP1004 (`extends` not found), DWP1005 (a loop).
 *
 * @example
 * ```ts
 * const result = loadPolicy('/repo/dockwright.policy.yaml');
 * if (!result.ok) for (const i of result.issues) console.error(`${i.file}:${i.line}:${i.column} ${i.code} ${i.message}`);
 * ```
 */
export function loadPolicy(file: string): PolicyResult {
  const path = resolve(file);
  const layers = readLayers(path, [realOrSelf(path)]);
  return finish(layers);
}

/**
 * Like `loadPolicy`, for policy text already in memory; `file` names it in messages and is where
 * relative `extends` paths start (default: dockwright.policy.yaml in the current directory).
 *
 * @example
 * ```ts
 * const result = parsePolicy('requireDigests: true\nrules:\n  DW1010: warn\n');
 * if (result.ok) result.policy.rules.DW1010; // 'warn'
 * ```
 */
export function parsePolicy(text: string, file: string = resolve(POLICY_FILE)): PolicyResult {
  return finish(layersOf(text, file, [realOrSelf(file)]));
}

function finish(layers: Layers): PolicyResult {
  if (!layers.ok) {
    const [first, ...rest] = layers.issues;
    if (first !== undefined) return { ok: false, issues: [first, ...rest] };
  }
  return resolveLayers(layers.ok ? layers.layers : []);
}
