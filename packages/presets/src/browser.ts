// The parts of @dockwright/presets that need no file system: every preset, and detection from
// file contents (`detectNodeFiles`, `detectGoFiles`). They run in browsers, workers and edge
// runtimes; `detectNode(dir)` and `detectGo(dir)` are in the main entry.
export { detectNodeFiles, detectGoFiles, detectPythonFiles, detectRustFiles, detectJavaFiles } from './detect-files.js';
export type { FileContents } from './shared/memory-files.js';
export type { NodeProject, NodePackageManager, WorkspacePackage } from './node/detect-node.js';
export { nodePreset } from './node/node-preset.js';
export { nodeImageFor, nodeReleases } from './node/node-versions.js';
export { bunImageFor, defaultBunVersion } from './node/bun-versions.js';
export type { NodeImageChoice, NodeRelease } from './node/node-versions.js';
export type { NodePresetOptions, NodeImages } from './node/node-preset.js';
export { packageManagers } from './node/package-managers.js';
export type { PackageManagerPlan } from './node/package-managers.js';
export { dockerignore, baseIgnores } from './shared/dockerignore.js';
export type { Dockerignore } from './shared/dockerignore.js';
export type { PresetResult } from './shared/preset-result.js';
export type { GoProject } from './go/detect-go.js';
export { goPreset } from './go/go-preset.js';
export { goImageFor, goReleases } from './go/go-versions.js';
export type { GoPresetOptions, GoImages } from './go/go-preset.js';
export { staticPreset } from './static/static-preset.js';
export type { StaticPresetOptions } from './static/static-preset.js';
export type { PythonProject, PythonPackageManager } from './python/detect-python.js';
export { pythonPreset } from './python/python-preset.js';
export { pythonImageFor, pythonReleases } from './python/python-versions.js';
export type { PythonPresetOptions, PythonImages } from './python/python-preset.js';
export type { RustProject } from './rust/detect-rust.js';
export { rustPreset, rustImageFor } from './rust/rust-preset.js';
export type { RustPresetOptions, RustImages } from './rust/rust-preset.js';
export type { JavaProject, JavaBuildTool } from './java/detect-java.js';
export { javaPreset } from './java/java-preset.js';
export type { JavaPresetOptions, JavaImages } from './java/java-preset.js';
