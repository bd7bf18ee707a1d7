// Builder: the public, typed, immutable API.
export { stage, isStage } from './builder/stage.js';
export type { Stage, RunStage, FromStage, StageStart, RunInput, RunOptions, CopyOptions, AddUrlOptions, HealthcheckOptions, UserSpec } from './builder/stage-types.js';
export { image, isImage, scratch } from './builder/image.js';
export type { Image, Scratch } from './builder/image.js';
export { arg, imageEnv, platformArgs, tpl } from './builder/variables.js';
export type { Arg, ImageEnv, Variable, TextInput, TemplateWithVars } from './builder/variables.js';
export { cacheMount, bindMount, secretMount, sshMount, tmpfsMount } from './builder/mounts.js';
export type { MountValue, CacheMountOptions, BindMountOptions, SecretMountOptions, SshMountOptions } from './builder/mounts.js';
export { aptInstall, apkInstall, dnfInstall } from './builder/packages.js';
export type { PackageInstall, InstallOptions } from './builder/packages.js';
export type { CacheMode, PackageManager } from './builder/cleanup.js';
export type { CreateUserOptions, UserTool } from './builder/users.js';
export { oci } from './builder/labels.js';
export type { OciLabels } from './builder/labels.js';
export { dockerfile, tryDockerfile } from './builder/dockerfile.js';
export type { Dockerfile, DockerfileOptions, DockerfileResult } from './builder/dockerfile.js';
export type { DockwrightTypeError, Duration, PortSpec } from './builder/type-checks.js';
export type { StageSource } from './builder/stage-source.js';

// Lock: image digests from dockwright.lock.yaml (written by `dockwright lock`).
export { emptyLockfile, formatLockfile, parseLockfile, validateLockfile, LOCKFILE_NAME } from './lock/lockfile.js';
export { lockfileJsonSchema, LOCKFILE_SCHEMA_ID } from './lock/lock-schema.js';
export type { Lockfile, LockedImage, LockfileResult } from './lock/lockfile.js';
export { resolveLocks, BASE_NAME_LABEL, BASE_DIGEST_LABEL } from './lock/resolve-locks.js';
export type { ResolveLocksResult } from './lock/resolve-locks.js';
export { lockedImages, unresolvedLocks } from './images/locked-images.js';
export type { LockedReference } from './images/locked-images.js';
export { lockKey, parseLockKey } from './images/lock-key.js';

// The one traversal of the model (ast/instructions-with-paths.ts, ast/image-refs.ts): every
// instruction with its path, every image reference (FROM, COPY --from, RUN --mount from=), and a
// new model with references replaced. Checked at the public door (validate/model-walks.ts).
export { imageRefs, instructionsWithPaths, mapImageRefs } from './validate/model-walks.js';
export type { ImagePlace, ImageUse, ImageWhere } from './ast/image-refs.js';
export type { InstructionAt, InstructionPath } from './ast/instructions-with-paths.js';

// Images: the one reading of image references (split, check, normalise), and the registry allow-list.
export { fullImageName, isDigest, isImageName, isTag, normalizeImageName, registryHost, splitImageRef } from './images/image-name.js';
export type { NormalizedName, ParsedImageRef } from './images/image-name.js';
export { isAllowedImage, isRegistryEntry, REGISTRY_ENTRY_MESSAGE, REGISTRY_ENTRY_PATTERN } from './images/registries.js';
export { registryAllowed } from './rules/images/registry-allowed.js';
export { baseDigest } from './rules/images/base-digest.js';
export { syntaxPinned } from './rules/images/syntax-pinned.js';

// Render: AST to canonical text.
export { render } from './render/render.js';
export { requiredFeatures, lowestVersion, frontendImage } from './render/syntax.js';
export type { Feature, FrontendVersion } from './render/syntax.js';

// Errors as data.
export { DockwrightError, isDockwrightError } from './errors/dockwright-error.js';
export { codes } from './errors/codes.js';
export type { DockwrightCode, CodeInfo } from './errors/codes.js';
// One Issue shape for every problem (builder, parser, rules, import, policy, CLI), and one formatter
// with two layouts: message-first (DockwrightError, the CLI) and place-first (lint).
export { asIssue } from './errors/issue.js';
export type { DockwrightIssue, Issue, IssueInput, IssuePath, IssueWhere } from './errors/issue.js';
export { pointRange } from './errors/range.js';
export type { Position, Range } from './errors/range.js';
export { severityOf } from './errors/severity.js';
export type { LevelWord } from './errors/severity.js';
export { formatIssue, formatIssues, formatPath } from './errors/format-issues.js';
export type { FormatIssueOptions, IssueLayout, IssueStyle } from './errors/format-issues.js';
export { editDistance, suggest } from './errors/suggest.js';
export { looksLikeSecret } from './lexical/names.js';
export { readDockerignore } from './dockerignore/read-dockerignore.js';
export type { DockerignoreRules, IgnorePattern } from './dockerignore/read-dockerignore.js';
export { ignoredCopies } from './rules/instructions/copy-ignored.js';

// AST types.
export type * from './ast/index.js';
// The keyword each instruction kind renders as, as issue paths name it.
export { keywordOf } from './ast/instructions.js';

// Syntax tree of a written Dockerfile (parseDockerfile).
export { parseDockerfile } from './syntax/parse-dockerfile.js';
export { format } from './syntax/format.js';
export type { FormatResult } from './syntax/format.js';
export { sameMeaning, syntaxMeaning } from './syntax/syntax-meaning.js';
export { importDockerfile, IMPORTED_AS_IS } from './import/import-dockerfile.js';
export type { ImportIssue, ImportResult } from './import/import-dockerfile.js';
export type * from './syntax/types.js';

// Shell: the one reader of RUN commands (quotes, escapes, heredocs read as sh reads them), which
// the rules, lint and policy share.
export { splitShell } from './shell/split-shell.js';
export type { ShellCommand, ShellJoin } from './shell/split-shell.js';

// Lint: the rule catalogue over a parsed Dockerfile.
export { compileLint, lint, lintDockerfile, lintFindings } from './lint/lint.js';
export type { RuleFinding } from './lint/run-rules.js';
export { formatDiagnostics } from './lint/format-diagnostics.js';
export type { DiagnosticPlace, LintDiagnostic } from './lint/lint-diagnostic.js';
export type { LintOptions, RuleSetting } from './rules/lint-options.js';
export { LABEL_TYPES, type LabelType } from './rules/instructions/label-schema.js';
export { rules } from './rules/catalogue.js';
export { DEFAULT_FORBIDDEN_PACKAGES } from './rules/packages/forbidden-package.js';
export { DEFAULT_BUILD_TOOLS, DEFAULT_BUILD_IMAGES } from './rules/packages/build-tools.js';
export type { Problem, Rule, RuleHow, RuleLevel, Severity } from './rules/rule.js';
