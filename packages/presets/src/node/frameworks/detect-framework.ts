/**
 * What a Node framework needs in an image, read from package.json and the framework's config
 * files: plain data, no file system access of its own (the caller passes `read`).
 */

/** The frameworks the Node preset knows by their start command and build output. */
export type NodeFrameworkName =
  | 'next'
  | 'remix'
  | 'react-router'
  | 'nuxt'
  | 'sveltekit'
  | 'astro'
  | 'nest'
  | 'fastify'
  | 'express'
  | 'vite'
  | 'gatsby';

/** A detected framework: how its build output runs. */
export interface NodeFramework {
  readonly name: NodeFrameworkName;
  /** `server`: a Node process; `static`: files served by the static server image. */
  readonly kind: 'server' | 'static';
  /**
   * What the runtime gets from the build stage, as [from, to] relative to the app directory
   * (`['.next/standalone', '.']`). For a static site: the one folder that is the site.
   */
  readonly outputs: readonly (readonly [string, string])[];
  /** The start command as argv, run without npm (a server only; undefined when it cannot be told). */
  readonly start?: readonly string[];
  /** The port the server listens on by default. */
  readonly port: number;
  /** Whether the runtime needs the production node_modules (a self-contained bundle does not). */
  readonly nodeModules: boolean;
  /** Variables the server needs to listen on every interface in a container. */
  readonly env?: Readonly<Record<string, string>>;
  /** The build output carries its own package.json (Next.js standalone, Nuxt's .output): the app's is not copied. */
  readonly ownPackageJson?: boolean;
  /**
   * The folder of a bundled server whose bare imports are all the packages it loads (Astro's
   * `dist/server`): the runtime gets those and their dependencies, not every production dependency.
   */
  readonly traceImports?: string;
  /**
   * A server that is a bundle (`dir`) run by a package's entry point (`entries`, relative to the
   * app): the runtime gets only the files those load (trace-files.ts), not whole packages.
   */
  readonly traceFiles?: { readonly dir: string; readonly entries: readonly string[] };
  /** The framework's build cache, relative to the app: a cache mount of the build step, never in a layer. */
  readonly buildCache?: string;
  /** Something the user can change in the project for a better image, printed with the preset's notes. */
  readonly note?: string;
  /** Set when the framework is known but how it runs is not: why, and the option to set. */
  readonly unresolved?: { readonly message: string; readonly hint: string };
}

/** How the detection reads the project: a file's text relative to the app, or undefined. */
export interface FrameworkFiles {
  read(path: string): string | undefined;
  exists(path: string): boolean;
}

const CONFIG_EXTS = ['js', 'mjs', 'cjs', 'ts', 'mts', 'cts'] as const;

/** The text of the first `<base>.<ext>` config file, or undefined. */
function configOf(files: FrameworkFiles, base: string): string | undefined {
  for (const ext of CONFIG_EXTS) {
    const text = files.read(`${base}.${ext}`);
    if (text !== undefined) return text;
  }
  return undefined;
}

function depsOf(pkg: Record<string, unknown>): Set<string> {
  const names = new Set<string>();
  for (const field of ['dependencies', 'devDependencies']) {
    const deps = pkg[field];
    if (typeof deps === 'object' && deps !== null) for (const name of Object.keys(deps)) names.add(name);
  }
  return names;
}

function scriptOf(pkg: Record<string, unknown>, name: string): string | undefined {
  const scripts = pkg['scripts'];
  const s = typeof scripts === 'object' && scripts !== null ? (scripts as Record<string, unknown>)[name] : undefined;
  return typeof s === 'string' ? s.trim() : undefined;
}

/** Words of a script that a shell would pass on unchanged, or undefined. */
function plainWords(script: string | undefined): string[] | undefined {
  if (script === undefined || !/^[\w ./@=:-]+$/.test(script)) return undefined;
  return script.split(/\s+/);
}

const server = (name: NodeFrameworkName, f: Omit<NodeFramework, 'name' | 'kind'>): NodeFramework => ({ name, kind: 'server', ...f });
const site = (name: NodeFrameworkName, dir: string): NodeFramework => ({ name, kind: 'static', outputs: [[dir, dir]], port: 8080, nodeModules: false });

