// The bake file format of `docker buildx bake`, in its JSON form, written from the bake file
// reference (docs/bake-reference.md of docker/buildx): a file holds `variable`, `group`,
// `target` (and `function`, HCL only) blocks; a target holds the attributes below.

/** `variable "NAME" { default = ... }`: a value the file interpolates as `${NAME}`; the environment overrides it. */
export interface BakeVariable {
  readonly default?: string | null;
  /** What the variable is for (`docker buildx bake --list=variables` shows it). */
  readonly description?: string;
}

/** `group "name"`: targets built together. */
export interface BakeGroup {
  readonly targets: readonly string[];
  /** What the group is for (`docker buildx bake --list=targets` shows it). */
  readonly description?: string;
}

/** `target "name"`: one `docker buildx build`. Paths are relative to where bake runs; `dockerfile` is relative to `context`. */
export interface BakeTarget {
  /** Build arguments (`--build-arg`); `null` keeps the Dockerfile's default. */
  readonly args?: Readonly<Record<string, string | null>>;
  /** Exporter annotations. */
  readonly annotations?: readonly string[];
  /** Attestations, in the long CSV form (`type=provenance,mode=min`). */
  readonly attest?: readonly string[];
  /** External cache sources (`--cache-from`). */
  readonly 'cache-from'?: readonly string[];
  /** External cache destinations (`--cache-to`). */
  readonly 'cache-to'?: readonly string[];
  /** The frontend method: `build` (default), `check`, `outline` or `targets` (`--call`). */
  readonly call?: string;
  /** The build context: a directory or a URL (default `.`). */
  readonly context?: string;
  /** Named contexts (`--build-context`): a directory, `docker-image://ref`, a URL, or `target:<name>`. */
  readonly contexts?: Readonly<Record<string, string>>;
  /** What the target is for (`docker buildx bake --list=targets` shows it). */
  readonly description?: string;
  /** A Dockerfile's text, instead of `dockerfile`. */
  readonly 'dockerfile-inline'?: string;
  /** The Dockerfile, relative to the context (default `Dockerfile`). */
  readonly dockerfile?: string;
  /** Privileges the build needs, which `docker buildx bake --allow` grants: `network.host`, `security.insecure`. */
  readonly entitlements?: readonly string[];
  /** Host names and their addresses for the build's containers (`--add-host`). */
  readonly 'extra-hosts'?: Readonly<Record<string, string | null>>;
  /** Targets whose attributes this one takes first. */
  readonly inherits?: readonly string[];
  /** Image labels (`--label`). */
  readonly labels?: Readonly<Record<string, string | null>>;
  /** Variables that fork this target into one per combination. */
  readonly matrix?: Readonly<Record<string, readonly unknown[]>>;
  /** The name of each target of a matrix. */
  readonly name?: string;
  /** The network of every RUN step: `default`, `host` or `none` (`--network`). */
  readonly network?: string;
  /** Stages built without the cache. */
  readonly 'no-cache-filter'?: readonly string[];
  /** Build every step again. */
  readonly 'no-cache'?: boolean;
  /** Outputs (`--output`): `type=registry`, `type=docker`, ... */
  readonly output?: readonly string[];
  /** Platforms (`--platform`). */
  readonly platforms?: readonly string[];
  /** Always pull the images used. */
  readonly pull?: boolean;
  /** Secrets (`--secret`): `type=file,id=ID,src=PATH` or `type=env,id=ID,env=VAR`. */
  readonly secret?: readonly string[];
  /** The size of /dev/shm for RUN steps, `128m` (`--shm-size`). */
  readonly 'shm-size'?: string;
  /** SSH agent sockets or keys (`--ssh`). */
  readonly ssh?: readonly string[];
  /** Image names and tags (`--tag`). */
  readonly tags?: readonly string[];
  /** The stage to build (`--target`). */
  readonly target?: string;
  /** Resource limits of RUN steps, `nofile=1024:1024` (`--ulimit`). */
  readonly ulimits?: readonly string[];
}

/** A bake file in JSON: `docker-bake.json`. */
export interface BakeFile {
  readonly variable?: Readonly<Record<string, BakeVariable>>;
  readonly group?: Readonly<Record<string, BakeGroup>>;
  readonly target: Readonly<Record<string, BakeTarget>>;
}

