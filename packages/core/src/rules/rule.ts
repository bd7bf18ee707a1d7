import { codes, type DockwrightCode } from '../errors/codes.js';
import { issue, type DockwrightIssue, type Issue, type IssuePath } from '../errors/issue.js';
import type { Severity } from '../errors/severity.js';
import type { LintContext } from './lint-context.js';

/**
 * How the catalogue stops a rule (see the rules catalogue): `C` the builder refuses it, `H` a
 * typed helper writes the right command, `P` an organisation turns it on by policy, `L` only lint
 * can see it (free shell text).
 */
export type RuleHow = 'C' | 'H' | 'P' | 'L';

/** How loud a finding is: the one `Severity` of an issue. */
export type { Severity };

/** A severity, or `off` to turn the rule off. */
export type RuleLevel = Severity | 'off';

/**
 * What a rule found, before it is placed and given a level: the `code` and `message` of an
 * `Issue`, and two hints, one in terms of the builder API (`hint`) and one in terms of Dockerfile
 * text (`fix`, for lint; `hint` when absent). `toIssue()` places it for the builder; lint makes a
 * `LintDiagnostic` of it.
 */
export interface Problem extends Pick<Issue<DockwrightCode>, 'code' | 'message'> {
  readonly hint: string;
  readonly fix?: string;
  /**
   * The peer rules this very finding is (DW5017 on an apt install is DL3008 only); the rule's
   * twins when absent. `# hadolint ignore=` and `# check=skip=` waive by these.
   */
  readonly twins?: readonly string[];
}

/** One rule of the catalogue: its stable id, what it is, how it is stopped, and its lint check. */
export interface Rule {
  readonly id: DockwrightCode;
  readonly title: string;
  /** The hadolint (`DLxxxx`) or BuildKit check names of the same rule. */
  readonly twins: readonly string[];
  readonly how: RuleHow;
  /** The level when no configuration says otherwise; policy rules are `off` until turned on. */
  readonly level: RuleLevel;
  /**
   * `stage` for findings about a whole stage (such as DW3001): a suppression anywhere in the
   * stage waives them. Others are waived by a suppression right before their instruction.
   */
  readonly scope: 'instruction' | 'stage';
  /** Looks at a parsed Dockerfile and reports what it finds; never throws on odd input. */
  readonly check: (context: LintContext) => void;
}

/**
 * Defines a rule; title and twins come from the code table, so the builder's errors and the
 * linter's findings share them.
 *
 * @example
 * ```ts
 * const rule = defineRule({ id: 'DW5020', how: 'L', level: 'warning', check: () => {} });
 * rule.twins; // ['DL3003']
 * ```
 */
export function defineRule(spec: { id: DockwrightCode; how: RuleHow; level: RuleLevel; scope?: 'instruction' | 'stage'; check: (context: LintContext) => void }): Rule {
  const info = codes[spec.id];
  return Object.freeze({ scope: 'instruction', ...spec, title: info.title, twins: info.twins });
}

/**
 * Makes a problem; `fix` is the hint in Dockerfile terms when it differs from the builder's.
 *
 * @example
 * ```ts
 * problem('DW6004', 'WORKDIR "app" is relative', 'write an absolute path such as /app');
 * ```
 */
export function problem(code: DockwrightCode, message: string, hint: string, fix?: string): Problem {
  return Object.freeze(fix === undefined ? { code, message, hint } : { code, message, hint, fix });
}

/**
 * The same problem, naming the peer rules it is.
 *
 * @example
 * ```ts
 * asTwins(unpinnedPackage('apt-get', 'curl'), 'DL3008').twins; // ['DL3008']
 * ```
 */
export function asTwins(found: Problem, ...twins: readonly string[]): Problem {
  return Object.freeze({ ...found, twins });
}

/**
 * The builder's view of a problem: an issue with the builder hint at a path.
 *
 * @example
 * ```ts
 * toIssue(problem('DW6004', 'WORKDIR "app" is relative', 'write an absolute path such as /app'), { stage: 'app' });
 * ```
 */
export function toIssue(found: Problem, path: IssuePath = {}): DockwrightIssue & Issue<DockwrightCode> {
  return issue(found.code, found.message, found.hint, path);
}
