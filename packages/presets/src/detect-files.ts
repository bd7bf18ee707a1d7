import { DockwrightError } from '@dockwright/core';
import { readGoProject, type GoProject } from './go/detect-go.js';
import { readNodeProject, type NodeProject } from './node/detect-node.js';
import { readRustProject, type RustProject } from './rust/detect-rust.js';
import { readPythonProject, type PythonProject } from './python/detect-python.js';
import { readJavaProject, type JavaProject } from './java/detect-java.js';
import { memoryFiles, type FileContents } from './shared/memory-files.js';
import { withProjectFiles } from './shared/project-files.js';

function projectDir(dir: unknown, fn: string): string {
  if (typeof dir !== 'string' || dir === '' || dir.startsWith('/') || dir.includes('\\') || dir.split('/').includes('..')) {
    throw new DockwrightError([
      { code: 'DW9003', message: `the directory ${JSON.stringify(dir)} is not a path inside the project`, hint: "give the app's directory relative to the project root, such as 'services/api' (default '.')", path: { instruction: `${fn}()` } },
    ]);
  }
  return dir;
}

/**
 * `detectNode` for a project given as file contents instead of a directory: the same detection,
 * with no file system, so it runs in a browser. Paths are `/`-separated and relative to the
 * project (or workspace) root; `dir` is the app's directory among them.
 *
 * @example
 * ```ts
 * const project = detectNodeFiles({
 *   'package.json': JSON.stringify({ name: 'api', scripts: { start: 'node server.js' } }),
 *   'package-lock.json': '{}',
 * });
 * project.packageManager; // 'npm'
 * ```
 */
export function detectNodeFiles(files: FileContents, dir = '.'): NodeProject {
  const at = projectDir(dir, 'detectNodeFiles');
  return withProjectFiles(memoryFiles(files), () => readNodeProject(at));
}

/**
 * `detectGo` for a module given as file contents instead of a directory; it runs in a browser.
 *
 * @example
 * ```ts
 * detectGoFiles({ 'go.mod': 'module example.com/api\n\ngo 1.23\n', 'main.go': 'package main\n' }).commands; // ['.']
 * ```
 */
export function detectGoFiles(files: FileContents, dir = '.'): GoProject {
  const at = projectDir(dir, 'detectGoFiles');
  return withProjectFiles(memoryFiles(files), () => readGoProject(at));
}

/**
 * `detectPython` for a project given as file contents instead of a directory; it runs in a browser.
 *
 * @example
 * ```ts
 * detectPythonFiles({ 'requirements.txt': 'gunicorn==23.0.0\n', 'app.py': 'app = make_app()\n' }).apps; // ['app:app']
 * ```
 */
export function detectPythonFiles(files: FileContents, dir = '.'): PythonProject {
  const at = projectDir(dir, 'detectPythonFiles');
  return withProjectFiles(memoryFiles(files), () => readPythonProject(at));
}

/**
 * `detectRust` for a crate given as file contents instead of a directory; it runs in a browser.
 *
 * @example
 * ```ts
 * detectRustFiles({ 'Cargo.toml': '[package]\nname = "api"\n', 'src/main.rs': 'fn main() {}\n' }).binaries; // ['api']
 * ```
 */
export function detectRustFiles(files: FileContents, dir = '.'): RustProject {
  const at = projectDir(dir, 'detectRustFiles');
  return withProjectFiles(memoryFiles(files), () => readRustProject(at));
}

/**
 * `detectJava` for a Maven or Gradle project given as file contents instead of a directory; it runs in a browser.
 *
 * @example
 * ```ts
 * detectJavaFiles({ 'pom.xml': '<project><artifactId>api</artifactId><properties><maven.compiler.release>21</maven.compiler.release><exec.mainClass>example.Main</exec.mainClass></properties></project>' }).javaVersion; // '21'
 * ```
 */
export function detectJavaFiles(files: FileContents, dir = '.'): JavaProject {
  const at = projectDir(dir, 'detectJavaFiles');
  return withProjectFiles(memoryFiles(files), () => readJavaProject(at));
}
