import { bindMount, cacheMount, dockerfile, DockwrightError, image, stage, type Image, type Stage } from '@dockwright/core';
import { dockerignore } from '../shared/dockerignore.js';
import type { PresetResult } from '../shared/preset-result.js';
import type { PythonPackageManager, PythonProject } from './detect-python.js';
import { DEFAULT_PYTHON, pythonImageFor } from './python-versions.js';

/** The base images of the Python preset, by logical name. */
export interface PythonImages {
  /** The interpreter, for the build stage and the runtime alike (the venv links to its python). Default `python:<version>-slim-bookworm`. */
  readonly python?: Image;
  /** Where the uv binary comes from (`/uv` in it). Default `ghcr.io/astral-sh/uv:0.5.11`. */
  readonly uv?: Image;
}

/** Options of the Python preset. */
export interface PythonPresetOptions {
  readonly images?: PythonImages;
  /** Overrides the detected package manager. */
  readonly packageManager?: PythonPackageManager;
  /** The module `python -m` runs (`api`, `main`). Default: the only one detected. */
  readonly module?: string;
  /** A console script of the project to start (installs the project into the venv). */
  readonly script?: string;
  /** The WSGI/ASGI application for gunicorn or uvicorn, `module:attribute`. Default: the only `app =` found. */
  readonly app?: string;
  /** `false` starts with `python -m` even when gunicorn or uvicorn is a dependency. */
  readonly server?: 'gunicorn' | 'uvicorn' | false;
  /** The whole start command, as arguments; wins over module, script and server. */
  readonly start?: readonly [string, ...string[]];
  /** Default 8000 when a server starts the app; none otherwise. */
  readonly port?: number;
  /** The poetry version installed in the build stage (default 1.8.5). */
  readonly poetryVersion?: string;
  /** The numeric user the app runs as (default 65532:65532). */
  readonly user?: { readonly uid: number; readonly gid: number };
  readonly labels?: Readonly<Record<string, string>>;
  readonly runtimeSteps?: (runtime: Stage<boolean>) => Stage<boolean>;
}

const VENV = '/opt/venv';
const PATH = `${VENV}/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin`;

function fail(message: string, hint: string): never {
  throw new DockwrightError([{ code: 'DW9003', message, hint, path: { instruction: 'pythonPreset()' } }]);
}

const quoted = (items: readonly string[]) => items.map((i) => `'${i}'`).join(', ');

/** The start command and port, from the options first, then the detection. */
function startOf(project: PythonProject, options: PythonPresetOptions): { argv: readonly [string, ...string[]]; port: number | undefined; script: boolean } {
  if (options.start !== undefined) return { argv: options.start, port: options.port, script: false };
  const server = options.server === false ? undefined : (options.server ?? project.server);
  if (server !== undefined) {
    const app = options.app ?? (project.apps.length === 1 ? project.apps[0] : undefined);
    if (app === undefined || !/^[A-Za-z_][\w.]*:[A-Za-z_]\w*(\(\))?$/.test(app)) {
      fail(
        app === undefined ? `${server} is a dependency of ${project.name}, but ${project.apps.length === 0 ? 'no module assigns app =' : `${project.apps.length} modules assign app =`}` : `app ${JSON.stringify(app)} is not module:attribute`,
        `pass app: 'module:attribute'${project.apps.length > 0 ? ` (one of ${quoted(project.apps)})` : ''}, or server: false to start with python -m`,
      );
    }
    const port = options.port ?? 8000;
    const uvicornApp = project.dependencies.includes('uvicorn') || server === 'uvicorn';
    const argv: [string, ...string[]] =
      server === 'gunicorn'
        ? ['gunicorn', '--bind', `0.0.0.0:${port}`, ...(uvicornApp ? ['--worker-class', 'uvicorn.workers.UvicornWorker'] : []), app]
        : ['uvicorn', app, '--host', '0.0.0.0', '--port', String(port)];
    return { argv, port, script: false };
  }
  if (options.script !== undefined) {
    if (!project.scripts.includes(options.script)) fail(`${options.script} is not a console script of ${project.name}`, `pass script: one of ${quoted(project.scripts) || '(none declared in [project.scripts])'}`);
    return { argv: [options.script], port: options.port, script: true };
  }
  if (options.module !== undefined) {
    if (!/^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$/.test(options.module)) fail(`module ${JSON.stringify(options.module)} is not a dotted module name`, "pass module: 'api' or 'api.main'");
    return { argv: ['python', '-m', options.module], port: options.port, script: false };
  }
  if (project.modules.length === 1 && project.modules[0] !== undefined) return { argv: ['python', '-m', project.modules[0]], port: options.port, script: false };
  if (project.modules.length === 0 && project.scripts.length === 1 && project.scripts[0] !== undefined) return { argv: [project.scripts[0]], port: options.port, script: true };
  return fail(
    `cannot tell how ${project.name} starts: ${project.modules.length} runnable modules, ${project.scripts.length} console scripts`,
    `pass module: ${quoted(project.modules) || "'<package with __main__.py>'"}${project.scripts.length > 0 ? `, or script: ${quoted(project.scripts)}` : ''}, or start: [...]`,
  );
}