type Kind = 'string' | 'strings' | 'map' | 'boolean' | 'matrix';
/** Each target attribute of the reference and the type of its value. */
export const TARGET_ATTRIBUTES: Readonly<Record<keyof BakeTarget, Kind>> = Object.freeze({
  args: 'map',
  annotations: 'strings',
  attest: 'strings',
  'cache-from': 'strings',
  'cache-to': 'strings',
  call: 'string',
  context: 'string',
  contexts: 'map',
  description: 'string',
  'dockerfile-inline': 'string',
  dockerfile: 'string',
  entitlements: 'strings',
  'extra-hosts': 'map',
  inherits: 'strings',
  labels: 'map',
  matrix: 'matrix',
  name: 'string',
  network: 'string',
  'no-cache-filter': 'strings',
  'no-cache': 'boolean',
  output: 'strings',
  platforms: 'strings',
  pull: 'boolean',
  secret: 'strings',
  'shm-size': 'string',
  ssh: 'strings',
  tags: 'strings',
  target: 'string',
  ulimits: 'strings',
});

/** A target or group name bake accepts. */
export const BAKE_NAME = /^[a-zA-Z0-9_-]+$/;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function fits(kind: Kind, value: unknown): boolean {
  switch (kind) {
    case 'string':
      return typeof value === 'string';
    case 'strings':
      return Array.isArray(value) && value.every((v) => typeof v === 'string');
    case 'map':
      return isRecord(value) && Object.values(value).every((v) => typeof v === 'string' || v === null);
    case 'boolean':
      return typeof value === 'boolean';
    case 'matrix':
      return isRecord(value) && Object.values(value).every(Array.isArray);
  }
}

/**
 * Every way `value` is not a bake file in JSON by the reference: unknown blocks or attributes,
 * values of the wrong type, names bake refuses, groups naming targets that are not there, and
 * `target:` contexts naming missing targets. Empty for a valid file.
 *
 * @example
 * ```ts
 * checkBakeFile({ target: { api: { context: '.', tag: ['api:1'] } } }); // ['target.api: unknown attribute "tag"']
 * ```
 */
export function checkBakeFile(value: unknown): string[] {
  const problems: string[] = [];
  if (!isRecord(value)) return ['the file is not a JSON object'];
  for (const key of Object.keys(value)) if (!['variable', 'group', 'target', 'function'].includes(key)) problems.push(`unknown block "${key}"`);
  const targets = isRecord(value['target']) ? value['target'] : {};
  if (!isRecord(value['target'])) problems.push('no "target" block');
  for (const [name, target] of Object.entries(targets)) {
    if (!BAKE_NAME.test(name)) problems.push(`target "${name}": not a name bake accepts`);
    if (!isRecord(target)) {
      problems.push(`target.${name}: not an object`);
      continue;
    }
    for (const [attribute, v] of Object.entries(target)) {
      const kind = (TARGET_ATTRIBUTES as Record<string, Kind>)[attribute];
      if (kind === undefined) problems.push(`target.${name}: unknown attribute "${attribute}"`);
      else if (!fits(kind, v)) problems.push(`target.${name}.${attribute}: not a ${kind === 'strings' ? 'list of strings' : kind === 'map' ? 'map of strings' : kind}`);
    }
    const contexts = isRecord(target['contexts']) ? target['contexts'] : {};
    for (const [key, ctx] of Object.entries(contexts)) {
      if (typeof ctx === 'string' && ctx.startsWith('target:') && !(ctx.slice(7) in targets)) problems.push(`target.${name}.contexts.${key}: no target ${ctx.slice(7)}`);
    }
  }
  const groups = value['group'];
  if (groups !== undefined) {
    if (!isRecord(groups)) problems.push('"group" is not an object');
    else {
      for (const [name, group] of Object.entries(groups)) {
        if (!BAKE_NAME.test(name)) problems.push(`group "${name}": not a name bake accepts`);
        const list = isRecord(group) ? group['targets'] : undefined;
        if (!Array.isArray(list) || !list.every((t) => typeof t === 'string')) problems.push(`group.${name}.targets: not a list of strings`);
        else for (const t of list) if (!(t in targets) && !(t in groups)) problems.push(`group.${name}: no target or group ${t}`);
        if (isRecord(group)) for (const k of Object.keys(group)) if (k !== 'targets' && !(k === 'description' && typeof group[k] === 'string')) problems.push(`group.${name}: unknown attribute "${k}"`);
      }
    }
  }
  const variables = value['variable'];
  if (variables !== undefined) {
    if (!isRecord(variables)) problems.push('"variable" is not an object');
    else for (const [name, v] of Object.entries(variables)) if (!isRecord(v) || Object.keys(v).some((k) => k !== 'default' && !(k === 'description' && typeof v[k] === 'string')) || !(typeof v['default'] === 'string' || v['default'] === null || v['default'] === undefined)) problems.push(`variable.${name}: not { "default": string | null }`);
  }
  return problems;
}
