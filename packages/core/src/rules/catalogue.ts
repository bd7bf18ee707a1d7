import { imageWithoutTagRule } from './images/image-without-tag.js';
import { imageLatestTagRule } from './images/image-latest-tag.js';
import { imageReferenceRule } from './images/image-reference.js';
import { imageDigestRule } from './images/image-digest.js';
import { fromPlatformRule } from './images/from-platform.js';
import { fromArgDefaultRule } from './images/from-arg-default.js';
import { registryAllowedRule } from './images/registry-allowed.js';
import { baseDigestRule } from './images/base-digest.js';
import { syntaxPinnedRule } from './images/syntax-pinned.js';
import { stageNameCasingRule } from './stages/stage-name-casing.js';
import { reservedStageNameRule } from './stages/reserved-stage-name.js';
import { duplicateStageNameRule } from './stages/duplicate-stage-name.js';
import { selfReferenceRule } from './stages/self-reference.js';
import { copyWholeStageRule } from './stages/copy-whole-stage.js';
import { firstInstructionRule } from './stages/first-instruction.js';
import { unknownStageRule } from './stages/unknown-stage.js';
import { rootFinalStageRule } from './users/root-final-stage.js';
import { userFormatRule } from './users/user-format.js';
import { sudoRule } from './users/sudo.js';
import { useraddLastlogRule } from './users/useradd-lastlog.js';
import { numericUserRule } from './users/numeric-user.js';
import { secretNameRule } from './secrets/secret-name.js';
import { secretFileCopyRule } from './secrets/secret-file-copy.js';
import { aptGetYesRule } from './packages/apt-get-yes.js';
import { aptGetRecommendsRule } from './packages/apt-get-recommends.js';
import { aptListsRule } from './packages/apt-lists.js';
import { aptInScriptRule } from './packages/apt-in-script.js';
import { apkNoCacheRule } from './packages/apk-no-cache.js';
import { rpmYesRule } from './packages/rpm-yes.js';
import { rpmCleanRule } from './packages/rpm-clean.js';
import { pipNoCacheRule } from './packages/pip-no-cache.js';
import { unpinnedPackageRule } from './packages/unpinned-package.js';
import { consecutiveRunsRule } from './packages/consecutive-runs.js';
import { pipefailRule } from './packages/pipefail.js';
import { cdInRunRule } from './packages/cd-in-run.js';
import { curlAndWgetRule } from './packages/curl-and-wget.js';
import { forbiddenPackageRule } from './packages/forbidden-package.js';
import { buildToolsRule } from './packages/build-tools.js';
import { forbidRootRule } from './users/forbid-root.js';
import { execFormRule } from './instructions/exec-form.js';
import { singleInstructionRule } from './instructions/single-instruction.js';
import { addLocalRule } from './instructions/add-local.js';
import { relativeWorkdirRule } from './instructions/relative-workdir.js';
import { copyDestSlashRule } from './instructions/copy-dest-slash.js';
import { relativeCopyDestRule } from './instructions/relative-copy-dest.js';
import { exposePortRule } from './instructions/expose-port.js';
import { maintainerRule } from './instructions/maintainer.js';
import { variableNameRule } from './instructions/variable-name.js';
import { labelKeyRule } from './instructions/label-key.js';
import { envSelfReferenceRule } from './instructions/env-self-reference.js';
import { durationRule } from './instructions/duration.js';
import { stopSignalRule } from './instructions/stop-signal.js';
import { fileModeRule } from './instructions/file-mode.js';
import { addChecksumRule } from './instructions/add-checksum.js';
import { requiredLabelsRule } from './instructions/required-labels.js';
import { healthcheckMissingRule } from './instructions/healthcheck-missing.js';
import { argDefaultsRule } from './instructions/arg-defaults.js';
import { undeclaredArgRule } from './instructions/undeclared-arg.js';
import { suppressionReasonRule } from './suppressions/suppression-reason.js';
import { unknownSuppressionRule } from './suppressions/unknown-suppression.js';
import { fromAsCasingRule } from './stages/from-as-casing.js';
import { yarnCacheRule } from './packages/yarn-cache.js';
import { shellSymlinkRule } from './packages/shell-symlink.js';
import { wgetProgressRule } from './packages/wget-progress.js';
import { distUpgradeRule } from './packages/dist-upgrade.js';
import { labelSchemaRule } from './instructions/label-schema.js';
import { legacyKeyValueRule } from './instructions/legacy-key-value.js';
import { consistentCasingRule } from './instructions/consistent-casing.js';
import { extractArchiveRule } from './instructions/extract-archive.js';
import { copyIgnoredRule } from './instructions/copy-ignored.js';
import type { Rule } from './rule.js';

/**
 * Every rule of the catalogue, in code order: the linter runs them, and the builder calls the
 * same modules' checks for the rules it refuses.
 *
 * @example
 * ```ts
 * import { rules } from '@dockwright/core';
 * rules.filter((r) => r.how === 'L').map((r) => r.id); // ['DW3005', 'DW4003', ...]
 * ```
 */
export const rules: readonly Rule[] = Object.freeze([
  imageWithoutTagRule,
  imageLatestTagRule,
  imageReferenceRule,
  imageDigestRule,
  fromPlatformRule,
  fromArgDefaultRule,
  registryAllowedRule,
  baseDigestRule,
  syntaxPinnedRule,
  stageNameCasingRule,
  reservedStageNameRule,
  duplicateStageNameRule,
  selfReferenceRule,
  copyWholeStageRule,
  firstInstructionRule,
  unknownStageRule,
  buildToolsRule,
  fromAsCasingRule,
  rootFinalStageRule,
  userFormatRule,
  sudoRule,
  useraddLastlogRule,
  numericUserRule,
  forbidRootRule,
  secretNameRule,
  secretFileCopyRule,
  aptGetYesRule,
  aptGetRecommendsRule,
  aptListsRule,
  aptInScriptRule,
  apkNoCacheRule,
  rpmYesRule,
  rpmCleanRule,
  pipNoCacheRule,
  unpinnedPackageRule,
  consecutiveRunsRule,
  pipefailRule,
  cdInRunRule,
  curlAndWgetRule,
  forbiddenPackageRule,
  yarnCacheRule,
  shellSymlinkRule,
  wgetProgressRule,
  distUpgradeRule,
  execFormRule,
  singleInstructionRule,
  addLocalRule,
  relativeWorkdirRule,
  copyDestSlashRule,
  relativeCopyDestRule,
  exposePortRule,
  maintainerRule,
  variableNameRule,
  labelKeyRule,
  envSelfReferenceRule,
  durationRule,
  stopSignalRule,
  fileModeRule,
  addChecksumRule,
  requiredLabelsRule,
  healthcheckMissingRule,
  labelSchemaRule,
  legacyKeyValueRule,
  consistentCasingRule,
  extractArchiveRule,
  copyIgnoredRule,
  undeclaredArgRule,
  argDefaultsRule,
  suppressionReasonRule,
  unknownSuppressionRule,
]);
