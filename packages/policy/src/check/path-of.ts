import { keywordOf, type DockerfileNode, type IssuePath, type RuleFinding } from '@dockwright/core';

/**
 * Where a finding on the rendered text is in the model, as the builder reports it: the stage,
 * the instruction's keyword and its 1-based index among the stage's instructions of that kind
 * (`stage "app", RUN #2`); `{ stage }` for a finding about the whole stage, `# syntax` for the
 * frontend. Render writes each stage's instructions in order, one each, comments as comments.
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
  if (found.instruction === undefined) return { stage: stage.name, instruction: 'FROM' };
  const written = stage.instructions.filter((i) => i.kind !== 'Comment' && i.kind !== 'Waiver');
  const node = written[found.instruction];
  if (node === undefined) return { stage: stage.name };
  const index = stage.instructions.filter((i) => i.kind === node.kind).indexOf(node) + 1;
  return { stage: stage.name, instruction: keywordOf[node.kind], index };
}
