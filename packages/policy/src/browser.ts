// The parts of @dockwright/policy that need no file system: the schema, policies as values, and
// checking a Dockerfile against them. They run in browsers and workers; reading and finding
// policy files (`loadPolicy`, `parsePolicy`, `findPolicyFile`) is in the main entry.
export { policySchema } from './schema/policy-schema.js';
export type { PolicyInput, PackageSetInput, RuleSeverity } from './schema/policy-schema.js';
export { policyJsonSchema, POLICY_SCHEMA_ID } from './schema/json-schema.js';
export { policyRules } from './schema/policy-rules.js';
export type { PolicyRule } from './schema/policy-rules.js';
export { DEFAULT_FORBIDDEN_PACKAGES, DEFAULT_BUILD_TOOLS, DEFAULT_BUILD_IMAGES } from './schema/defaults.js';
export { policyFrom } from './schema/policy-from.js';
export { resolveLayers } from './schema/resolve-policy.js';
export type { Policy, PolicySettings, PolicyResult, PolicyLayer } from './schema/resolve-policy.js';
export { checkPolicy } from './check/check-policy.js';
export type { PolicyFinding } from './check/check-policy.js';
export { fullImageName, isAllowedImage } from './check/image-name.js';
export { lintOptions } from './lint/lint-options.js';
export { policyCodes } from './errors/policy-codes.js';
export type { PolicyCode, PolicyCodeInfo } from './errors/policy-codes.js';
export type { PolicyFileIssue } from './errors/policy-file-issue.js';
export { issueLocation } from './errors/policy-file-issue.js';
