import { basename, join } from 'node:path';
import { displayPath } from '../files/display-path.js';
import type { DetectedProject } from './detect-projects.js';
import { bunImageFor, goImageFor, nodeImageFor } from '@dockwright/presets';
import { tsString } from './ts-literal.js';
import { pythonTarget } from './python-target.js';
import { rustTargets } from './rust-target.js';

/** A target module `init` writes: where, its text, and a line saying what it builds. */
export interface PlannedTarget {
  /** Absolute. */
  readonly file: string;
  readonly kind: DetectedProject['kind'];
  /** What was found, for the user: `Node service (pnpm workspace, built from ../..)`. */
  readonly description: string;
  readonly text: string;
  /** The Dockerfiles `render` will write for it, absolute. */
  readonly dockerfiles: readonly string[];
  /** What the user should look at before building (a start command that could not be read). */
  readonly notes: readonly string[];
}

const str = tsString;

const list = (items: readonly string[]) => `[${items.map(str).join(', ')}]`;

const MANAGERS: Readonly<Record<string, string>> = { npm: 'npm', pnpm: 'pnpm', yarn: 'yarn (classic)', 'yarn-berry': 'yarn (berry)', bun: 'bun' };

/**
 * The Node image to name: the preset's pinned version of the major the project asks for (one
 * table, nodeReleases); a major the table does not have is named as asked, with a note to pin it.
 */
function nodeImage(major: string | undefined): { ref: string; exact: boolean } {
  const choice = nodeImageFor(major);
  if ('tag' in choice) return { ref: choice.tag, exact: true };
  return { ref: `node:${major ?? '24'}-bookworm-slim`, exact: false };
}

/** A bun project's image: the exact version package.json names, or the preset's pinned default with a note. */
function bunImage(version: string | undefined, notes: string[]): string {
  const choice = bunImageFor(version);
  if ('tag' in choice) return choice.tag;
  notes.push(`${choice.problem} in package.json's "packageManager": the target names the default bun image; set images.bun to the version you use`);
  return (bunImageFor(undefined) as { tag: string }).tag;
}

function nodeTarget(p: Extract<DetectedProject, { kind: 'node' }>, root: string): PlannedTarget {
  const { project } = p;
  const ws = project.workspace;
  const manager = MANAGERS[project.packageManager] ?? project.packageManager;
  const description = ws === undefined ? `Node app (${manager})` : `Node service of a ${manager} workspace, built from its root ${ws.root}`;
  const image = nodeImage(project.nodeVersion);
  const notes: string[] = [];
  const lines: string[] = [
    `// ${project.name}: a ${description}`,
    '// `dockwright render` writes its Dockerfile beside this file, `dockwright build` builds the image.',
    '// The preset reads the rest from package.json and the lockfile; every option below can be changed.',
    "import { image } from '@dockwright/core';",
    "import { detectNode, nodePreset } from '@dockwright/presets';",
    '',
    'export default nodePreset(detectNode(import.meta.dirname), {',
    `  // The base image: point it at your registry, and pin it with .pinDigest('sha256:...') or .locked() and \`dockwright lock\`.`,
    project.packageManager === 'bun' ? `  images: { bun: image(${str(bunImage(project.packageManagerVersion, notes))}) },` : `  images: { node: image(${str(image.ref)}) },`,
  ];
  if (!image.exact && project.packageManager !== 'bun') lines.push(`  // Node ${project.nodeVersion ?? ''} is what package.json asks for: name an exact version, such as ${project.nodeVersion ?? ''}.x.y.`);
  const tool = project.packageManager;
  if (tool === 'pnpm' || tool === 'yarn') {
    lines.push(`  // How ${tool} gets into the image: 'npm' installs it with npm install -g, 'corepack' enables it, 'preinstalled' uses the image's own.`);
    lines.push("  packageManagerSetup: 'npm',");
    if (project.packageManagerVersion === undefined) {
      lines.push(`  // The exact ${tool} version to install: set it here, or "packageManager": "${tool}@<version>" in package.json.`);
      lines.push(`  // packageManagerVersion: '<version>',`);
      notes.push(`no ${tool} version in package.json's "packageManager": set packageManagerVersion in ${displayPath(root, join(p.dir, 'service.dockerfile.ts'))}`);
    }
  }
  if (project.hasBuildScript) {
    lines.push('  // The package.json script that builds the app (false for none), and the directories it writes.');
    lines.push("  build: 'build',", "  outputs: ['dist'],");
  }
  if (project.start !== undefined) {
    lines.push('  // The command that starts the app, as arguments (no shell).', `  start: ${list(project.start)},`);
  } else {
    lines.push(`  // The start script ${JSON.stringify(p.startScript ?? '')} is not a plain \`node <file>\`: say what starts the app.`, "  start: ['node', 'dist/server.js'],");
    notes.push(`could not read how ${project.name} starts (${JSON.stringify(p.startScript ?? '')}): check start in its target`);
  }
  lines.push(
    '  // The port the app listens on, and an HTTP health check against it.',
    '  port: 3000,',
    "  // healthcheck: { path: '/health' },",
    '  // The user the app runs as: a numeric uid and gid, never root.',
    '  user: { uid: 1000, gid: 1000 },',
    '  // A private registry: the build secret `npmrc` is mounted at /root/.npmrc while installing',
    '  // (`dockwright build --secret id=npmrc,src=$HOME/.npmrc`).',
    '  npmrcSecret: true,',
    '});',
    '',
  );
  const file = join(p.dir, 'service.dockerfile.ts');
  return { file, kind: 'node', description, text: lines.join('\n'), dockerfiles: [join(p.dir, 'Dockerfile')], notes };
}

