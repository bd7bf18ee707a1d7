/** A place in a Dockerfile: 1-based line and column. */
export interface LintPosition {
  readonly line: number;
  readonly column: number;
  readonly endLine?: number;
  readonly endColumn?: number;
}

/** A `--name=value` flag of an instruction. */
export interface LintFlag {
  readonly name: string;
  readonly value?: string;
}

/** A `key=value` pair of ENV, LABEL or ARG (ARG has no value when it has no default). */
export interface LintPair {
  readonly key: string;
  readonly value?: string;
  /** True for the legacy `ENV key value` form. */
  readonly legacy?: boolean;
}

/** One instruction as the rules read it. */
export interface LintInstruction {
  /** Upper-case keyword: `RUN`, `COPY`. */
  readonly keyword: string;
  /** The keyword as written: `run`, `Run`. */
  readonly keywordText?: string;
  readonly position: LintPosition;
  readonly flags: readonly LintFlag[];
  /** True for the JSON (exec) form. */
  readonly json: boolean;
  /** The arguments: the JSON array elements, or the whitespace-separated words after the flags. */
  readonly args: readonly string[];
  /** The argument text after the flags, continuations joined; for JSON form, the array as written. */
  readonly text: string;
  /** Heredoc bodies, in order. */
  readonly heredocs: readonly { readonly name: string; readonly content: string }[];
  /** ENV, LABEL and ARG pairs. */
  readonly pairs: readonly LintPair[];
  /** The triggered instruction of an ONBUILD. */
  readonly trigger?: LintInstruction;
  /** The stage it belongs to, or -1 before the first FROM. */
  readonly stage: number;
  /** The exact source text, every physical line, to place findings on the line of a command. */
  readonly source?: string;
}

/** One stage: its FROM and the instructions after it. */
export interface LintStage {
  readonly index: number;
  /** The `AS name`, as written. */
  readonly name?: string;
  /** The base image or stage name, as written. */
  readonly base: string;
  readonly from: LintInstruction;
  readonly instructions: readonly LintInstruction[];
}

/** A comment line, `#` and the text after it. */
export interface LintComment {
  readonly text: string;
  readonly position: LintPosition;
}

/** A parser directive such as `# syntax=...`. */
export interface LintDirective {
  readonly name: string;
  readonly value: string;
  readonly position: LintPosition;
}

/** A Dockerfile as the rules read it. */
export interface LintFile {
  readonly directives: readonly LintDirective[];
  readonly comments: readonly LintComment[];
  /** Every instruction in file order, the ones before the first FROM included. */
  readonly instructions: readonly LintInstruction[];
  /** Instructions before the first FROM (global ARGs). */
  readonly globals: readonly LintInstruction[];
  readonly stages: readonly LintStage[];
}

/**
 * The value of a flag, or undefined when the instruction does not have it.
 *
 * @example
 * ```ts
 * flagValue(copy, 'from'); // 'build'
 * ```
 */
export function flagValue(instruction: LintInstruction, name: string): string | undefined {
  const found = instruction.flags.find((f) => f.name === name);
  return found === undefined ? undefined : (found.value ?? '');
}
