import type { ArgInstruction, FromInstruction, Instruction } from './instructions.js';

/** One build stage: its name, its FROM and its instructions, in order. */
export interface StageNode {
  readonly kind: 'Stage';
  readonly name: string;
  readonly from: FromInstruction;
  readonly instructions: readonly Instruction[];
}

/** A whole Dockerfile: directives, a header comment, global ARGs and stages in dependency order. */
export interface DockerfileNode {
  readonly kind: 'Dockerfile';
  /** The `# syntax=` frontend, or undefined for none. */
  readonly syntax?: string;
  /** The `# syntax` frontend's digest comes from the lockfile (`dockerfile(app, { locked: true })`). */
  readonly syntaxLocked?: true;
  readonly header: readonly string[];
  readonly args: readonly ArgInstruction[];
  readonly stages: readonly StageNode[];
}
