// What each stage method takes, as run-time specs: the types say it first, these say it again to
// plain JavaScript, `any` and values read from files.
import { isRecord, MAX_ID, spec, type ArgSpec } from '../validate/arguments.js';

/** A value from `cacheMount()`, `secretMount()`... */
export const mountValue: ArgSpec = {
  what: 'a mount from cacheMount(), bindMount(), secretMount(), sshMount() or tmpfsMount()',
  test: (v) => isRecord(v) && v['kind'] === 'Mount' && isRecord(v['mount']) && Array.isArray(v['issues']),
};

/** A value from `aptInstall()`, `apkInstall()` or `dnfInstall()`. */
export const packageInstall: ArgSpec = {
  what: 'an install from aptInstall(), apkInstall() or dnfInstall()',
  test: (v) => isRecord(v) && v['kind'] === 'PackageInstall' && Array.isArray(v['steps']) && Array.isArray(v['mounts']) && Array.isArray(v['issues']),
};

/** An ARG handle from `arg()` or `platformArgs`. */
export const argHandle: ArgSpec = {
  what: "an ARG handle from arg('NAME')",
  test: (v) => isRecord(v) && v['kind'] === 'Arg' && typeof v['name'] === 'string' && (v['default'] === undefined || typeof v['default'] === 'string'),
};

const argv: ArgSpec = spec.arrayOf(spec.string, 'an array of strings');

/** What `run()` takes. */
export const runInput: ArgSpec = {
  what: 'a command string, a tpl`...` template, an argv array of strings, or an install from aptInstall(), apkInstall() or dnfInstall()',
  test: (v) => spec.text.test(v) || argv.test(v) || packageInstall.test(v),
};

/** User and group of `--chown` and USER: a name or an id. */
export const owner: ArgSpec = spec.either(spec.string, spec.integer(0, MAX_ID));

/** A file mode: `'755'` or `0o755`. */
export const fileMode: ArgSpec = spec.either(spec.string, spec.integer(0, 0o7777));

const network = spec.oneOf('default', 'none', 'host');
const security = spec.oneOf('sandbox', 'insecure');

export const runOptions = {
  mounts: spec.arrayOf(mountValue, 'an array of mounts from cacheMount(), secretMount()...'),
  network,
  security,
} as const;

export const modifiers = { network, security, cleanup: { cache: spec.oneOf('clean', 'mount') } } as const;

export const copyOptions = {
  chown: spec.either(owner, spec.oneOf(true)),
  chmod: fileMode,
  link: spec.boolean,
  parents: spec.boolean,
  exclude: spec.arrayOf(spec.string, 'an array of strings'),
} as const;

/** A COPY source: one text input or an array of them. */
export const copySources: ArgSpec = spec.either(spec.text, spec.arrayOf(spec.text, 'an array of strings or templates'));

export const addUrlOptions = { checksum: spec.string, chown: owner, chmod: fileMode, link: spec.boolean } as const;
export const addGitOptions = { keepGitDir: spec.boolean, chown: owner, link: spec.boolean } as const;
export const addArchiveOptions = { chown: owner, chmod: fileMode } as const;

/** USER: a name or `name:group`, a uid, or `{ uid, gid }`. */
export const userSpec: ArgSpec = spec.either(spec.string, spec.integer(0, MAX_ID), {
  what: 'an object { uid, gid }',
  test: (v) => isRecord(v) && spec.integer(0, MAX_ID).test(v['uid']) && spec.integer(0, MAX_ID).test(v['gid']) && Object.keys(v).every((k) => k === 'uid' || k === 'gid'),
});

/**
 * Ids of a created user: 1 up to 2^31 - 1. Root (0) is what the option exists to avoid, and
 * useradd, adduser and many tools read ids as signed 32-bit numbers.
 */
export const createdId: ArgSpec = spec.integer(1, 2147483647);

export const createUser = {
  uid: createdId,
  gid: createdId,
  home: spec.either(spec.string, spec.oneOf(false)),
  shell: spec.string,
  tool: spec.oneOf('shadow', 'busybox'),
} as const;

export const healthcheckOptions = {
  interval: spec.string,
  timeout: spec.string,
  startPeriod: spec.string,
  startInterval: spec.string,
  // The range is DW6012's (healthcheckOption), as for the durations.
  retries: spec.either({ what: 'a number', test: (v) => typeof v === 'number' }, spec.string),
} as const;

export { argv };
