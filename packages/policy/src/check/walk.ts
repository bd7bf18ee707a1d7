import type { DockerfileNode, Instruction, IssuePath, StageNode } from '@dockwright/core';

/** An instruction with where it is, as the builder reports it: `stage "app", RUN #2`. */
export interface Located<I extends Instruction = Instruction> {
  readonly stage: StageNode;
  readonly node: I;
  readonly path: IssuePath;
}

/**
 * Every instruction of a stage with its path (the keyword and its 1-based index among the
 * stage's instructions of that keyword, as the builder counts them).
 *
 * @example
 * ```ts
 * for (const { node, path } of located(stage)) if (node.kind === 'Run') console.log(path.index);
 * ```
 */
export function located(stage: StageNode): Located[] {
  const counts = new Map<string, number>();
  return stage.instructions.map((node) => {
    const n = (counts.get(node.kind) ?? 0) + 1;
    counts.set(node.kind, n);
    return { stage, node, path: { stage: stage.name, instruction: keywordOf(node), index: n } };
  });
}

// The keyword as the builder names it in paths: every kind is its keyword in upper case.
function keywordOf(node: Instruction): string {
  return node.kind === 'Comment' || node.kind === 'Waiver' ? 'comment' : node.kind === 'Raw' ? 'raw' : node.kind.toUpperCase();
}

/** The final stage: the one `dockerfile()` was given, which the builder renders last. */
export function finalStage(ast: DockerfileNode): StageNode | undefined {
  return ast.stages.at(-1);
}

/**
 * The stages whose layers make up the final image: the final stage, the stage it is FROM, and so
 * on down to the one on an image; base first.
 *
 * @example
 * ```ts
 * imageStages(ast).map((s) => s.name); // ['base', 'app']
 * ```
 */
export function imageStages(ast: DockerfileNode): StageNode[] {
  const byName = new Map(ast.stages.map((s) => [s.name, s]));
  const chain: StageNode[] = [];
  for (let s = finalStage(ast); s !== undefined && !chain.includes(s); s = s.from.base.kind === 'StageRef' ? byName.get(s.from.base.name) : undefined) chain.unshift(s);
  return chain;
}
