import type { BaseRef, ImageRef, StageRef } from './image.js';
import type { Mount } from './mount.js';
import type { Text } from './text.js';

/** One command of a shell-form RUN; commands are chained with `&&`. */
export type RunStep =
  | { readonly kind: 'Command'; readonly text: Text }
  /** A command followed by a list of packages, rendered one per line, sorted by the builder. */
  | { readonly kind: 'PackageList'; readonly command: string; readonly packages: readonly string[] };

/** The command of a RUN: shell form (chained steps), exec form (argv) or a heredoc script. */
export type RunCommand =
  | { readonly form: 'shell'; readonly steps: readonly RunStep[] }
  | { readonly form: 'exec'; readonly argv: readonly string[] }
  | { readonly form: 'heredoc'; readonly script: string };

export interface FromInstruction {
  readonly kind: 'From';
  readonly base: BaseRef;
  readonly platform?: Text;
}

export interface RunInstruction {
  readonly kind: 'Run';
  readonly command: RunCommand;
  readonly mounts: readonly Mount[];
  readonly network?: 'default' | 'none' | 'host';
  readonly security?: 'sandbox' | 'insecure';
}

export interface CopyInstruction {
  readonly kind: 'Copy';
  readonly from?: StageRef | ImageRef;
  readonly sources: readonly Text[];
  readonly dest: Text;
  readonly chown?: string;
  readonly chmod?: string;
  readonly link?: boolean;
  readonly parents?: boolean;
  readonly exclude: readonly string[];
}

/** ADD only for what COPY cannot do: a remote file with a checksum, a git repository, a local archive to unpack. */
export type AddSource =
  | { readonly kind: 'url'; readonly url: string; readonly checksum: string }
  | { readonly kind: 'git'; readonly url: string; readonly keepGitDir?: boolean }
  | { readonly kind: 'archive'; readonly path: string };

export interface AddInstruction {
  readonly kind: 'Add';
  readonly source: AddSource;
  readonly dest: string;
  readonly chown?: string;
  readonly chmod?: string;
  readonly link?: boolean;
}

export interface KeyValue {
  readonly key: string;
  readonly value: Text;
}

export interface EnvInstruction {
  readonly kind: 'Env';
  readonly pairs: readonly KeyValue[];
}

export interface LabelInstruction {
  readonly kind: 'Label';
  readonly pairs: readonly KeyValue[];
}

export interface ArgInstruction {
  readonly kind: 'Arg';
  readonly name: string;
  readonly default?: string;
}

export interface WorkdirInstruction {
  readonly kind: 'Workdir';
  readonly path: Text;
}

export interface ExposeInstruction {
  readonly kind: 'Expose';
  readonly ports: readonly { readonly port: number; readonly protocol: 'tcp' | 'udp' | 'sctp' }[];
}

export interface VolumeInstruction {
  readonly kind: 'Volume';
  readonly paths: readonly string[];
}

export interface UserInstruction {
  readonly kind: 'User';
  readonly user: string;
  readonly group?: string;
}

export interface HealthcheckInstruction {
  readonly kind: 'Healthcheck';
  /** `null` renders `HEALTHCHECK NONE`, which turns off a check inherited from the base image. */
  readonly argv: readonly string[] | null;
  readonly interval?: string;
  readonly timeout?: string;
  readonly startPeriod?: string;
  readonly startInterval?: string;
  readonly retries?: number;
}

export interface CmdInstruction {
  readonly kind: 'Cmd';
  readonly argv: readonly string[];
}

export interface EntrypointInstruction {
  readonly kind: 'Entrypoint';
  readonly argv: readonly string[];
}

export interface ShellInstruction {
  readonly kind: 'Shell';
  readonly argv: readonly string[];
}

export interface StopSignalInstruction {
  readonly kind: 'StopSignal';
  readonly signal: string;
}

export interface OnBuildInstruction {
  readonly kind: 'OnBuild';
  readonly instruction: Instruction;
}

export interface CommentInstruction {
  readonly kind: 'Comment';
  readonly text: string;
}

/** A rule deliberately waived, with the reason; rendered as `# dockwright:allow CODE reason`. */
export interface WaiverInstruction {
  readonly kind: 'Waiver';
  readonly code: string;
  readonly reason: string;
}

/** A line written as is, through the escape hatch; rendered after a `# dockwright:raw reason` comment. */
export interface RawInstruction {
  readonly kind: 'Raw';
  readonly text: string;
  readonly reason: string;
}

/** Every instruction that can appear inside a stage. */
export type Instruction =
  | RunInstruction
  | CopyInstruction
  | AddInstruction
  | EnvInstruction
  | LabelInstruction
  | ArgInstruction
  | WorkdirInstruction
  | ExposeInstruction
  | VolumeInstruction
  | UserInstruction
  | HealthcheckInstruction
  | CmdInstruction
  | EntrypointInstruction
  | ShellInstruction
  | StopSignalInstruction
  | OnBuildInstruction
  | CommentInstruction
  | WaiverInstruction
  | RawInstruction;

/** A stage's FROM or any instruction it holds: what the traversal visits. */
export type InstructionNode = FromInstruction | Instruction;

/**
 * One handler per instruction kind, each given its own node type: a table the compiler checks
 * is complete (a new kind in the union is a missing key), for code that answers per kind.
 */
export type ByKind<R> = { readonly [K in InstructionNode['kind']]: (node: Extract<InstructionNode, { readonly kind: K }>) => R };

/** The keyword each instruction kind renders as (comments have none). */
export const keywordOf: Readonly<Record<Instruction['kind'] | 'From', string>> = Object.freeze({
  From: 'FROM',
  Run: 'RUN',
  Copy: 'COPY',
  Add: 'ADD',
  Env: 'ENV',
  Label: 'LABEL',
  Arg: 'ARG',
  Workdir: 'WORKDIR',
  Expose: 'EXPOSE',
  Volume: 'VOLUME',
  User: 'USER',
  Healthcheck: 'HEALTHCHECK',
  Cmd: 'CMD',
  Entrypoint: 'ENTRYPOINT',
  Shell: 'SHELL',
  StopSignal: 'STOPSIGNAL',
  OnBuild: 'ONBUILD',
  Comment: 'comment',
  Waiver: 'comment',
  Raw: 'raw',
});
