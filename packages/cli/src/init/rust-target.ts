import { join } from 'node:path';
import { rustImageFor } from '@dockwright/presets';
import type { DetectedProject } from './detect-projects.js';
import type { PlannedTarget } from './target-source.js';
import { tsString as str } from './ts-literal.js';

type Rust = Extract<DetectedProject, { kind: 'rust' }>;

/**
 * The target modules of a Rust crate: `rustPreset` with the pinned toolchain, one per binary
 * (several write `Dockerfile.<bin>` each), static glibc into scratch.
 *
 * @example
 * ```ts
 * rustTargets({ kind: 'rust', dir: '/repo/api', project: detectRust('/repo/api') }).map((t) => t.file);
 * ```
 */
export function rustTargets(p: Rust): PlannedTarget[] {
  const { project } = p;
  const one = project.binaries.length === 1;
  return project.binaries.map((bin) => {
    const options = [
      '  // The toolchain: point it at your registry, pin its digest.',
      `  images: { rust: image(${str(rustImageFor(project.rustVersion))}) },`,
      '  // The binary to build.',
      `  bin: ${str(bin)},`,
      "  // 'static': glibc linked in, on scratch; 'dynamic': on a slim Debian (images.runtime).",
      "  linkage: 'static',",
      '  // The port it listens on, if it serves.',
      '  // port: 8080,',
    ];
    const body = one
      ? ['export default rustPreset(detectRust(import.meta.dirname), {', ...options, '});']
      : ['export default [', '  {', `    path: ${str(`Dockerfile.${bin}`)},`, '    ...rustPreset(detectRust(import.meta.dirname), {', ...options.map((l) => `    ${l}`), '    }),', '  },', '];'];
    const text = [
      `// ${bin}: a binary of the crate ${project.name}, linked statically into scratch, running as 65532.`,
      '// `dockwright render` writes its Dockerfile beside this file, `dockwright build` builds the image.',
      "import { image } from '@dockwright/core';",
      "import { detectRust, rustPreset } from '@dockwright/presets';",
      '',
      ...body,
      '',
    ].join('\n');
    const file = join(p.dir, one ? 'service.dockerfile.ts' : `${bin}.dockerfile.ts`);
    return { file, kind: 'rust', description: `Rust crate ${project.name}, binary ${bin}`, text, dockerfiles: [join(p.dir, one ? 'Dockerfile' : `Dockerfile.${bin}`)], notes: [] };
  });
}
