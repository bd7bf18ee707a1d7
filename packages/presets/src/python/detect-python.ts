import { DockwrightError } from '@dockwright/core';
import { has, join, listEntries, readText } from '../shared/read-project.js';
import { tomlKeys, tomlString, tomlStringArray, tomlTables } from '../shared/read-toml.js';

/** How a Python project's dependencies are installed. */
export type PythonPackageManager = 'pip' | 'uv' | 'poetry';

/** What the Python preset needs to know about a project; `detectPython()` reads it from disk, `detectPythonFiles()` from file contents. */
export interface PythonProject {
  /** `[project] name`, `[tool.poetry] name`, or the directory's name. */
  readonly name: string;
  /** `uv.lock` means uv, `poetry.lock` poetry, `requirements.txt` pip; undefined when the files do not say (both locks, or a pyproject.toml alone). */
  readonly packageManager: PythonPackageManager | undefined;
  readonly hasRequirements: boolean;
  /** The lockfile of uv or poetry, when there is one. */
  readonly lockfile: 'uv.lock' | 'poetry.lock' | undefined;
  readonly hasPyproject: boolean;
  /** `major.minor` from `.python-version`, else the lowest `requires-python` allows; undefined when neither says. */
  readonly pythonVersion: string | undefined;
  /** Normalised names (lower case, `-`) of the declared dependencies. */
  readonly dependencies: readonly string[];
  /** gunicorn or uvicorn when a dependency (gunicorn wins: it can run uvicorn workers). */
  readonly server: 'gunicorn' | 'uvicorn' | undefined;
  /** Console scripts the project declares (`[project.scripts]`, `[tool.poetry.scripts]`). */
  readonly scripts: readonly string[];
  /** What `python -m` can run: packages with a `__main__.py` (at the root or under `src/`), and `main.py`, `app.py` at the root. */
  readonly modules: readonly string[];
  /** `module:app` for each root module, or package module, that assigns `app =` (a WSGI or ASGI application). */
  readonly apps: readonly string[];
}

const normalise = (name: string) => name.toLowerCase().replace(/[-_.]+/g, '-');

/** The package name at the start of a requirement (`Flask[async]>=3; python_version > "3.8"`). */
function requirementName(line: string): string | undefined {
  const m = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(line);
  return m?.[1] === undefined ? undefined : normalise(m[1]);
}

function requirements(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.replace(/(^|\s)#.*$/, '').trim())
    .filter((l) => l !== '' && !l.startsWith('-'))
    .flatMap((l) => requirementName(l) ?? []);
}

/** The lowest `major.minor` a `requires-python` or poetry `python` constraint allows (`>=3.11,<4` gives 3.11). */
function lowestVersion(spec: string | undefined): string | undefined {
  if (spec === undefined) return undefined;
  const m = /(?:>=|==|~=|\^|~|^)\s*(3\.\d+)/.exec(spec.trim());
  return m?.[1];
}

function pythonFiles(dir: string): string[] {
  return (listEntries(dir) ?? []).filter((e) => e.name.endsWith('.py')).map((e) => e.name).sort();
}

/** Reads a Python project through the file source of the detection under way (`detectPython`, `detectPythonFiles`). */
export function readPythonProject(dir: string): PythonProject {
  const pyproject = readText(dir, 'pyproject.toml');
  const req = readText(dir, 'requirements.txt');
  const uvLock = has(dir, 'uv.lock');
  const poetryLock = has(dir, 'poetry.lock');
  if (pyproject === undefined && req === undefined && !uvLock && !poetryLock) {
    throw new DockwrightError([
      { code: 'DW9003', message: `no pyproject.toml, requirements.txt, uv.lock or poetry.lock in ${dir}`, hint: 'point the preset at the directory of the Python project', path: { instruction: 'detectPython()' } },
    ]);
  }
  const tables = tomlTables(pyproject ?? '');
  const project = tables.get('project');
  const poetry = tables.get('tool.poetry');
  const deps = [
    ...requirements(req ?? ''),
    ...tomlStringArray(project, 'dependencies').flatMap((d) => requirementName(d) ?? []),
    ...tomlKeys(tables.get('tool.poetry.dependencies')).filter((k) => k !== 'python').map(normalise),
  ];
  const dependencies = [...new Set(deps)].sort();
  let packageManager: PythonPackageManager | undefined;
  if (uvLock && !poetryLock) packageManager = 'uv';
  else if (poetryLock && !uvLock) packageManager = 'poetry';
  else if (!uvLock && !poetryLock) {
    if (req !== undefined) packageManager = 'pip';
    else if (poetry !== undefined) packageManager = 'poetry';
    else if (tables.has('tool.uv')) packageManager = 'uv';
  }
  const pinned = readText(dir, '.python-version')?.trim().split(/\s+/)[0];
  const pythonVersion = /^3\.\d+/.exec(pinned ?? '')?.[0] ?? lowestVersion(tomlString(project, 'requires-python')) ?? lowestVersion(tomlString(tables.get('tool.poetry.dependencies'), 'python'));
  const modules: string[] = [];
  const apps: string[] = [];
  const scan = (base: string, prefix: string) => {
    for (const e of (listEntries(base) ?? []).slice().sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (e.name.startsWith('.') || e.name.startsWith('_') && e.name !== '__main__.py') continue;
      const sub = join(base, e.name);
      if (listEntries(sub) !== undefined && has(sub, '__init__.py')) {
        if (has(sub, '__main__.py')) modules.push(`${prefix}${e.name}`);
        for (const f of pythonFiles(sub)) if (/^app\s*=/m.test(readText(sub, f) ?? '')) apps.push(`${e.name}.${f.slice(0, -3)}`.replace(/\.__init__$/, '') + ':app');
      }
    }
  };
  for (const f of pythonFiles(dir)) {
    const mod = f.slice(0, -3);
    if (mod === 'main' || mod === 'app') modules.push(mod);
    if (/^app\s*=/m.test(readText(dir, f) ?? '')) apps.push(`${mod}:app`);
  }
  scan(dir, '');
  scan(join(dir, 'src'), '');
  const scripts = [...tomlKeys(tables.get('project.scripts')), ...tomlKeys(tables.get('tool.poetry.scripts'))];
  const server = dependencies.includes('gunicorn') ? 'gunicorn' : dependencies.includes('uvicorn') ? 'uvicorn' : undefined;
  const name = tomlString(project, 'name') ?? tomlString(poetry, 'name') ?? (dir.split(/[\\/]/).filter((p) => p !== '' && p !== '.').pop() ?? 'app');
  return Object.freeze({
    name,
    packageManager,
    hasRequirements: req !== undefined,
    lockfile: uvLock && !poetryLock ? 'uv.lock' : poetryLock && !uvLock ? 'poetry.lock' : undefined,
    hasPyproject: pyproject !== undefined,
    pythonVersion,
    dependencies: Object.freeze(dependencies),
    server,
    scripts: Object.freeze([...new Set(scripts)]),
    modules: Object.freeze([...new Set(modules)]),
    apps: Object.freeze([...new Set(apps)]),
  });
}
