import { join } from 'node:path';
import { pythonImageFor } from '@dockwright/presets';
import type { DetectedProject } from './detect-projects.js';
import type { PlannedTarget } from './target-source.js';
import { tsString as str } from './ts-literal.js';

type Python = Extract<DetectedProject, { kind: 'python' }>;

/** How the app starts, as option lines, and a note when the files do not tell. */
function startLines(p: Python): { lines: string[]; note?: string } {
  const { project } = p;
  if (project.server !== undefined && project.apps.length === 1 && project.apps[0] !== undefined) {
    return { lines: [`  // ${project.server} is a dependency: it serves this application (module:attribute).`, `  app: ${str(project.apps[0])},`, '  port: 8000,'] };
  }
  if (project.server === undefined && project.modules.length === 1 && project.modules[0] !== undefined) {
    return { lines: ['  // What `python -m` runs; or script: a console script, or start: [...] the whole command.', `  module: ${str(project.modules[0])},`, '  // The port it listens on, if it serves.', '  // port: 8000,'] };
  }
  if (project.server === undefined && project.modules.length === 0 && project.scripts.length === 1 && project.scripts[0] !== undefined) {
    return { lines: ['  // The console script that starts it ([project.scripts]).', `  script: ${str(project.scripts[0])},`, '  // port: 8000,'] };
  }
  return {
    lines: ['  // The files do not say how it starts: set the command, as arguments (no shell).', "  start: ['python', '-m', 'app'],", '  // port: 8000,'],
    note: `could not tell how ${project.name} starts: check start in its target`,
  };
}

/**
 * The target module of a Python project: `pythonPreset` with the pinned interpreter image, the
 * package manager the files say, and how it starts.
 *
 * @example
 * ```ts
 * pythonTarget({ kind: 'python', dir: '/repo/api', project: detectPython('/repo/api') }).file; // '/repo/api/service.dockerfile.ts'
 * ```
 */
export function pythonTarget(p: Python): PlannedTarget {
  const { project } = p;
  const notes: string[] = [];
  const pinned = pythonImageFor(project.pythonVersion);
  const manager = project.packageManager;
  const lines = [
    `// ${project.name}: a Python app (${manager ?? 'package manager to choose'}), its venv copied into a slim runtime, running as 65532.`,
    '// `dockwright render` writes its Dockerfile beside this file, `dockwright build` builds the image.',
    "import { image } from '@dockwright/core';",
    "import { detectPython, pythonPreset } from '@dockwright/presets';",
    '',
    'export default pythonPreset(detectPython(import.meta.dirname), {',
    `  // The interpreter${project.pythonVersion === undefined ? '' : ` (the project asks for ${project.pythonVersion})`}: point it at your registry, pin its digest.`,
    `  images: { python: image(${str(pinned ?? `python:${project.pythonVersion ?? '3.12'}.0-slim-bookworm`)}) },`,
  ];
  if (pinned === undefined) notes.push(`the preset has no pinned image of Python ${project.pythonVersion ?? ''}: set the exact version in the target`);
  if (manager === undefined) {
    lines.push("  // The files do not say how dependencies are installed: 'pip', 'uv' or 'poetry'.", "  packageManager: 'pip',");
    notes.push(`could not tell how ${project.name} installs its dependencies: check packageManager in its target`);
  }
  const start = startLines(p);
  lines.push(...start.lines, '});', '');
  if (start.note !== undefined) notes.push(start.note);
  return { file: join(p.dir, 'service.dockerfile.ts'), kind: 'python', description: `Python app (${manager ?? 'pip?'})`, text: lines.join('\n'), dockerfiles: [join(p.dir, 'Dockerfile')], notes };
}
