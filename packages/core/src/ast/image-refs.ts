import type { DockerfileNode, StageNode } from './dockerfile.js';
import type { ImageRef } from './image.js';
import { pathAt, type InstructionPath } from './instructions-with-paths.js';
import type { Instruction, InstructionNode } from './instructions.js';
import type { Mount } from './mount.js';

/** Where an image is named: the base of a stage, a `COPY --from`, or a `RUN --mount ...,from=`. */
export type ImagePlace = 'FROM' | 'COPY --from' | 'RUN --mount';

/** Where one image reference stands. */
export interface ImageWhere {
  readonly place: ImagePlace;
  /** The path of its instruction, as the builder reports it (an ONBUILD trigger's is its ONBUILD's). */
  readonly path: InstructionPath;
  /** True inside an ONBUILD trigger (pulled when an image is built FROM this one). */
  readonly onBuild: boolean;
}

/** One image reference of a model, and where it stands. */
export interface ImageUse extends ImageWhere {
  readonly ref: ImageRef;
}

// A value the compiler proves cannot happen: a new instruction kind fails the build until the
// switch below has its case. At run time (a hand-made model) it names no image.
const noKind = (_node: never): void => undefined;

/**
 * Every image reference of a model, in file order, with its place and the path of its
 * instruction (ONBUILD triggers included): the one walk that locks, render's check of unresolved
 * locks, `dockwright build` and policy read. Public as `imageRefs()` of `validate/model-walks.ts`.
 *
 * @example
 * ```ts
 * imageRefs(ast).map((u) => u.place); // ['FROM', 'COPY --from']
 * ```
 */
export function imageRefs(model: Pick<DockerfileNode, 'stages'>): ImageUse[] {
  const found: ImageUse[] = [];
  // The same walk as mapImageRefs(), changing nothing, so the two cannot disagree on a place.
  mapImageRefs(model, (ref, where) => {
    found.push({ ref, ...where });
    return ref;
  });
  return found;
}

type MapFn = (ref: ImageRef, where: ImageWhere) => ImageRef;

/** Where the instruction being mapped stands; its path is counted only when it names an image. */
interface At {
  readonly stage: StageNode;
  readonly position: number;
}


function mapMounts(mounts: readonly Mount[], fn: MapFn, at: At, onBuild: boolean): readonly Mount[] {
  let changed = false;
  const mapped = mounts.map((m): Mount => {
    if (!('from' in m) || m.from?.kind !== 'ImageRef') return m;
    const ref = fn(m.from, { place: 'RUN --mount', path: pathAt(at.stage, at.position), onBuild });
    if (ref === m.from) return m;
    changed = true;
    return { ...m, from: ref };
  });
  return changed ? mapped : mounts;
}

/**
 * An instruction with the images it names replaced; the same object when none changes. The one
 * place that says which instruction kinds name images: the `switch` the compiler checks.
 */
function withImages<N extends InstructionNode>(node: N, fn: MapFn, at: At, onBuild: boolean): N;
function withImages(node: InstructionNode, fn: MapFn, at: At, onBuild: boolean): InstructionNode {
  switch (node.kind) {
    case 'From': {
      if (node.base.kind !== 'ImageRef') return node;
      const base = fn(node.base, { place: 'FROM', path: pathAt(at.stage, at.position), onBuild });
      return base === node.base ? node : { ...node, base };
    }
    case 'Copy': {
      if (node.from?.kind !== 'ImageRef') return node;
      const from = fn(node.from, { place: 'COPY --from', path: pathAt(at.stage, at.position), onBuild });
      return from === node.from ? node : { ...node, from };
    }
    case 'Run': {
      const mounts = node.mounts.length === 0 ? node.mounts : mapMounts(node.mounts, fn, at, onBuild);
      return mounts === node.mounts ? node : { ...node, mounts };
    }
    case 'OnBuild': {
      const instruction = withImages(node.instruction, fn, at, true);
      return instruction === node.instruction ? node : { ...node, instruction };
    }
    case 'Add':
    case 'Env':
    case 'Label':
    case 'Arg':
    case 'Workdir':
    case 'Expose':
    case 'Volume':
    case 'User':
    case 'Healthcheck':
    case 'Cmd':
    case 'Entrypoint':
    case 'Shell':
    case 'StopSignal':
    case 'Comment':
    case 'Waiver':
    case 'Raw':
      return node;
    default:
      noKind(node);
      return node;
  }
}

function mapStage(stage: StageNode, fn: MapFn): StageNode {
  const from = withImages(stage.from, fn, { stage, position: -1 }, false);
  // Copied on the first change only: most instructions name no image.
  let instructions: Instruction[] | undefined;
  for (let k = 0; k < stage.instructions.length; k += 1) {
    const node = stage.instructions[k] as Instruction;
    const mapped = withImages(node, fn, { stage, position: k }, false);
    if (mapped !== node && instructions === undefined) instructions = stage.instructions.slice(0, k);
    instructions?.push(mapped);
  }
  return from === stage.from && instructions === undefined ? stage : { ...stage, from, instructions: instructions ?? stage.instructions };
}

/**
 * A new model with each image reference replaced by `fn(ref, where)`, in `imageRefs()`'s places
 * and order; objects `fn` leaves unchanged are kept. How locking marks and fills in digests.
 * Public as `mapImageRefs()` of `validate/model-walks.ts`.
 *
 * @example
 * ```ts
 * mapImageRefs(ast, (ref) => ({ ...ref, locked: true }));
 * ```
 */
export function mapImageRefs<M extends Pick<DockerfileNode, 'stages'>>(model: M, fn: (ref: ImageRef, where: ImageWhere) => ImageRef): M {
  let changed = false;
  const stages = model.stages.map((stage) => {
    const mapped = mapStage(stage, fn);
    if (mapped !== stage) changed = true;
    return mapped;
  });
  return changed ? { ...model, stages } : model;
}
