// @dockwright/policy: an organisation's rules for Dockerfiles, as a YAML file (dockwright.policy.yaml)
// or a value in code, checked against the AST the builder produces. The CLI applies it while rendering.

// Reading and finding policy files (the file system).
export { loadPolicy, parsePolicy } from './load/load-policy.js';
export { findPolicyFile, POLICY_FILE } from './load/find-policy-file.js';

// Everything else runs anywhere (browser.ts): the schema, policies as values, checking a
// Dockerfile, the same policy for `lint()`, errors as data.
export {
  policySchema, policyJsonSchema, POLICY_SCHEMA_ID, policyRules, DEFAULT_FORBIDDEN_PACKAGES, DEFAULT_BUILD_TOOLS, DEFAULT_BUILD_IMAGES,
  policyFrom, resolveLayers, checkPolicy, fullImageName, isAllowedImage, lintOptions, policyCodes, issueLocation,
} from './browser.js';
export type {
  PolicyInput, PackageSetInput, RuleSeverity, PolicyRule, Policy, PolicySettings, PolicyResult, PolicyLayer,
  PolicyFinding, PolicyCode, PolicyCodeInfo, PolicyFileIssue,
} from './browser.js';

// A hadolint configuration, read as lint options.
export { readHadolintConfig } from './load/hadolint-config.js';
export type { FailureThreshold, HadolintConfig } from './load/hadolint-config.js';
