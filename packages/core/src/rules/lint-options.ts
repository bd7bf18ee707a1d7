import type { DockwrightCode } from '../errors/codes.js';
import type { LabelType } from './instructions/label-schema.js';
import type { RuleLevel } from './rule.js';

/** A rule's level as written in options or a policy file; `warn` reads as `warning`. */
export type RuleSetting = RuleLevel | 'warn';

/**
 * Options of `lint()`: a per-rule map (the same shape as the policy file's `rules`) and the values
 * the policy rules need.
 */
export interface LintOptions {
  /** Per-rule levels: `{ DW5018: 'off', DW1010: 'error' }`. */
  readonly rules?: Readonly<Partial<Record<DockwrightCode, RuleSetting>>>;
  /** Registries images may come from (`docker.io`, `ghcr.io/acme`); turns DW1009 on when set. */
  readonly allowedRegistries?: readonly string[];
  /** Labels the final stage must set; turns DW6019 on when set. */
  readonly requiredLabels?: readonly string[];
  /** Packages no image may install (DW5022); DEFAULT_FORBIDDEN_PACKAGES (remote shells, editors, debuggers) otherwise. */
  readonly forbiddenPackages?: readonly string[];
  /**
   * Build tools the final image must not install (DW2008): names, `*-suffix` patterns (`*-dev`),
   * and `!name` to take one out; DEFAULT_BUILD_TOOLS otherwise. Turns DW2008 on when set.
   */
  readonly buildTools?: readonly string[];
  /** Toolchain base images (the last part of the name, `golang`) the final image must not be built on (DW2008); DEFAULT_BUILD_IMAGES otherwise. Turns DW2008 on when set. */
  readonly buildImages?: readonly string[];
  /** The form each label's value must have (hadolint's label-schema); turns DW6021 on when set. */
  readonly labelSchema?: Readonly<Record<string, LabelType>>;
  /** With `labelSchema`: labels the schema does not name are findings too (hadolint's strict-labels). */
  readonly strictLabels?: boolean;
  /**
   * hadolint rules and BuildKit checks to waive in every file (`['DL3008', 'StageNameCasing']`),
   * as `# hadolint global ignore=` does: only the findings that are those twins.
   */
  readonly ignore?: readonly string[];
  /**
   * The text of the `.dockerignore` the build reads (`dockwright lint` reads the one beside the
   * Dockerfile); turns on DW6025, a COPY or ADD of a file it excludes.
   */
  readonly dockerignore?: string;
}

/** Options after defaults: what rules read. */
export interface LintSettings {
  readonly allowedRegistries?: readonly string[];
  readonly requiredLabels?: readonly string[];
  readonly labelSchema?: Readonly<Record<string, LabelType>>;
  readonly strictLabels?: boolean;
  readonly forbiddenPackages: readonly string[];
  readonly buildTools: readonly string[];
  readonly buildImages: readonly string[];
  readonly dockerignore?: string;
}
