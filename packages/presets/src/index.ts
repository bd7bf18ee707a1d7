// Detection on the disk, then everything of the browser-safe entry (browser.ts).
export { detectNode, detectGo, detectPython, detectRust } from './detect.js';
export { detectNodeFiles, detectGoFiles, nodePreset, packageManagers, dockerignore, baseIgnores, goPreset, staticPreset, detectPythonFiles, pythonPreset, detectRustFiles, rustPreset } from './browser.js';
export type {
  FileContents, NodeProject, NodePackageManager, WorkspacePackage, NodePresetOptions, NodeImages, PackageManagerPlan,
  Dockerignore, PresetResult, GoProject, GoPresetOptions, GoImages, StaticPresetOptions,
  PythonProject, PythonPackageManager, PythonPresetOptions, PythonImages,
  RustProject, RustPresetOptions, RustImages,
} from './browser.js';
