// Detection on the disk. The pure counterparts, for browsers and for contents in memory, are in
// detect-files.ts; both run the same detection code.
import { readGoProject, type GoProject } from './go/detect-go.js';
import { readNodeProject, type NodeProject } from './node/detect-node.js';
import { readRustProject, type RustProject } from './rust/detect-rust.js';
import { readPythonProject, type PythonProject } from './python/detect-python.js';
import { readJavaProject, type JavaProject } from './java/detect-java.js';
import { diskFiles } from './shared/disk-files.js';
import { withProjectFiles } from './shared/project-files.js';

/**
 * Reads a Node project: package manager (lockfile, then the `packageManager` field), Node version
 * (`engines.node`, `.nvmrc`, `.node-version`), build and start scripts, and, for a package inside a
 * pnpm, npm or yarn workspace, the workspace packages it needs.
 *
 * @example
 * ```ts
 * const project = detectNode('services/api');
 * project.packageManager; // 'pnpm'
 * ```
 */
export function detectNode(dir: string): NodeProject {
  return withProjectFiles(diskFiles, () => readNodeProject(dir));
}

/**
 * Reads a Go module: its path, the Go version of go.mod, whether go.sum exists, and its main
 * packages (the module root, and every `cmd/<name>`).
 *
 * @example
 * ```ts
 * detectGo('.').commands; // ['./cmd/api', './cmd/worker']
 * ```
 */
export function detectGo(dir: string): GoProject {
  return withProjectFiles(diskFiles, () => readGoProject(dir));
}

/**
 * Reads a Python project: its package manager (uv.lock, poetry.lock, requirements.txt), Python
 * version (`.python-version`, `requires-python`), dependencies, console scripts, the modules
 * `python -m` can run and the `app =` objects gunicorn or uvicorn can serve.
 *
 * @example
 * ```ts
 * detectPython('services/api').packageManager; // 'uv'
 * ```
 */
export function detectPython(dir: string): PythonProject {
  return withProjectFiles(diskFiles, () => readPythonProject(dir));
}

/**
 * Reads a Rust crate: its name, binaries (`src/main.rs`, `src/bin/*`, `[[bin]]`), whether
 * Cargo.lock exists, and the toolchain it pins (`rust-toolchain.toml`, `rust-version`).
 *
 * @example
 * ```ts
 * detectRust('.').binaries; // ['api', 'migrate']
 * ```
 */
export function detectRust(dir: string): RustProject {
  return withProjectFiles(diskFiles, () => readRustProject(dir));
}

/**
 * Reads a Java project: Maven (pom.xml) or Gradle (build.gradle, build.gradle.kts), the wrapper,
 * the Java release (`maven.compiler.release`, the Gradle toolchain), Spring Boot, and the main
 * class of the manifest or plugin configuration.
 *
 * @example
 * ```ts
 * detectJava('services/api').buildTool; // 'maven'
 * ```
 */
export function detectJava(dir: string): JavaProject {
  return withProjectFiles(diskFiles, () => readJavaProject(dir));
}
