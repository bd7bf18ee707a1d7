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
  const counts: Partial<Record<Instruction['kind'], number>> = {};
  const paths: InstructionPath[] = [];
  for (const i of stage.instructions) {
    const index = (counts[i.kind] ?? 0) + 1;
    counts[i.kind] = index;
    paths.push({ stage: stage.name, instruction: keywordOf[i.kind], index });
  }
  return paths;
}

/** The path of one instruction of a stage, by its index in `stage.instructions` (-1: the FROM), counted as `stagePaths()` counts. */
export function pathAt(stage: StageNode, position: number): InstructionPath {
  if (position < 0) return { stage: stage.name, instruction: 'FROM' };
  const node = stage.instructions[position] as Instruction;
  let index = 0;
  for (let k = 0; k <= position; k += 1) if ((stage.instructions[k] as Instruction).kind === node.kind) index += 1;
  return { stage: stage.name, instruction: keywordOf[node.kind], index };
}

/**
 * Calls `visit` for every instruction of a model in file order: each stage's FROM (`position`
 * -1), then its instructions (`position`: the index in `stage.instructions`), an ONBUILD's
 * trigger right after its ONBUILD (`onBuild` true, its ONBUILD's position). The walk itself,
 * allocating nothing: `instructionsWithPaths()` adds the paths, and code that needs none (the
 * syntax features, on every `dockerfile()`) visits with it directly.
 *
 * @example
 * ```ts
 * forEachInstruction(ast, (node) => kinds.push(node.kind));
 * ```
 */
export function forEachInstruction(model: Pick<DockerfileNode, 'stages'>, visit: (node: InstructionNode, stage: StageNode, stageIndex: number, position: number, onBuild: boolean) => void): void {
  const stages = model.stages;
  for (let s = 0; s < stages.length; s += 1) {
    const stage = stages[s] as StageNode;
    visit(stage.from, stage, s, -1, false);
    const instructions = stage.instructions;
    for (let k = 0; k < instructions.length; k += 1) {
      const node = instructions[k] as Instruction;
      visit(node, stage, s, k, false);
      if (node.kind === 'OnBuild') visit(node.instruction, stage, s, k, true);
    }
  }
}

/**
 * Every instruction of a model in file order, each with its stage and its path: each stage's
 * FROM, then its instructions, an ONBUILD's trigger right after its ONBUILD (`onBuild: true`).
 * The one walk of the model (`forEachInstruction()` with paths): image references, the placement
 * of policy findings and checks of the builder's output read it. Public as
 * `instructionsWithPaths()` of `validate/model-walks.ts`.
 *
 * @example
 * ```ts
 * instructionsWithPaths(ast).map((at) => at.path.instruction); // ['FROM', 'RUN', 'USER']
 * ```
 */
export function instructionsWithPaths(model: Pick<DockerfileNode, 'stages'>): InstructionAt[] {
  const found: InstructionAt[] = [];
  let paths: InstructionPath[] = [];
  let from: InstructionPath = { stage: '', instruction: 'FROM' };
  forEachInstruction(model, (node, stage, stageIndex, position, onBuild) => {
    if (position === -1) {
      paths = stagePaths(stage);
      from = { stage: stage.name, instruction: 'FROM' };
    }
    found.push({ node, stage, stageIndex, path: position === -1 ? from : (paths[position] as InstructionPath), onBuild });
  });
  return found;
}
