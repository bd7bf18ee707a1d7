import { DockwrightError, isDockwrightError, type DockwrightIssue, type Stage } from '@dockwright/core';

/** An instruction a preset wrote for one of its options, and the hint that names the option. */
export interface OptionHint {
  readonly stage: string;
  /** The keyword as issues name it (`EXPOSE`). */
  readonly instruction: string;
  /** Its 1-based index among the stage's instructions of that keyword, as issues count them. */
  readonly index: number;
  /** The option, as the user would write it (`port: 3000 (a number from 1 to 65535)`). */
  readonly option: string;
}

/**
 * The hint for the next instruction of `keyword` a preset adds to `stage`, for the option behind
 * it: call before adding it, so the index is the one the builder's issues will carry.
 *
 * @example
 * ```ts
 * hints.push(hintFor(runtime, 'EXPOSE', 'port: 3000'));
 * ```
 */
export function hintFor(stage: Stage<boolean>, instruction: string, option: string): OptionHint {
  const ast = stage.toAst();
  const index = ast.instructions.filter((i) => i.kind.toUpperCase() === instruction).length + 1;
  return Object.freeze({ stage: ast.name, instruction, index, option });
}

/**
 * Runs what renders a preset's Dockerfile; when the builder refuses a value that came from a
 * preset option, the issue's hint names that option (`pass port: 3000 to nodePreset()`), not the
 * builder call the preset made for it, which the user never wrote. Issues of instructions the
 * user did write (an organisation's `runtimeSteps`) keep the builder's hints. Codes, messages and
 * locations stay the builder's.
 *
 * @example
 * ```ts
 * const file = withOptionHints('nodePreset()', hints, () => dockerfile(final));
 * ```
 */
export function withOptionHints<T>(preset: string, hints: readonly OptionHint[], build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (!isDockwrightError(error)) throw error;
    const mapped = error.issues.map((i): DockwrightIssue => {
      const hint = hints.find((h) => h.stage === i.path.stage && h.instruction === i.path.instruction && h.index === (i.path.index ?? 1));
      return hint === undefined ? i : Object.freeze({ ...i, hint: `pass ${hint.option} to ${preset}` });
    });
    if (mapped.every((m, n) => m === error.issues[n])) throw error;
    throw new DockwrightError(mapped as [DockwrightIssue, ...DockwrightIssue[]], { summary: error.message.split('\n')[0] ?? preset, cause: error });
  }
}
