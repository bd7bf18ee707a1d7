import type { DockerfileNode, StageNode } from './dockerfile.js';
import { keywordOf, type Instruction, type InstructionNode } from './instructions.js';

/**
 * Where an instruction is, as the builder, lint's placement of policy findings and every issue
 * name it: the stage, the keyword, and the instruction's 1-based index among the stage's
 * instructions of that kind (`stage "app", RUN #2`). A FROM has no index.
 */
export interface InstructionPath {
  readonly stage: string;
  readonly instruction: string;
  readonly index?: number;
}

/** One instruction of a model, with its stage and its path. */
export interface InstructionAt {
  /** A stage's FROM, one of its instructions, or the trigger of one of its ONBUILDs. */
  readonly node: InstructionNode;
  readonly stage: StageNode;
  /** The stage's 0-based index in `model.stages`. */
  readonly stageIndex: number;
  /** A trigger has the path of its ONBUILD. */
  readonly path: InstructionPath;
  /** True for the trigger of an ONBUILD (it runs in a build FROM this image, not in this one). */
  readonly onBuild: boolean;
}

/**
 * The path of each of a stage's instructions, index for index: the one counting of
 * `instructionsWithPaths()` and `mapImageRefs()`.
 */
export function stagePaths(stage: StageNode): InstructionPath[] {
  const counts = new Map<Instruction['kind'], number>();
  return stage.instructions.map((i) => {
    const index = (counts.get(i.kind) ?? 0) + 1;
    counts.set(i.kind, index);
    return { stage: stage.name, instruction: keywordOf[i.kind], index };
  });
}

/**
 * Every instruction of a model in file order, each with its stage and its path: each stage's
 * FROM, then its instructions, an ONBUILD's trigger right after its ONBUILD (`onBuild: true`).
 * The one walk of the model: image references, syntax features, the placement of policy
 * findings and checks of the builder's output read it. Public as `instructionsWithPaths()` of
 * `validate/model-walks.ts`.
 *
 * @example
 * ```ts
 * instructionsWithPaths(ast).map((at) => at.path.instruction); // ['FROM', 'RUN', 'USER']
 * ```
 */
export function instructionsWithPaths(model: Pick<DockerfileNode, 'stages'>): InstructionAt[] {
  const found: InstructionAt[] = [];
  model.stages.forEach((stage, stageIndex) => {
    found.push({ node: stage.from, stage, stageIndex, path: { stage: stage.name, instruction: 'FROM' }, onBuild: false });
    const paths = stagePaths(stage);
    stage.instructions.forEach((node, k) => {
      const path = paths[k] as InstructionPath;
      found.push({ node, stage, stageIndex, path, onBuild: false });
      if (node.kind === 'OnBuild') found.push({ node: node.instruction, stage, stageIndex, path, onBuild: true });
    });
  });
  return found;
}
