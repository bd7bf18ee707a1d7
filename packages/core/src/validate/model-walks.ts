// The public doors of the model's one traversal (ast/instructions-with-paths.ts,
// ast/image-refs.ts): the same walk, after a run-time check of what a JavaScript caller passed,
// so a wrong argument is DW9005 naming it, not a TypeError from inside the walk. Core's own
// layers call the ast functions directly with models they built.
import type { DockerfileNode } from '../ast/dockerfile.js';
import type { ImageRef } from '../ast/image.js';
import { imageRefs as walkImageRefs, mapImageRefs as walkMapImageRefs, type ImageUse, type ImageWhere } from '../ast/image-refs.js';
import { instructionsWithPaths as walkInstructions, type InstructionAt } from '../ast/instructions-with-paths.js';
import { checkArgument, isRecord, spec, throwIfAny, type ArgSpec } from './arguments.js';

const isStage = (s: unknown) => isRecord(s) && s['kind'] === 'Stage' && typeof s['name'] === 'string' && isRecord(s['from']) && Array.isArray(s['instructions']);

/** A Dockerfile model, or any object with its stages (`{ stages }`). */
const model: ArgSpec = {
  what: 'a Dockerfile AST from dockerfile(stage).ast',
  test: (v) => isRecord(v) && Array.isArray(v['stages']) && v['stages'].every(isStage),
};
const HINT = 'pass dockerfile(stage).ast, or an AST of that shape';

/**
 * Every instruction of a Dockerfile AST in file order, each with its stage and its path as the
 * builder and policy report it (`{ stage, instruction, index }`, the index 1-based among the
 * stage's instructions of that kind; a FROM has none): each stage's FROM, then its instructions,
 * an ONBUILD's trigger right after its ONBUILD (`onBuild: true`, the ONBUILD's path).
 *
 * @example
 * ```ts
 * import { dockerfile, instructionsWithPaths, stage } from '@dockwright/core';
 * const app = stage('app').from('debian:12.8-slim').run('true').run('false').user(10001);
 * instructionsWithPaths(dockerfile(app).ast).map((at) => `${at.path.instruction} ${at.path.index ?? ''}`);
 * // ['FROM ', 'RUN 1', 'RUN 2', 'USER 1']
 * ```
 */
export function instructionsWithPaths(ast: Pick<DockerfileNode, 'stages'>): InstructionAt[] {
  throwIfAny([checkArgument('instructionsWithPaths()', 'the AST', ast, model, {}, HINT)]);
  return walkInstructions(ast);
}

/**
 * Every image reference of a Dockerfile AST, in file order: each FROM on an image, each
 * `COPY --from` an image and each `RUN --mount` from an image, ONBUILD triggers included, with
 * its place (`'FROM'`, `'COPY --from'`, `'RUN --mount'`) and the path of its instruction.
 *
 * @example
 * ```ts
 * import { dockerfile, image, imageRefs, stage } from '@dockwright/core';
 * const app = stage('app').from('node:22.11-bookworm-slim').copy(image('busybox:1.37'), '/bin/busybox', '/bin/busybox').user('node');
 * imageRefs(dockerfile(app).ast).map((u) => `${u.place} ${u.ref.name}`); // ['FROM node', 'COPY --from busybox']
 * ```
 */
export function imageRefs(ast: Pick<DockerfileNode, 'stages'>): ImageUse[] {
  throwIfAny([checkArgument('imageRefs()', 'the AST', ast, model, {}, HINT)]);
  return walkImageRefs(ast);
}

/**
 * A new AST with each image reference replaced by `fn(ref, where)`, at the places `imageRefs()`
 * lists and in its order (`where` is the place, the path and whether it is in an ONBUILD
 * trigger). The AST given is not changed; what `fn` returns unchanged keeps its object.
 *
 * @example
 * ```ts
 * import { dockerfile, mapImageRefs, stage } from '@dockwright/core';
 * const ast = dockerfile(stage('app').from('node:22.11-bookworm-slim').user('node')).ast;
 * mapImageRefs(ast, (ref) => ({ ...ref, name: `mirror.example.com/${ref.name}` })).stages[0]?.from.base;
 * // { kind: 'ImageRef', name: 'mirror.example.com/node', tag: '22.11-bookworm-slim' }
 * ```
 */
export function mapImageRefs<M extends Pick<DockerfileNode, 'stages'>>(ast: M, fn: (ref: ImageRef, where: ImageWhere) => ImageRef): M {
  throwIfAny([checkArgument('mapImageRefs()', 'the AST', ast, model, {}, HINT), checkArgument('mapImageRefs()', 'the function', fn, spec.function, {}, 'pass (ref, where) => ref')]);
  return walkMapImageRefs(ast, fn);
}
