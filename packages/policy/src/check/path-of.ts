import { instructionsWithPaths, type DockerfileNode, type InstructionAt, type IssuePath, type RuleFinding } from '@dockwright/core';

// Render writes each instruction as one line group, in order, and comments as comments: so the
// n-th instruction lint reads in a stage is the n-th written one of the model's stage.
const written = (at: InstructionAt) => !at.onBuild && at.node.kind !== 'From' && at.node.kind !== 'Comment' && at.node.kind !== 'Waiver';

/**
 * Where a finding on the rendered text is in the model, as the builder reports it: the stage,
 * the instruction's keyword and its 1-based index among the stage's instructions of that kind
 * (`stage "app", RUN #2`, the path `instructionsWithPaths()` gives); `{ stage }` for a finding
 * about the whole stage, `# syntax` for the frontend.
 *
 * @example
 * ```ts
 * pathOf(ast, finding); // { stage: 'app', instruction: 'RUN', index: 2 }
 * ```
 */
export function pathOf(ast: DockerfileNode, found: RuleFinding): IssuePath {
  if (found.directive === true) return { instruction: '# syntax' };
  const stage = found.stage === undefined ? undefined : ast.stages[found.stage];
  if (stage === undefined) return {};
  if (found.scope === 'stage') return { stage: stage.name };
  const own = instructionsWithPaths({ stages: [stage] });
  if (found.instruction === undefined) return (own[0] as InstructionAt).path;
  return own.filter(written)[found.instruction]?.path ?? { stage: stage.name };
}
