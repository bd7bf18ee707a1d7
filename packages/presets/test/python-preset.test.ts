import { describe, expect, it } from 'vitest';
import { image, lintDockerfile } from '@dockwright/core';
import { detectPythonFiles, pythonPreset, type FileContents } from '@dockwright/presets';

const digest = `sha256:${'1'.repeat(64)}`;
const python = image('registry.example.com/python:3.12.8-slim-bookworm').pinDigest(digest);
const uv = image('registry.example.com/uv:0.5.11').pinDigest(digest);

const pip: FileContents = { 'requirements.txt': '# web\ngunicorn==23.0.0\nFlask[async]>=3 ; python_version > "3.8"\n', 'app.py': 'from flask import Flask\napp = Flask(__name__)\n' };
const uvProject: FileContents = {
  'pyproject.toml': '[project]\nname = "shop"\nrequires-python = ">=3.11"\ndependencies = [\n  "uvicorn[standard]>=0.30",\n  "fastapi",\n]\n\n[tool.uv]\ndev-dependencies = []\n',
  'uv.lock': 'version = 1\n',
  'shop/__init__.py': '',
  'shop/main.py': 'app = FastAPI()\n',
};
const poetry: FileContents = {
  'pyproject.toml': '[tool.poetry]\nname = "tool"\n\n[tool.poetry.dependencies]\npython = "^3.10"\nrequests = "^2"\n\n[tool.poetry.scripts]\ntool = "tool.cli:main"\n',
  'poetry.lock': '',
  'tool/__init__.py': '',
  'tool/cli.py': 'def main(): pass\n',
};
const stdlib: FileContents = { 'requirements.txt': '', '.python-version': '3.11.9\n', 'hello/__init__.py': '', 'hello/__main__.py': 'print("hi")\n' };

describe('detectPython', () => {
  it.each([
    ['requirements.txt', pip, { packageManager: 'pip', server: 'gunicorn', apps: ['app:app'], modules: ['app'], pythonVersion: undefined }],
    ['uv.lock', uvProject, { packageManager: 'uv', server: 'uvicorn', apps: ['shop.main:app'], modules: [], pythonVersion: '3.11' }],
    ['poetry.lock', poetry, { packageManager: 'poetry', server: undefined, scripts: ['tool'], pythonVersion: '3.10', dependencies: ['requests'] }],
    ['a package with __main__.py', stdlib, { packageManager: 'pip', modules: ['hello'], pythonVersion: '3.11', dependencies: [] }],
    ['both lockfiles', { 'pyproject.toml': '[project]\nname = "x"\n', 'uv.lock': '', 'poetry.lock': '' }, { packageManager: undefined }],
    ['pyproject.toml alone', { 'pyproject.toml': '[project]\nname = "x"\n' }, { packageManager: undefined }],
  ])('%s', (_, files, expected) => {
    expect(detectPythonFiles(files)).toMatchObject(expected);
  });
  it('says what is missing when the directory is no Python project', () => {
    expect(() => detectPythonFiles({ 'README.md': '' })).toThrow(/DW9003 no pyproject.toml, requirements.txt/);
  });
});

