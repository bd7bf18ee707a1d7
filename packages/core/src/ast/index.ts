export type { VarRef, Template, Text } from './text.js';
export { textToDisplay, textVars } from './text.js';
export type { ImageRef, StageRef, ScratchRef, BaseRef } from './image.js';
export type { CacheMount, BindMount, SecretMount, SshMount, TmpfsMount, Mount } from './mount.js';
export type {
  RunStep,
  RunCommand,
  FromInstruction,
  RunInstruction,
  CopyInstruction,
  AddSource,
  AddInstruction,
  KeyValue,
  EnvInstruction,
  LabelInstruction,
  ArgInstruction,
  WorkdirInstruction,
  ExposeInstruction,
  VolumeInstruction,
  UserInstruction,
  HealthcheckInstruction,
  CmdInstruction,
  EntrypointInstruction,
  ShellInstruction,
  StopSignalInstruction,
  OnBuildInstruction,
  CommentInstruction,
  WaiverInstruction,
  RawInstruction,
  Instruction,
  InstructionNode,
  ByKind,
} from './instructions.js';
export { keywordOf } from './instructions.js';
export type { StageNode, DockerfileNode } from './dockerfile.js';
export type { InstructionPath, InstructionAt } from './instructions-with-paths.js';
export type { ImagePlace, ImageWhere, ImageUse } from './image-refs.js';