function goOptions(p: Extract<DetectedProject, { kind: 'go' }>, command: string, indent: string): string[] {
  return [
    `${indent}// The main package to build.`,
    `${indent}command: ${str(command)},`,
    `${indent}// The Go toolchain (go.mod asks for ${p.project.goVersion}${goImageFor(p.project.goVersion) === undefined ? ', which the preset has no pinned patch of: set the exact one' : ''}): point it at your registry, pin its digest.`,
    `${indent}images: { golang: image(${str(goImageFor(p.project.goVersion) ?? `golang:${p.project.goVersion}.0-bookworm`)}) },`,
    `${indent}// 'scratch': the binary, CA certificates and the user 65532 alone; or 'distroless' with images.runtime.`,
    `${indent}runtime: 'scratch',`,
    `${indent}// The time zone database, for time.LoadLocation.`,
    `${indent}tzdata: false,`,
    `${indent}// The port it listens on, if it serves.`,
    `${indent}// port: 8080,`,
  ];
}

function goTargets(p: Extract<DetectedProject, { kind: 'go' }>): PlannedTarget[] {
  const { project } = p;
  const head = (what: string) => [
    `// ${what}: a Go command of ${project.module}, cross-compiled on the build platform into scratch.`,
    '// `dockwright render` writes its Dockerfile beside this file, `dockwright build` builds the image.',
    "import { image } from '@dockwright/core';",
    "import { detectGo, goPreset } from '@dockwright/presets';",
    '',
  ];
  if (project.commands.length === 1) {
    const command = project.commands[0] ?? '.';
    const text = [...head(command === '.' ? basename(project.module) : command), 'export default goPreset(detectGo(import.meta.dirname), {', ...goOptions(p, command, '  '), '});', ''].join('\n');
    return [{ file: join(p.dir, 'service.dockerfile.ts'), kind: 'go', description: `Go module ${project.module}, command ${command}`, text, dockerfiles: [join(p.dir, 'Dockerfile')], notes: [] }];
  }
  // Several commands: one target each, beside go.mod (their build context), each writing Dockerfile.<name>.
  return project.commands.map((command) => {
    const name = command === '.' ? basename(project.module) : (command.split('/').pop() ?? 'app');
    const text = [
      ...head(command),
      'export default [',
      '  {',
      `    path: ${str(`Dockerfile.${name}`)},`,
      '    ...goPreset(detectGo(import.meta.dirname), {',
      ...goOptions(p, command, '      '),
      '    }),',
      '  },',
      '];',
      '',
    ].join('\n');
    return { file: join(p.dir, `${name}.dockerfile.ts`), kind: 'go', description: `Go module ${project.module}, command ${command}`, text, dockerfiles: [join(p.dir, `Dockerfile.${name}`)], notes: [] };
  });
}

