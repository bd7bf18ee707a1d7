import type { Stage } from '../builder/stage-types.js';
import type { Code } from './code.js';

/** A stage whichever user it runs as: what the importer builds on. */
export type AnyStage = Stage<boolean>;

/** One builder call of the generated module: its text (`.run('make')`), and the same call made on a stage. */
export interface BuilderCall {
  /** The call as TypeScript, starting with `.`. */
  readonly code: string;
  /** Makes the call on `stage`. */
  apply(stage: AnyStage): AnyStage;
  /** True for the escape hatch, `raw(line, 'imported as is')`. */
  readonly raw: boolean;
  /** Where the module's Dockerfile will not be the input line for line, and why. */
  readonly note?: string;
}

/**
 * A builder call from its text and the typed call that it writes; the compiler checks `apply`
 * against the `Stage` interface.
 *
 * @example
 * ```ts
 * const path = literal('/app');
 * builderCall(`.workdir(${path.code})`, (s) => s.workdir(path.value));
 * ```
 */
export function builderCall(code: string, apply: (stage: AnyStage) => AnyStage, note?: string): BuilderCall {
  return { code, apply, raw: false, ...(note === undefined ? {} : { note }) };
}

/**
 * The arguments of a call as TypeScript: trailing absent ones left out.
 *
 * @example
 * ```ts
 * argumentsCode(literal('a'), undefined); // "'a'"
 * ```
 */
export function argumentsCode(...args: readonly (Code<unknown> | undefined)[]): string {
  const given = [...args];
  while (given.length > 0 && given[given.length - 1] === undefined) given.pop();
  return given.map((a) => a?.code ?? 'undefined').join(', ');
}

/**
 * A variable of the generated module that holds a stage. Stages are built one after another, so
 * a later stage reads the value of an earlier one once it is built (`COPY --from`, mounts).
 *
 * @example
 * ```ts
 * const build = new StageVariable('build');
 * build.built; // false until set()
 * ```
 */
export class StageVariable implements Code<AnyStage | undefined> {
  #stage: AnyStage | undefined;

  constructor(readonly code: string) {}

  /** The stage as built so far in this attempt, `undefined` before it is. */
  get value(): AnyStage | undefined {
    return this.#stage;
  }

  /** Records the built stage (or clears it, for a new attempt). */
  set(stage: AnyStage | undefined): void {
    this.#stage = stage;
  }
}
