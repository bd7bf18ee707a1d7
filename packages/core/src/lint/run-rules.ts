import { codes, type DockwrightCode } from '../errors/codes.js';
import { rules as catalogue } from '../rules/catalogue.js';
import { DEFAULT_FORBIDDEN_PACKAGES } from '../rules/packages/forbidden-package.js';
import { DEFAULT_BUILD_IMAGES, DEFAULT_BUILD_TOOLS } from '../rules/packages/build-tools.js';
import type { Problem, Rule, RuleLevel, Severity } from '../rules/rule.js';
import { lintDiagnostic, type LintDiagnostic } from './lint-diagnostic.js';
import { severityOf } from '../errors/severity.js';
import type { LintFile, LintPosition } from '../rules/lint-file.js';
import type { LintOptions, LintSettings, RuleSetting } from '../rules/lint-options.js';
import { peerSuppressions, readSuppression, type Suppression } from '../rules/suppressions.js';

const DEFAULT_LEVELS: ReadonlyMap<DockwrightCode, RuleLevel> = new Map(catalogue.map((r) => [r.id, r.level]));

/**
 * The level of each rule after options: the rule's default, turned on by the policy values it
 * needs, then the per-rule map.
 *
 * @example
 * ```ts
 * ruleLevels({ rules: { DW5018: 'off' } }).get('DW5018'); // 'off'
 * ```
 */
export function ruleLevels(options: LintOptions = {}, rules: readonly Rule[] = catalogue): Map<DockwrightCode, RuleLevel> {
  const levels = rules === catalogue ? new Map(DEFAULT_LEVELS) : new Map<DockwrightCode, RuleLevel>(rules.map((r) => [r.id, r.level]));
  if (options.forbiddenPackages !== undefined) levels.set('DW5022', 'error');
  if (options.buildTools !== undefined || options.buildImages !== undefined) levels.set('DW2008', 'error');
  for (const [code, setting] of Object.entries(options.rules ?? {}) as [DockwrightCode, RuleSetting][]) {
    const level = readLevel(setting);
    // Unknown codes and levels are left alone: options from JavaScript are not type-checked.
    if (levels.has(code) && level !== undefined) levels.set(code, level);
  }
  return levels;
}

/**
 * Reads a level as written in options: `warn` is `warning`; anything else unknown is undefined.
 *
 * @example
 * ```ts
 * readLevel('warn'); // 'warning'
 * ```
 */
export function readLevel(setting: unknown): RuleLevel | undefined {
  return setting === 'off' ? 'off' : severityOf(setting);
}

/**
 * One finding of a rule, placed: the problem with both hints (the builder's and the text's), its
 * level, and where it is, by line and by its place in the file (stage and instruction indexes).
 * `lint()` prints these as diagnostics; the policy check maps the places back to the model.
 */
export interface RuleFinding {
  readonly problem: Problem;
  readonly severity: Severity;
  readonly scope: Rule['scope'];
  readonly position: LintPosition;
  /** The stage the finding is in (its index), absent before the first FROM. */
  readonly stage?: number;
  /** The instruction's index among its stage's instructions, absent for a stage's FROM and for directives. */
  readonly instruction?: number;
  /** True for a finding on a parser directive (`# syntax`). */
  readonly directive?: boolean;
}

// Where a position is in the file: the stage, and the instruction of that stage whose lines hold it.
function placeOf(file: LintFile, at: LintPosition): Pick<RuleFinding, 'stage' | 'instruction' | 'directive'> {
  if (file.directives.some((d) => d.position.line === at.line)) return { directive: true };
  for (const s of file.stages) {
    const end = (i: { position: LintPosition }) => i.position.endLine ?? i.position.line;
    if (at.line >= s.from.position.line && at.line <= end(s.from)) return { stage: s.index };
    const index = s.instructions.findIndex((i) => at.line >= i.position.line && at.line <= end(i));
    if (index >= 0) return { stage: s.index, instruction: index };
  }
  return {};
}

/**
 * Rules with their levels and the settings they read, worked out once from options: what
 * `ruleFindings()` runs. A caller that judges many files by the same options (the policy check)
 * prepares them once.
 */
export interface PreparedRules {
  readonly active: readonly { readonly rule: Rule; readonly level: Severity }[];
  readonly settings: LintSettings;
  readonly ignore?: readonly string[];
}

/**
 * Works out, from options, which rules run at which level and what they read.
 *
 * @example
 * ```ts
 * prepareRules({ rules: { DW5018: 'off' } }).active.some((a) => a.rule.id === 'DW5018'); // false
 * ```
 */