function javaTarget(p: Extract<DetectedProject, { kind: 'java' }>, root: string): PlannedTarget {
  const { project } = p;
  const tool = project.buildTool === undefined ? 'Maven and Gradle' : project.buildTool === 'maven' ? 'Maven' : 'Gradle';
  const text = [
    `// ${project.name}: a Java app built with ${tool}${project.springBoot ? ' (Spring Boot, layered)' : ''}, running as the user 65532.`,
    '// `dockwright render` writes its Dockerfile beside this file, `dockwright build` builds the image.',
    "import { detectJava, javaPreset } from '@dockwright/presets';",
    '',
    'export default javaPreset(detectJava(import.meta.dirname), {',
    ...(project.buildTool === undefined ? ["  // pom.xml and a Gradle build are both here: the one to build with.", "  buildTool: 'maven',"] : []),
    `  // The Java release (the build says ${project.javaVersion ?? 'nothing'}): picks the pinned JDK and runtime images.`,
    `  javaVersion: ${str(project.javaVersion ?? '21')},`,
    ...(project.springBoot || project.mainClass !== undefined ? [] : ["  // No main class in the build: the class java starts.", "  mainClass: 'com.example.Main',"]),
    `  // ${project.springBoot ? "'jre' (a pinned JRE image); 'jlink' needs modules: [...]" : "'jlink' (the modules jdeps finds, on a slim Debian) or 'jre'"}.`,
    `  runtime: ${str(project.springBoot ? 'jre' : 'jlink')},`,
    '  // The port it listens on, if it serves.',
    `  ${project.springBoot ? '' : '// '}port: 8080,`,
    '});',
    '',
  ].join('\n');
  const notes = project.springBoot || project.mainClass !== undefined ? [] : [`no main class in the build: set mainClass in ${displayPath(root, join(p.dir, 'service.dockerfile.ts'))}`];
  return { file: join(p.dir, 'service.dockerfile.ts'), kind: 'java', description: `Java app ${project.name} (${tool}${project.springBoot ? ', Spring Boot' : ''})`, text, dockerfiles: [join(p.dir, 'Dockerfile')], notes };
}

function staticTargets(p: Extract<DetectedProject, { kind: 'static' }>): PlannedTarget[] {
  const one = p.binaries.length === 1;
  return p.binaries.map((binary) => {
    const name = basename(binary);
    const options = [
      `  // The binary, relative to the build context (this directory).`,
      `  binary: ${str(binary)},`,
      "  // An image with a shell, CA certificates and tzdata, to assemble the root filesystem in.",
      "  images: { rootfs: image('debian:12.8-slim') },",
      '  caCertificates: true,',
      '  tzdata: false,',
      '  // The port it listens on, if it serves.',
      '  // port: 8080,',
    ];
    const body = one
      ? ['export default staticPreset({', ...options, '});']
      : ['export default [', '  {', `    path: ${str(`Dockerfile.${name}`)},`, '    ...staticPreset({', ...options.map((l) => `    ${l}`), '    }),', '  },', '];'];
    const text = [
      `// ${name}: a static binary in scratch, running as the user 65532.`,
      '// `dockwright render` writes its Dockerfile beside this file, `dockwright build` builds the image.',
      "import { image } from '@dockwright/core';",
      "import { staticPreset } from '@dockwright/presets';",
      '',
      ...body,
      '',
    ].join('\n');
    const file = join(p.dir, one ? 'service.dockerfile.ts' : `${name}.dockerfile.ts`);
    return { file, kind: 'static', description: `static binary ${binary}`, text, dockerfiles: [join(p.dir, one ? 'Dockerfile' : `Dockerfile.${name}`)], notes: [] };
  });
}

/**
 * The target modules for the projects found: one per Node service and per static binary, one
 * per main package of a Go module, each calling its preset with the options a user changes
 * (base image, start command, port, user, secrets) written out, so the file is the place to
 * change them.
 *
 * @example
 * ```ts
 * plannedTargets(detectProjects('/repo').projects, '/repo').map((t) => t.file);
 * // ['/repo/services/api/service.dockerfile.ts', '/repo/services/worker/service.dockerfile.ts']
 * ```
 */
export function plannedTargets(projects: readonly DetectedProject[], root: string): PlannedTarget[] {
  return projects.flatMap((p) => {
    if (p.kind === 'python') return [pythonTarget(p)];
    if (p.kind === 'rust') return rustTargets(p);
    if (p.kind === 'java') return [javaTarget(p, root)];
    return p.kind === 'node' ? [nodeTarget(p, root)] : p.kind === 'go' ? goTargets(p) : staticTargets(p);
  });
}
