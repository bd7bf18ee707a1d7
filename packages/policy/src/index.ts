// @dockwright/policy: an organisation's rules for Dockerfiles, as a YAML file (dockwright.policy.yaml)
// or a value in code, checked against the AST the builder produces. The CLI applies it while rendering.

// The file: schema, loading, finding.
export { policySchema } from './schema/policy-schema.js';
export type { PolicyInput, PackageSetInput, RuleSeverity } from './schema/policy-schema.js';
export { policyJsonSchema, POLICY_SCHEMA_ID } from './schema/json-schema.js';
export { policyRules } from './schema/policy-rules.js';
export type { PolicyRule } from './schema/policy-rules.js';
export { DEFAULT_FORBIDDEN_PACKAGES, DEFAULT_BUILD_TOOLS, DEFAULT_BUILD_IMAGES } from './schema/defaults.js';
export { loadPolicy, parsePolicy } from './load/load-policy.js';
export { findPolicyFile, POLICY_FILE } from './load/find-policy-file.js';
export { policyFrom } from './schema/policy-from.js';
export { resolveLayers } from './schema/resolve-policy.js';
export type { Policy, PolicySettings, PolicyResult, PolicyLayer } from './schema/resolve-policy.js';

// Checking a Dockerfile.
export { checkPolicy } from './check/check-policy.js';
export type { PolicyFinding } from './check/check-policy.js';
export { fullImageName, isAllowedImage } from './check/image-name.js';

// The same policy for `lint()` of written Dockerfiles.
export { lintOptions } from './lint/lint-options.js';

// Errors in policy files, as data.
export { policyCodes } from './errors/policy-codes.js';
export type { PolicyCode, PolicyCodeInfo } from './errors/policy-codes.js';
export type { PolicyFileIssue } from './errors/policy-file-issue.js';
export { issueLocation } from './errors/policy-file-issue.js';
