import type { FromInstruction, Instruction } from '../ast/instructions.js';
import type { DockwrightIssue } from '../errors/issue.js';
import type { StageImpl } from './stage.js';
import type { UserTool } from './users.js';
import type { Arg } from './variables.js';

/** The user a stage runs as, after its last USER (or its parent stage's). */
export interface EffectiveUser {
  /** As rendered after USER. */
  readonly spec: string;
  readonly root: boolean;
  /** What `chown: true` expands to. */
  readonly chown: string;
  /** Root was chosen on purpose with `allowRoot(reason)`. */
  readonly allowed: boolean;
}

/** Everything a stage builder knows; never mutated, each call makes a new one. */
export interface StageState {
  readonly name: string;
  readonly from: FromInstruction | undefined;
  readonly instructions: readonly Instruction[];
  readonly issues: readonly DockwrightIssue[];
  /** Stages this one reads (FROM, COPY --from, mounts), in the order they were referred to. */
  readonly deps: readonly StageImpl[];
  /** ARG handles used in FROM, declared globally by `dockerfile()`. */
  readonly globalArgs: readonly Arg[];
  /** ARG names declared in this stage with `.arg()`. */
  readonly args: readonly string[];
  readonly user: EffectiveUser | undefined;
  readonly hasWorkdir: boolean;
  /** False for stages on scratch, which have no /bin/sh. */
  readonly hasShell: boolean;
  readonly userTool: UserTool;
  /**
   * Which instruction the modifiers (pinDigest, withCleanup...) apply to; `invalid` after a call
   * whose arguments were refused, so its modifiers add no second, confusing problem.
   */
  readonly last: 'none' | 'from-image' | 'run' | 'other' | 'invalid';
  /** Recording instructions for ONBUILD: no FROM, no final-stage checks. */
  readonly recorder: boolean;
  /** The order `stage()` was called in: stages render in the order they were written, where dependencies allow. */
  readonly order: number;
}

// Only orders stages of one program relative to each other; the same program gives the same numbers.
let created = 0;

/** A fresh state for `stage(name)`. */
export function initialState(name: string, recorder = false): StageState {
  return {
    name,
    from: undefined,
    instructions: [],
    issues: [],
    deps: [],
    globalArgs: [],
    args: [],
    user: undefined,
    hasWorkdir: false,
    hasShell: true,
    userTool: 'shadow',
    last: 'none',
    recorder,
    order: (created += 1),
  };
}