export function prepareRules(options: LintOptions = {}, rules: readonly Rule[] = catalogue): PreparedRules {
  const levels = ruleLevels(options, rules);
  const active = rules.flatMap((rule) => {
    const level = levels.get(rule.id) ?? 'off';
    return level === 'off' ? [] : [{ rule, level }];
  });
  const settings: LintSettings = {
    ...(options.allowedRegistries === undefined ? {} : { allowedRegistries: options.allowedRegistries }),
    ...(options.requiredLabels === undefined ? {} : { requiredLabels: options.requiredLabels }),
    ...(options.labelSchema === undefined ? {} : { labelSchema: options.labelSchema, strictLabels: options.strictLabels === true }),
    forbiddenPackages: options.forbiddenPackages ?? DEFAULT_FORBIDDEN_PACKAGES,
    buildTools: options.buildTools ?? DEFAULT_BUILD_TOOLS,
    buildImages: options.buildImages ?? DEFAULT_BUILD_IMAGES,
    ...(typeof options.dockerignore === 'string' ? { dockerignore: options.dockerignore } : {}),
  };
  return { active, settings, ...(options.ignore === undefined ? {} : { ignore: options.ignore }) };
}

/**
 * Runs the rules over a file, applies suppressions, and returns the findings in file order,
 * placed by stage and instruction unless `placed` is false. Never throws: a rule that fails on
 * odd input is skipped.
 *
 * @example
 * ```ts
 * ruleFindings(file, { rules: { DW1010: 'error' } }).map((f) => [f.problem.code, f.stage]);
 * ```
 */
export function ruleFindings(file: LintFile, options: LintOptions = {}, rules: readonly Rule[] = catalogue, onRuleError?: (rule: Rule, error: unknown) => void, placed = true): RuleFinding[] {
  return preparedFindings(file, prepareRules(options, rules), onRuleError, placed);
}

/**
 * `ruleFindings()` with the options already prepared.
 *
 * @example
 * ```ts
 * const prepared = prepareRules({ rules: { DW1010: 'error' } });
 * preparedFindings(file, prepared).map((f) => f.problem.code);
 * ```
 */
export function preparedFindings(file: LintFile, prepared: PreparedRules, onRuleError?: (rule: Rule, error: unknown) => void, placed = true): RuleFinding[] {
  const { settings } = prepared;
  const suppressions = file.comments.map(readSuppression).filter((s): s is Suppression => s !== undefined && s.reason !== '');
  const peers = peerSuppressions(file.comments, file.directives, prepared.ignore);
  const peerWaived = (twins: readonly string[], at: number) =>
    twins.some((t) => peers.file.has(t) || (peers.allChecks && !/^(?:DL|SC)\d+$/.test(t))) || peers.next.some((n) => n.rules.some((r) => twins.includes(r)) && inSpan(n.position.line, at));
  const spans = file.instructions.map((i) => ({ start: i.position.line, end: i.position.endLine ?? i.position.line })).sort((a, b) => a.start - b.start);
  const fromLines = file.stages.map((s) => s.from.position.line);
  const stageAt = (line: number) => fromLines.filter((l) => l <= line).length - 1;
  // The instruction right below a comment, as a span of lines: findings anywhere in it are waived.
  const below = (line: number) => spans.find((span) => span.start > line);
  const inSpan = (line: number, at: number) => {
    const span = below(line);
    return span !== undefined && at >= span.start && at <= span.end;
  };
  const found: RuleFinding[] = [];
  const seen = new Set<string>();
  for (const { rule, level } of prepared.active) {
    const report = (p: Problem, at: LintPosition) => {
      const waived =
        suppressions.some((s) => s.codes.includes(p.code) && (inSpan(s.position.line, at.line) || (rule.scope === 'stage' && stageAt(s.position.line) === stageAt(at.line) && stageAt(at.line) >= 0))) ||
        peerWaived(p.twins ?? rule.twins, at.line);
      const key = `${p.code}\0${at.line}\0${p.message}`;
      if (waived || seen.has(key)) return;
      seen.add(key);
      found.push(Object.freeze({ problem: p, severity: level, scope: rule.scope, position: at, ...(placed ? placeOf(file, at) : {}) }));
    };
    try {
      rule.check({ file, settings, report });
    } catch (error) {
      // A rule must not take the others down; tests pass `onRuleError` to see such failures.
      onRuleError?.(rule, error);
    }
  }
  return found.sort((a, b) => a.position.line - b.position.line || a.position.column - b.position.column || a.problem.code.localeCompare(b.problem.code));
}

/**
 * Runs the rules over a file and returns the findings as diagnostics, in file order. Never throws.
 *
 * @example
 * ```ts
 * runRules(file, { rules: { DW5018: 'off' } }).map((d) => d.rule);
 * ```
 */
export function runRules(file: LintFile, options: LintOptions = {}, rules: readonly Rule[] = catalogue, onRuleError?: (rule: Rule, error: unknown) => void): LintDiagnostic[] {
  // Diagnostics carry lines only: the stage and instruction indexes are not worked out.
  return ruleFindings(file, options, rules, onRuleError, false).map((f) => diagnostic(f.problem, f.severity, f.position));
}

function diagnostic(p: Problem, severity: Severity, at: LintPosition): LintDiagnostic {
  return lintDiagnostic(p.code, severity, p.message, p.fix ?? p.hint, at);
}

/** The title of a rule, for output. */
export function ruleTitle(code: DockwrightCode): string {
  return codes[code].title;
}