/**
 * A Python app: its dependencies installed into a virtual environment in a build stage (pip with
 * requirements.txt, uv with uv.lock, or poetry with poetry.lock; each with its download cache in a
 * cache mount), the venv copied into a slim runtime of the same interpreter with the sources,
 * running as uid 65532 with `python -m <module>`, a console script, or gunicorn/uvicorn when they
 * are dependencies.
 *
 * @example
 * ```ts
 * const { dockerfile } = pythonPreset(detectPython('.'), { module: 'api', port: 8080 });
 * ```
 */
export function pythonPreset(project: PythonProject, options: PythonPresetOptions = {}): PresetResult {
  const manager = options.packageManager ?? project.packageManager;
  if (manager === undefined) {
    fail(`cannot tell how ${project.name} installs its dependencies (${project.lockfile ?? (project.hasPyproject ? 'pyproject.toml alone' : 'uv.lock and poetry.lock both')})`, "pass packageManager: 'pip', 'uv' or 'poetry'");
  }
  if (manager === 'pip' && !project.hasRequirements && !project.hasPyproject) fail('pip needs requirements.txt or pyproject.toml', 'add requirements.txt, or pass packageManager');
  if (manager === 'uv' && (project.lockfile !== 'uv.lock' || !project.hasPyproject)) fail('uv needs pyproject.toml and uv.lock', 'run uv lock, or pass packageManager');
  if (manager === 'poetry' && (project.lockfile !== 'poetry.lock' || !project.hasPyproject)) fail('poetry needs pyproject.toml and poetry.lock', 'run poetry lock, or pass packageManager');
  const { argv, port, script } = startOf(project, options);
  const version = project.pythonVersion ?? DEFAULT_PYTHON;
  const pinned = pythonImageFor(version);
  if (options.images?.python === undefined && pinned === undefined) fail(`no default image for Python ${version}`, `pass images: { python: image('python:${version}.<patch>-slim-bookworm') }`);
  const python = options.images?.python ?? image(pinned ?? '');
  const poetryVersion = options.poetryVersion ?? '1.8.5';
  if (!/^\d+\.\d+(\.\d+)?$/.test(poetryVersion)) fail(`poetryVersion ${JSON.stringify(poetryVersion)} is not a version`, "pass poetryVersion: '1.8.5'");
  const user = options.user ?? { uid: 65532, gid: 65532 };
  const bind = (file: string) => bindMount(file, { source: file });
  // The project itself goes into the venv only to start a console script; else the runtime runs the sources in /app.
  const installProject = script;

  let build: Stage<boolean> = stage('build').from(python).env({ PYTHONDONTWRITEBYTECODE: '1', PIP_DISABLE_PIP_VERSION_CHECK: '1' }).workdir('/app');
  if (manager === 'pip') {
    // A venv without pip (22 MB and an ensurepip run less), filled by the image's own pip through
    // --python (pip 22.3+; the official images have it): the runtime gets the packages, not pip.
    const pip = `python -m pip --python ${VENV}/bin/python install`;
    build = build.run(`python -m venv --without-pip ${VENV}`);
    // Dependencies from requirements.txt alone: a source change does not install them again.
    if (project.hasRequirements) build = build.run(`${pip} -r requirements.txt`).withMounts(cacheMount('/root/.cache/pip', { sharing: 'locked' }), bind('requirements.txt'));
    if (installProject || !project.hasRequirements) {
      build = build.copy('.', '/src/').run(`${pip} ${project.hasRequirements ? '--no-deps ' : ''}/src`).withMounts(cacheMount('/root/.cache/pip', { sharing: 'locked' }));
    }
  } else if (manager === 'uv') {
    const uv = options.images?.uv ?? image('ghcr.io/astral-sh/uv:0.5.11');
    build = build
      .copy(uv, '/uv', '/usr/local/bin/uv')
      .env({ UV_PROJECT_ENVIRONMENT: VENV, UV_COMPILE_BYTECODE: '1', UV_LINK_MODE: 'copy', UV_PYTHON_DOWNLOADS: 'never' })
      // The locked dependencies first, from pyproject.toml and uv.lock alone.
      .run('uv sync --frozen --no-dev --no-install-project')
      .withMounts(cacheMount('/root/.cache/uv', { sharing: 'locked' }), bind('pyproject.toml'), bind('uv.lock'));
    if (installProject) build = build.copy('.', '/src/').workdir('/src').run('uv sync --frozen --no-dev --no-editable').withMounts(cacheMount('/root/.cache/uv', { sharing: 'locked' }));
  } else {
    build = build
      .run(`python -m venv /opt/poetry && /opt/poetry/bin/pip install poetry==${poetryVersion}`)
      .withMounts(cacheMount('/root/.cache/pip', { sharing: 'locked' }))
      .run(`python -m venv ${VENV}`)
      // poetry installs into the venv VIRTUAL_ENV names, from pyproject.toml and poetry.lock alone.
      .env({ VIRTUAL_ENV: VENV, POETRY_VIRTUALENVS_CREATE: 'false', POETRY_NO_INTERACTION: '1' })
      .run('/opt/poetry/bin/poetry install --only main --no-root')
      .withMounts(cacheMount('/root/.cache/pypoetry', { sharing: 'locked' }), bind('pyproject.toml'), bind('poetry.lock'));
    if (installProject) build = build.copy('.', '/src/').workdir('/src').run('/opt/poetry/bin/poetry install --only main').withMounts(cacheMount('/root/.cache/pypoetry', { sharing: 'locked' }));
  }

  let runtime: Stage<boolean> = stage('runtime')
    .from(python)
    .env({ PATH, VIRTUAL_ENV: VENV, PYTHONUNBUFFERED: '1', PYTHONDONTWRITEBYTECODE: '1' })
    .workdir('/app')
    .copy(build, VENV, VENV);
  if (!installProject) runtime = runtime.copy('.', './');
  if (options.labels !== undefined) runtime = runtime.label(options.labels);
  if (options.runtimeSteps !== undefined) runtime = options.runtimeSteps(runtime);
  let final: Stage<true> = runtime.user({ uid: user.uid, gid: user.gid });
  if (port !== undefined) final = final.expose(port);
  final = final.cmd(argv);
  return Object.freeze({
    dockerfile: dockerfile(final),
    dockerignore: dockerignore(['.venv', 'venv', '**/__pycache__', '**/*.pyc', '.pytest_cache', '.mypy_cache', '.ruff_cache', '.tox', 'build', 'dist', '*.egg-info']),
    context: '.',
  });
}
