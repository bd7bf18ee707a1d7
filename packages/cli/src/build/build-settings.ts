import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, resolve } from 'node:path';
import type { ParsedArgs } from '../args/parse-args.js';
import { BUILD_ARG_NAME, PLATFORM, SECRET_ID } from '../config/validate-build-config.js';
import { cliIssue, type CliIssue } from '../errors/cli-issue.js';
import { UsageError } from '../errors/usage-error.js';
import type { LoadedConfig } from '../targets/resolve-targets.js';

/** A build secret and where it comes from: a file (absolute) or an environment variable. */
export type SecretSource = { readonly id: string; readonly file: string } | { readonly id: string; readonly env: string };

/** A tag pattern and where it was given, for messages. */
export interface TagPattern {
  readonly pattern: string;
  readonly where: string;
}

/** Everything `build` and `bake` apply to every target: the command line over the configuration. */
export interface BuildSettings {
  readonly tags: readonly TagPattern[];
  readonly platforms: readonly string[];
  readonly args: Readonly<Record<string, string>>;
  readonly secrets: readonly SecretSource[];
  readonly cacheFrom: readonly string[];
  readonly cacheTo: readonly string[];
  readonly network?: 'default' | 'host' | 'none';
  /** The stage to build (`--target`). */
  readonly target?: string;
  readonly push: boolean;
  readonly load: boolean;
  readonly noCache: boolean;
  readonly concurrency: number;
  /** Configured secrets whose file or variable is not there: left out, and said. */
  readonly warnings: readonly CliIssue[];
}

/** The tag every image gets when neither `--tag` nor `build.tags` says otherwise. */
export const DEFAULT_TAG = '{name}:dev';
/** Targets built at once when neither `--concurrency` nor `build.concurrency` says otherwise. */
export const DEFAULT_CONCURRENCY = 2;

const list = (args: ParsedArgs, name: string): readonly string[] => args.lists?.[name] ?? (typeof args.options[name] === 'string' ? [args.options[name]] : []);

function expandHome(path: string): string {
  return path === '~' ? homedir() : path.startsWith('~/') ? resolve(homedir(), path.slice(2)) : path;
}

/** `id=npmrc,src=~/.npmrc`, `id=npmrc,env=NPMRC`, `type=file,id=...,src=...` (src may be `source`), as Docker writes them. */
function parseSecret(spec: string, cwd: string): SecretSource {
  const fields = new Map<string, string>();
  for (const part of spec.split(',')) {
    const at = part.indexOf('=');
    if (at <= 0) throw usage(`--secret ${spec}: ${JSON.stringify(part)} is not key=value`);
    fields.set(part.slice(0, at), part.slice(at + 1));
  }
  const id = fields.get('id') ?? '';
  const type = fields.get('type');
  const src = fields.get('src') ?? fields.get('source');
  const env = fields.get('env');
  const unknown = [...fields.keys()].filter((k) => !['id', 'type', 'src', 'source', 'env'].includes(k));
  if (!SECRET_ID.test(id)) throw usage(`--secret ${spec} has no id`);
  if (unknown.length > 0) throw usage(`--secret ${spec}: unknown key ${unknown[0] ?? ''}`);
  if (type !== undefined && type !== 'file' && type !== 'env') throw usage(`--secret ${spec}: type must be file or env`);
  if ((type === 'env' || (type === undefined && env !== undefined && src === undefined)) && src === undefined) {
    const name = env ?? id;
    if (process.env[name] === undefined) throw new UsageError([cliIssue('DWC1003', `--secret ${spec}: the environment variable ${name} is not set`, `set ${name}, or give the secret from a file: --secret id=${id},src=<file>`)]);
    return { id, env: name };
  }
  if (src === undefined || src === '') throw usage(`--secret ${spec} names no file (src=) or variable (env=)`);
  const file = resolve(cwd, expandHome(src));
  if (!existsSync(file)) throw new UsageError([cliIssue('DWC1004', `--secret ${spec}: no such file ${src}`, 'check the path; it is relative to the working directory')]);
  return { id, file };
}

function usage(message: string): UsageError {
  return new UsageError([cliIssue('DWC1003', message, 'write --secret id=<id>,src=<file> or --secret id=<id>,env=<VARIABLE>, as docker build takes it')]);
}

/** `KEY=value`, or `KEY` alone for the value of the environment variable, as docker build reads it. */
function parseBuildArg(spec: string): [string, string] | undefined {
  const at = spec.indexOf('=');
  const key = at < 0 ? spec : spec.slice(0, at);
  if (!BUILD_ARG_NAME.test(key)) throw new UsageError([cliIssue('DWC1003', `--build-arg ${spec}: ${JSON.stringify(key)} is not an ARG name`, 'write --build-arg NAME=value')]);
  if (at >= 0) return [key, spec.slice(at + 1)];
  const value = process.env[key];
  return value === undefined ? undefined : [key, value];
}

