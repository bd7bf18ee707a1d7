import type { DockerfileNode, StageNode } from '../ast/dockerfile.js';
import type { ImageRef } from '../ast/image.js';
import type { Instruction } from '../ast/instructions.js';
import type { Mount } from '../ast/mount.js';
import type { IssuePath } from '../errors/issue.js';

/** Where an image is named: the base of a stage, a `COPY --from`, or a `RUN --mount ...,from=`. */
export type ImagePlace = 'FROM' | 'COPY --from' | 'RUN --mount';

/** One image reference of an AST, and where it stands. */
export interface ImageUse {
  readonly ref: ImageRef;
  readonly place: ImagePlace;
  /** As the builder reports it: the stage, the keyword, and its 1-based index among that keyword. */
  readonly path: IssuePath & { readonly stage: string; readonly instruction: string };
  /** True inside an ONBUILD trigger (pulled when an image is built FROM this one). */
  readonly onBuild: boolean;
}

const mountImages = (mounts: readonly Mount[]): ImageRef[] => mounts.flatMap((m) => ('from' in m && m.from?.kind === 'ImageRef' ? [m.from] : []));

function instructionImages(i: Instruction): { ref: ImageRef; place: ImagePlace }[] {
  if (i.kind === 'Copy') return i.from?.kind === 'ImageRef' ? [{ ref: i.from, place: 'COPY --from' }] : [];
  if (i.kind === 'Run') return mountImages(i.mounts).map((ref) => ({ ref, place: 'RUN --mount' }));
  if (i.kind === 'OnBuild') return instructionImages(i.instruction);
  return [];
}

const KEYWORD: Partial<Record<Instruction['kind'], string>> = { Copy: 'COPY', Run: 'RUN', OnBuild: 'ONBUILD' };

/**
 * Every image reference of a Dockerfile AST, in file order: each FROM on an image, each
 * `COPY --from` an image and each `RUN --mount` from an image, ONBUILD triggers included. This is
 * the one walk that the builder (locks), lint's model of the builder's output and policy read, so
 * an image cannot stand anywhere the checks do not look.
 *
 * @example
 * ```ts
 * imageRefs(dockerfile(app).ast).map((u) => `${u.place} ${u.ref.name}`); // ['FROM node', 'COPY --from busybox']
 * ```
 */
export function imageRefs(ast: Pick<DockerfileNode, 'stages'>): ImageUse[] {
  return ast.stages.flatMap((stage) => stageImageRefs(stage));
}

/** The image references of one stage, as `imageRefs()` lists them. */
export function stageImageRefs(stage: StageNode): ImageUse[] {
  const found: ImageUse[] = [];
  if (stage.from.base.kind === 'ImageRef') found.push({ ref: stage.from.base, place: 'FROM', path: { stage: stage.name, instruction: 'FROM' }, onBuild: false });
  const counts = new Map<string, number>();
  for (const i of stage.instructions) {
    const n = (counts.get(i.kind) ?? 0) + 1;
    counts.set(i.kind, n);
    const keyword = KEYWORD[i.kind];
    if (keyword === undefined) continue;
    for (const { ref, place } of instructionImages(i)) found.push({ ref, place, path: { stage: stage.name, instruction: keyword, index: n }, onBuild: i.kind === 'OnBuild' });
  }
  return found;
}

function mapInstruction(i: Instruction, fn: (ref: ImageRef, place: ImagePlace) => ImageRef): Instruction {
  if (i.kind === 'Copy' && i.from?.kind === 'ImageRef') return { ...i, from: fn(i.from, 'COPY --from') };
  if (i.kind === 'Run' && i.mounts.length > 0) {
    return { ...i, mounts: i.mounts.map((m) => ('from' in m && m.from?.kind === 'ImageRef' ? ({ ...m, from: fn(m.from, 'RUN --mount') } as Mount) : m)) };
  }
  if (i.kind === 'OnBuild') return { ...i, instruction: mapInstruction(i.instruction, fn) as typeof i.instruction };
  return i;
}

/**
 * A stage with each of its image references replaced by `fn(ref)`, the places `imageRefs()`
 * lists: how locking marks and fills in digests.
 *
 * @example
 * ```ts
 * mapImageRefs(stage, (ref) => ({ ...ref, locked: true }));
 * ```
 */
export function mapImageRefs(stage: StageNode, fn: (ref: ImageRef, place: ImagePlace) => ImageRef): StageNode {
  return {
    ...stage,
    from: stage.from.base.kind === 'ImageRef' ? { ...stage.from, base: fn(stage.from.base, 'FROM') } : stage.from,
    instructions: stage.instructions.map((i) => mapInstruction(i, fn)),
  };
}
