// The programmatic surface of the `dockwright` package: typing the configuration and targets.
// The command line itself is `dist/cli.js` (the `dockwright` bin).
export { defineConfig } from './config/define-config.js';
export type { DockwrightConfig, TargetConfig, BuildConfig, BuildSecretSource } from './config/define-config.js';
export type { TargetExport, TargetEntry, PresetLike, DockerignoreSource } from './targets/target-export.js';
export { cliCodes } from './errors/cli-codes.js';
export type { CliCode, CliCodeInfo } from './errors/cli-codes.js';
export type { CliIssue } from './errors/cli-issue.js';