function next(files: FrameworkFiles): NodeFramework {
  const config = configOf(files, 'next.config') ?? '';
  const standalone = /output\s*:\s*['"`]standalone['"`]/.test(config);
  const publicDir = files.exists('public');
  if (standalone) {
    // The standalone server carries the node_modules it traced; static assets and public are copied beside it.
    return server('next', {
      outputs: [['.next/standalone', '.'], ['.next/static', '.next/static'], ...(publicDir ? [['public', 'public'] as const] : [])],
      start: ['node', 'server.js'],
      port: 3000,
      nodeModules: false,
      // Docker sets HOSTNAME to the container id; the standalone server listens on it.
      env: { HOSTNAME: '0.0.0.0' },
      ownPackageJson: true,
      buildCache: '.next/cache',
    });
  }
  const configFile = CONFIG_EXTS.map((e) => `next.config.${e}`).find((f) => files.read(f) !== undefined);
  return server('next', {
    outputs: [['.next', '.next'], ...(publicDir ? [['public', 'public'] as const] : []), ...(configFile === undefined ? [] : [[configFile, configFile] as const])],
    start: ['node', 'node_modules/next/dist/bin/next', 'start'],
    port: 3000,
    nodeModules: true,
    // Without the mount, `COPY .next` would carry the build cache (tens of MB) into the runtime.
    buildCache: '.next/cache',
    note: "Next.js without output: 'standalone': the runtime carries every production dependency (next with its SWC binary and sharp); set output: 'standalone' in next.config for a server with only the files it loads",
  });
}

function astro(files: FrameworkFiles, deps: Set<string>): NodeFramework {
  const config = configOf(files, 'astro.config') ?? '';
  const ssr = /output\s*:\s*['"`](?:server|hybrid)['"`]/.test(config) || /adapter\s*:/.test(config);
  if (!ssr) return site('astro', 'dist');
  if (!deps.has('@astrojs/node')) {
    return server('astro', {
      outputs: [['dist', 'dist']],
      port: 4321,
      nodeModules: true,
      unresolved: {
        message: 'this Astro app renders on the server with an adapter other than @astrojs/node',
        hint: "use @astrojs/node in standalone mode, or pass start: ['node', '<the entry the adapter writes>']",
      },
    });
  }
  // Astro bundles its own runtime into dist/server, which imports a few small packages (and sharp):
  // astro's build tools (vite, rollup, esbuild, typescript, shiki) stay out of the runtime.
  return server('astro', { outputs: [['dist', 'dist']], start: ['node', 'dist/server/entry.mjs'], port: 4321, nodeModules: true, env: { HOST: '0.0.0.0' }, traceImports: 'dist/server' });
}

function sveltekit(deps: Set<string>): NodeFramework {
  if (deps.has('@sveltejs/adapter-static')) return site('sveltekit', 'build');
  if (deps.has('@sveltejs/adapter-node')) return server('sveltekit', { outputs: [['build', 'build']], start: ['node', 'build'], port: 3000, nodeModules: true });
  return server('sveltekit', {
    outputs: [['build', 'build']],
    port: 3000,
    nodeModules: true,
    unresolved: {
      message: 'this SvelteKit app has no @sveltejs/adapter-node (adapter-auto picks no Node server)',
      hint: "add @sveltejs/adapter-node to svelte.config.js, or pass start: ['node', 'build']",
    },
  });
}

/** fastify-cli's options that take a value (its args.js, with their one-letter aliases). */
const FASTIFY_VALUE_OPTIONS = new Set([
  'port', 'p', 'inspect-port', 'body-limit', 'plugin-timeout', 'T', 'close-grace-delay', 'g', 'trust-proxy-hop', 'log-level', 'l', 'address', 'a',
  'socket', 's', 'prefix', 'x', 'ignore-watch', 'logging-module', 'L', 'debug-host', 'lang', 'require', 'r', 'import', 'i', 'config', 'c', 'method',
  'trust-proxy-ips', 'debug-port', 'I',
]);

/** The plugin file and the port of `fastify start [options] <file> [-- plugin options]`. */
function fastifyStartArgs(args: readonly string[]): { file?: string; port?: number } {
  let file: string | undefined;
  let port: number | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') break;
    const opt = /^--?([\w-]+)(?:=(.*))?$/.exec(a);
    if (opt?.[1] === undefined) {
      file ??= a;
      continue;
    }
    const value = opt[2] ?? (FASTIFY_VALUE_OPTIONS.has(opt[1]) ? args[++i] : undefined);
    if ((opt[1] === 'port' || opt[1] === 'p') && value !== undefined && /^\d+$/.test(value)) port = Number(value);
  }
  return { ...(file === undefined ? {} : { file }), ...(port === undefined ? {} : { port }) };
}

function fastify(pkg: Record<string, unknown>): NodeFramework | undefined {
  const words = plainWords(scriptOf(pkg, 'start'));
  if (words?.[0] !== 'fastify' || words[1] !== 'start') return undefined;
  // fastify-cli's bin, run by node itself: no npm, and no shell wrapper (pnpm's .bin entries are scripts).
  // The build output is the plugin file's top folder (`dist/app.js`: dist); option values are not files.
  const { file, port } = fastifyStartArgs(words.slice(2));
  const top = file?.replace(/^\.\//, '').split('/');
  const dir = top?.[0];
  const outputs = dir === undefined || dir === '.' || dir === '..' ? [] : [[dir, dir] as const];
  return server('fastify', {
    outputs,
    start: ['node', 'node_modules/fastify-cli/cli.js', ...words.slice(1)],
    port: port ?? 3000,
    nodeModules: true,
    env: { FASTIFY_ADDRESS: '0.0.0.0' },
  });
}

const ENTRY_FILES = ['server.js', 'app.js', 'index.js', 'server.mjs', 'app.mjs', 'index.mjs'] as const;

/** A server started as `node <file>`: the start script, `main`, or a conventional file at the root. */
function plainServer(name: NodeFrameworkName, pkg: Record<string, unknown>, files: FrameworkFiles): NodeFramework {
  const words = plainWords(scriptOf(pkg, 'start'));
  const main = typeof pkg['main'] === 'string' ? pkg['main'] : undefined;
  const file = ENTRY_FILES.find((f) => files.exists(f));
  const start = words?.[0] === 'node' ? words : main !== undefined ? ['node', main] : file !== undefined ? ['node', file] : undefined;
  const base = { outputs: [], port: 3000, nodeModules: true } as const;
  if (start !== undefined) return server(name, { ...base, start });
  return server(name, {
    ...base,
    unresolved: {
      message: `this ${name} app has no \`node <file>\` start script, main field or ${ENTRY_FILES.slice(0, 3).join('/')}`,
      hint: "add a start script such as `node server.js`, or pass start: ['node', 'dist/server.js']",
    },
  });
}

/** `remix-serve ./build/server/index.js` -> the served build file, `build/server/index.js` by default. */
function servedBuild(pkg: Record<string, unknown>, cli: string, fallback: string): string {
  const words = plainWords(scriptOf(pkg, 'start'));
  const file = words?.[0] === cli ? words[1] : undefined;
  return (file ?? fallback).replace(/^\.\//, '');
}

/**
 * What remix-serve and react-router-serve load: the served build's folder and the serve CLI.
 * The build's own folder holds the server bundle only (`build/server`); a classic Remix build
 * (`build/index.js`) is its whole folder.
 */
function servedFiles(file: string, cli: string): NonNullable<NodeFramework['traceFiles']> {
  const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '.';
  return { dir, entries: [cli] };
}

/**
 * The framework of a Node app, from its dependencies, scripts and config files; undefined for an
 * app the preset runs as a plain `node <file>`.
 *
 * @example
 * ```ts
 * detectFramework(pkg, { read: (p) => readFileSync(p, 'utf8') })?.start; // ['node', 'server.js']
 * ```
 */
export function detectFramework(pkg: Record<string, unknown>, files: FrameworkFiles): NodeFramework | undefined {
  const deps = depsOf(pkg);
  if (deps.has('next')) return next(files);
  if (deps.has('@react-router/serve') || (deps.has('@react-router/dev') && configOf(files, 'react-router.config') !== undefined)) {
    const file = servedBuild(pkg, 'react-router-serve', 'build/server/index.js');
    const cli = 'node_modules/@react-router/serve/bin.js';
    return server('react-router', { outputs: [['build', 'build']], start: ['node', cli, file], port: 3000, nodeModules: true, traceFiles: servedFiles(file, cli) });
  }
  if (deps.has('@remix-run/serve') || deps.has('@remix-run/dev')) {
    const file = servedBuild(pkg, 'remix-serve', configOf(files, 'remix.config') !== undefined ? 'build/index.js' : 'build/server/index.js');
    const cli = 'node_modules/@remix-run/serve/dist/cli.js';
    return server('remix', { outputs: [['build', 'build']], start: ['node', cli, file], port: 3000, nodeModules: true, traceFiles: servedFiles(file, cli) });
  }
  if (deps.has('nuxt')) {
    // Nitro's node server bundles what it needs into .output.
    return server('nuxt', { outputs: [['.output', '.output']], start: ['node', '.output/server/index.mjs'], port: 3000, nodeModules: false, env: { HOST: '0.0.0.0' }, ownPackageJson: true });
  }
  if (deps.has('@sveltejs/kit')) return sveltekit(deps);
  if (deps.has('astro')) return astro(files, deps);
  if (deps.has('@nestjs/core')) return server('nest', { outputs: [['dist', 'dist']], start: ['node', 'dist/main.js'], port: 3000, nodeModules: true });
  if (deps.has('gatsby')) return site('gatsby', 'public');
  if (deps.has('fastify') || deps.has('fastify-cli')) return fastify(pkg) ?? plainServer('fastify', pkg, files);
  if (deps.has('express')) return plainServer('express', pkg, files);
  if (deps.has('vite') && /\bvite\s+build\b/.test(scriptOf(pkg, 'build') ?? '')) return site('vite', 'dist');
  return undefined;
}
