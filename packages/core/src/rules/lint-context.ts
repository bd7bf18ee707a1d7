import type { Problem } from './rule.js';
import type { LintFile, LintPosition } from './lint-file.js';
import type { LintSettings } from './lint-options.js';

/** What a rule's check receives: the file, the settings, and a way to report a finding. */
export interface LintContext {
  readonly file: LintFile;
  readonly settings: LintSettings;
  report(found: Problem, at: LintPosition): void;
}