/**
 * The settings of a `build` or `bake` run: each option of the command line, else the
 * configuration's `build` key, else the defaults (tag `{name}:dev`, 2 targets at once). Bad
 * values throw a UsageError (exit 2); a configured secret whose file or variable is missing is
 * left out with a warning (the Node preset's `npmrc` secret is optional), one given on the
 * command line must exist.
 *
 * @example
 * ```ts
 * const settings = buildSettings({ positionals: [], options: { push: true }, lists: { tag: ['registry.example.com/{name}:1.0'] } }, config, '/repo');
 * ```
 */
export function buildSettings(args: ParsedArgs, config: LoadedConfig | undefined, cwd: string): BuildSettings {
  const configured = config?.config.build ?? {};
  const configDir = config?.dir ?? cwd;
  const warnings: CliIssue[] = [];

  const tagsGiven = list(args, 'tag');
  const tags: TagPattern[] =
    tagsGiven.length > 0
      ? tagsGiven.map((pattern) => ({ pattern, where: '--tag' }))
      : configured.tags !== undefined
        ? configured.tags.map((pattern, i) => ({ pattern, where: `build.tags[${i}]` }))
        : [{ pattern: DEFAULT_TAG, where: 'the default tag' }];

  const platformsGiven = list(args, 'platform').flatMap((p) => p.split(',')).map((p) => p.trim()).filter((p) => p !== '');
  const bad = platformsGiven.find((p) => !PLATFORM.test(p));
  if (bad !== undefined) throw new UsageError([cliIssue('DWC1003', `--platform ${bad} is not a platform`, 'write os/arch, such as linux/amd64,linux/arm64')]);
  const platforms = platformsGiven.length > 0 ? platformsGiven : (configured.platforms ?? []);

  const buildArgs: Record<string, string> = { ...configured.args };
  for (const spec of list(args, 'build-arg')) {
    const pair = parseBuildArg(spec);
    if (pair !== undefined) buildArgs[pair[0]] = pair[1];
  }

  const secrets = new Map<string, SecretSource>();
  for (const [id, source] of Object.entries(configured.secrets ?? {})) {
    if ('env' in source) {
      if (process.env[source.env] !== undefined) secrets.set(id, { id, env: source.env });
      else warnings.push(cliIssue('DWC1003', `secret ${id}: the environment variable ${source.env} is not set; the targets build without it`, `set ${source.env}, or give the secret with --secret id=${id},src=<file>`));
    } else {
      const file = isAbsolute(expandHome(source.file)) ? expandHome(source.file) : resolve(configDir, source.file);
      if (existsSync(file)) secrets.set(id, { id, file });
      else warnings.push(cliIssue('DWC1004', `secret ${id}: no file ${source.file}; the targets build without it`, `create it, or give the secret with --secret id=${id},env=<VARIABLE>`));
    }
  }
  for (const spec of list(args, 'secret')) {
    const secret = parseSecret(spec, cwd);
    secrets.set(secret.id, secret);
  }

  const network = args.options['network'] ?? configured.network;
  if (network !== undefined && network !== 'default' && network !== 'host' && network !== 'none') {
    throw new UsageError([cliIssue('DWC1003', `--network ${String(network)} is not a network mode`, 'write --network host, none or default')]);
  }
  const concurrencyGiven = args.options['concurrency'];
  const concurrency = typeof concurrencyGiven === 'string' ? Number(concurrencyGiven) : (configured.concurrency ?? DEFAULT_CONCURRENCY);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) {
    throw new UsageError([cliIssue('DWC1003', `--concurrency ${String(concurrencyGiven)} is not a whole number from 1 to 64`, 'write --concurrency 2')]);
  }
  const push = args.options['push'] === true;
  const load = args.options['load'] === true;
  if (push && load) throw new UsageError([cliIssue('DWC1003', '--push and --load cannot be used together', 'push to the registry with --push, or load into the local engine with --load')]);
  const target = args.options['target'];
  if (target === true || (typeof target === 'string' && !/^[A-Za-z0-9][\w.-]*$/.test(target))) {
    throw new UsageError([cliIssue('DWC1003', `--target ${String(target)} is not a stage name`, 'give the name of a stage, such as --target build')]);
  }
  const cacheFrom = list(args, 'cache-from').length > 0 ? list(args, 'cache-from') : (configured.cacheFrom ?? []);
  const cacheTo = list(args, 'cache-to').length > 0 ? list(args, 'cache-to') : (configured.cacheTo ?? []);
  return {
    tags,
    platforms,
    args: buildArgs,
    secrets: [...secrets.values()],
    cacheFrom,
    cacheTo,
    ...(network === undefined ? {} : { network }),
    ...(typeof target === 'string' ? { target } : {}),
    push,
    load,
    noCache: args.options['no-cache'] === true,
    concurrency,
    warnings,
  };
}
