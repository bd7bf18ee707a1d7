// Detection on the disk, then everything of the browser-safe entry (browser.ts).
export { detectNodeFiles, detectGoFiles, nodePreset, nodeImageFor, nodeReleases, bunImageFor, defaultBunVersion, packageManagers, dockerignore, baseIgnores, goPreset, goImageFor, goReleases, staticPreset, detectPythonFiles, pythonPreset, pythonImageFor, pythonReleases, detectRustFiles, rustPreset, rustImageFor, detectJavaFiles, javaPreset } from './browser.js';
export { detectNode, detectGo, detectPython, detectRust, detectJava } from './detect.js';
export { inProjectSnapshot } from './in-project-snapshot.js';
export type {
  NodeImageChoice, NodeRelease, FileContents, NodeProject, NodePackageManager, WorkspacePackage, NodePresetOptions, NodeImages, PackageManagerPlan,
  Dockerignore, PresetResult, GoProject, GoPresetOptions, GoImages, StaticPresetOptions,
  PythonProject, PythonPackageManager, PythonPresetOptions, PythonImages,
  RustProject, RustPresetOptions, RustImages,
  JavaProject, JavaBuildTool, JavaPresetOptions, JavaImages,
} from './browser.js';
