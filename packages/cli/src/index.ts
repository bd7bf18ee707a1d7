// The programmatic surface of the `dockwright` package: typing the configuration and targets.
// The command line itself is `dist/cli.js` (the `dockwright` bin).
export { defineConfig } from './config/define-config.js';
export type { DockwrightConfig, TargetConfig, BuildConfig, BuildSecretSource } from './config/define-config.js';
export type { TargetExport, TargetEntry, PresetLike, DockerignoreSource } from './targets/target-export.js';
export { cliCodes } from './errors/cli-codes.js';
export type { CliCode, CliCodeInfo } from './errors/cli-codes.js';
export type { CliIssue } from './errors/cli-issue.js';
export { JSON_SCHEMA_VERSION } from './output/json-schema-version.js';
export type {
  JsonDocument,
  JsonDocumentBase,
  RenderDocument,
  PrintDocument,
  LintDocument,
  FmtDocument,
  FmtFileReport,
  ImportDocument,
  LockDocument,
  UsageErrorDocument,
  VersionDocument,
} from './output/json-documents.js';
export type { RenderReport, TargetReport, FileReport, FileStatus, OrphanReport, OrphanStatus } from './output/render-report.js';
export type { LockReport, ImageReport, LockStatus } from './lock/lock-report.js';
export type { FailedTarget } from './lock/collect-locks.js';
export type { PrintResult } from './render/run-print.js';
export type { Phase } from './render/planned-file.js';
