import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A user name and password (or token) for a registry. */
export interface Credentials {
  readonly username: string;
  readonly password: string;
  /** Where they came from, for messages: `DOCKER_AUTH_CONFIG`, `~/.docker/config.json`, `docker-credential-osxkeychain`. */
  readonly source: string;
}

/** Finds the credentials for a registry by the hosts it may be stored under. */
export type CredentialLookup = (hosts: readonly string[]) => Credentials | undefined;

interface DockerConfig {
  readonly auths?: Record<string, { auth?: string; username?: string; password?: string }>;
  readonly credHelpers?: Record<string, string>;
  readonly credsStore?: string;
}

/** `https://index.docker.io/v1/` -> `index.docker.io`: the host of a config.json key. */
function hostOf(key: string): string {
  return key.replace(/^[a-z]+:\/\//i, '').replace(/\/.*$/, '').toLowerCase();
}

function fromAuths(config: DockerConfig, hosts: readonly string[], source: string): Credentials | undefined {
  const entries = Object.entries(config.auths ?? {});
  for (const host of hosts) {
    const found = entries.find(([key]) => hostOf(key) === host.toLowerCase());
    if (found === undefined) continue;
    const [, entry] = found;
    if (typeof entry.auth === 'string' && entry.auth !== '') {
      const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon > 0) return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1), source };
    }
    if (typeof entry.username === 'string' && typeof entry.password === 'string') return { username: entry.username, password: entry.password, source };
  }
  return undefined;
}

/** Asks a Docker credential helper (`docker-credential-<name> get`); undefined when it has none. */
function fromHelper(helper: string, hosts: readonly string[]): Credentials | undefined {
  for (const host of hosts) {
    const server = host === 'index.docker.io' ? 'https://index.docker.io/v1/' : host;
    const run = spawnSync(`docker-credential-${helper}`, ['get'], { input: server, encoding: 'utf8', timeout: 10_000 });
    if (run.status !== 0 || run.error !== undefined) continue;
    try {
      const out = JSON.parse(run.stdout) as { Username?: unknown; Secret?: unknown };
      // `<token>` marks an identity token, which needs an OAuth exchange this client does not do.
      if (typeof out.Username === 'string' && typeof out.Secret === 'string' && out.Username !== '<token>') {
        return { username: out.Username, password: out.Secret, source: `docker-credential-${helper}` };
      }
    } catch {
      // not JSON: no credentials from this helper
    }
  }
  return undefined;
}

function readConfig(text: string | undefined): DockerConfig | undefined {
  if (text === undefined) return undefined;
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null ? (value as DockerConfig) : undefined;
  } catch {
    return undefined;
  }
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Registry credentials, as `docker` finds them: first `DOCKER_AUTH_CONFIG` (the JSON of a
 * config.json, as CI systems provide it), then `$DOCKER_CONFIG/config.json` or
 * `~/.docker/config.json`: its `auths` (what `docker login` writes), then its `credHelpers` or
 * `credsStore` helper programs. Unreadable files count as none; nothing is cached on disk.
 *
 * @example
 * ```ts
 * const lookup = credentialLookup(process.env, os.homedir());
 * lookup(['ghcr.io']); // { username: 'me', password: 'ghp_...', source: '~/.docker/config.json' }
 * ```
 */
export function credentialLookup(env: NodeJS.ProcessEnv, home: string): CredentialLookup {
  const fromEnv = readConfig(env['DOCKER_AUTH_CONFIG']);
  const given = env['DOCKER_CONFIG'] ?? '';
  const dir = given === '' ? join(home, '.docker') : given;
  const fileSource = given === '' ? '~/.docker/config.json' : '$DOCKER_CONFIG/config.json';
  let file: DockerConfig | undefined | null = null;
  const cache = new Map<string, Credentials | undefined>();
  return (hosts) => {
    const key = hosts.join(' ');
    if (cache.has(key)) return cache.get(key);
    if (file === null) file = readConfig(readText(join(dir, 'config.json')));
    let found = fromEnv === undefined ? undefined : fromAuths(fromEnv, hosts, 'DOCKER_AUTH_CONFIG');
    found ??= file === undefined ? undefined : fromAuths(file, hosts, fileSource);
    if (found === undefined && file !== undefined) {
      const helper = hosts.map((h) => file?.credHelpers?.[h]).find((h) => h !== undefined) ?? file.credsStore;
      if (helper !== undefined && helper !== '') found = fromHelper(helper, hosts);
    }
    cache.set(key, found);
    return found;
  };
}