describe('pythonPreset', () => {
  it('pip: a venv without pip, filled by the base image pip from requirements.txt with a pip cache, copied into the runtime; gunicorn serves app:app as 65532', () => {
    const { dockerfile } = pythonPreset(detectPythonFiles(pip), { images: { python } });
    expect(dockerfile.render()).toMatchInlineSnapshot(`
      "FROM registry.example.com/python:3.12.8-slim-bookworm@sha256:1111111111111111111111111111111111111111111111111111111111111111 AS build
      ENV PYTHONDONTWRITEBYTECODE=1 \\
          PIP_DISABLE_PIP_VERSION_CHECK=1
      WORKDIR /app
      RUN python -m venv --without-pip /opt/venv
      RUN --mount=type=cache,target=/root/.cache/pip,sharing=locked \\
          --mount=type=bind,target=requirements.txt,source=requirements.txt \\
          python -m pip --python /opt/venv/bin/python install -r requirements.txt

      FROM registry.example.com/python:3.12.8-slim-bookworm@sha256:1111111111111111111111111111111111111111111111111111111111111111 AS runtime
      ENV PATH=/opt/venv/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \\
          VIRTUAL_ENV=/opt/venv \\
          PYTHONUNBUFFERED=1 \\
          PYTHONDONTWRITEBYTECODE=1
      WORKDIR /app
      COPY --from=build /opt/venv /opt/venv
      COPY . ./
      USER 65532:65532
      EXPOSE 8000
      CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app:app"]
      "
    `);
  });
  it('uv: the locked dependencies before the sources, uvicorn serving the only app', () => {
    const text = pythonPreset(detectPythonFiles(uvProject), { images: { python, uv } }).dockerfile.render();
    expect(text).toMatchInlineSnapshot(`
      "FROM registry.example.com/python:3.12.8-slim-bookworm@sha256:1111111111111111111111111111111111111111111111111111111111111111 AS build
      ENV PYTHONDONTWRITEBYTECODE=1 \\
          PIP_DISABLE_PIP_VERSION_CHECK=1
      WORKDIR /app
      COPY --from=registry.example.com/uv:0.5.11@sha256:1111111111111111111111111111111111111111111111111111111111111111 /uv /usr/local/bin/uv
      ENV UV_PROJECT_ENVIRONMENT=/opt/venv \\
          UV_COMPILE_BYTECODE=1 \\
          UV_LINK_MODE=copy \\
          UV_PYTHON_DOWNLOADS=never
      RUN --mount=type=cache,target=/root/.cache/uv,sharing=locked \\
          --mount=type=bind,target=pyproject.toml,source=pyproject.toml \\
          --mount=type=bind,target=uv.lock,source=uv.lock \\
          uv sync --frozen --no-dev --no-install-project

      FROM registry.example.com/python:3.12.8-slim-bookworm@sha256:1111111111111111111111111111111111111111111111111111111111111111 AS runtime
      ENV PATH=/opt/venv/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \\
          VIRTUAL_ENV=/opt/venv \\
          PYTHONUNBUFFERED=1 \\
          PYTHONDONTWRITEBYTECODE=1
      WORKDIR /app
      COPY --from=build /opt/venv /opt/venv
      COPY . ./
      USER 65532:65532
      EXPOSE 8000
      CMD ["uvicorn", "shop.main:app", "--host", "0.0.0.0", "--port", "8000"]
      "
    `);
  });
  it('poetry: the console script installs the project into the venv; the runtime holds the venv alone', () => {
    const text = pythonPreset(detectPythonFiles(poetry), { images: { python } }).dockerfile.render();
    expect(text).toContain('poetry install --only main --no-root');
    expect(text).toContain('CMD ["tool"]');
    expect(text).not.toMatch(/^COPY \. \.\/$/m);
  });
  it('defaults to an exact interpreter version for the detected minor', () => {
    expect(pythonPreset(detectPythonFiles(stdlib)).dockerfile.render()).toContain('FROM python:3.11.11-slim-bookworm AS build');
    expect(pythonPreset(detectPythonFiles({ ...stdlib, '.python-version': '' })).dockerfile.render()).toContain('FROM python:3.12.8-slim-bookworm AS build');
  });
  it.each([
    ['both lockfiles', { 'pyproject.toml': '[project]\nname = "x"\n', 'uv.lock': '', 'poetry.lock': '' }, {}, /DW9003 cannot tell how x installs[^]*pass packageManager: 'pip', 'uv' or 'poetry'/],
    ['two modules', { 'requirements.txt': '', 'main.py': '', 'app.py': '' }, {}, /cannot tell how app starts[^]*pass module: 'app', 'main'/],
    ['uvicorn and no app', { 'requirements.txt': 'uvicorn\n', 'main.py': '' }, {}, /uvicorn is a dependency[^]*pass app: 'module:attribute'/],
    ['a Python with no default image', { ...stdlib, '.python-version': '3.7' }, {}, /no default image for Python 3.7[^]*pass images: \{ python:/],
  ])('a coded error naming the option: %s', (_, files, options, message) => {
    expect(() => pythonPreset(detectPythonFiles(files as FileContents), options)).toThrow(message);
  });
  it.each([
    ['pip', pip],
    ['uv', uvProject],
    ['poetry', poetry],
    ['stdlib', stdlib],
  ])('%s: its output lints clean and runs as a numeric non-root user', (_, files) => {
    const text = pythonPreset(detectPythonFiles(files), { images: { python, uv } }).dockerfile.render();
    expect(lintDockerfile(text).filter((d) => d.severity !== 'info')).toEqual([]);
    expect(text).toMatch(/^USER 65532:65532$/m);
  });
  it('takes the user, the module and the start command as options', () => {
    const text = pythonPreset(detectPythonFiles(stdlib), { images: { python }, user: { uid: 10001, gid: 10001 }, module: 'hello.cli', port: 9000 }).dockerfile.render();
    expect(text).toContain('USER 10001:10001');
    expect(text).toContain('CMD ["python", "-m", "hello.cli"]');
    expect(text).toContain('EXPOSE 9000');
  });
});
