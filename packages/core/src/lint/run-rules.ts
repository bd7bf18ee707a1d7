import { codes, type DockwrightCode } from '../errors/codes.js';
import { rules as catalogue } from '../rules/catalogue.js';
import { DEFAULT_FORBIDDEN_PACKAGES } from '../rules/packages/forbidden-package.js';
import type { Problem, Rule, RuleLevel, Severity } from '../rules/rule.js';
import type { LintDiagnostic } from './lint-diagnostic.js';
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
  if (setting === 'warn') return 'warning';
  return setting === 'off' || setting === 'info' || setting === 'warning' || setting === 'error' ? setting : undefined;
}

/**
 * Runs the rules over a file, applies suppressions, and returns the findings in file order.
 * Never throws: a rule that fails on odd input is skipped.
 *
 * @example
 * ```ts
 * runRules(file, { rules: { DW5018: 'off' } }).map((d) => d.rule);
 * ```
 */
export function runRules(file: LintFile, options: LintOptions = {}, rules: readonly Rule[] = catalogue, onRuleError?: (rule: Rule, error: unknown) => void): LintDiagnostic[] {
  const levels = ruleLevels(options, rules);
  const settings: LintSettings = {
    ...(options.allowedRegistries === undefined ? {} : { allowedRegistries: options.allowedRegistries }),
    ...(options.requiredLabels === undefined ? {} : { requiredLabels: options.requiredLabels }),
    ...(options.labelSchema === undefined ? {} : { labelSchema: options.labelSchema, strictLabels: options.strictLabels === true }),
    forbiddenPackages: options.forbiddenPackages ?? DEFAULT_FORBIDDEN_PACKAGES,
    ...(typeof options.dockerignore === 'string' ? { dockerignore: options.dockerignore } : {}),
  };
  const suppressions = file.comments.map(readSuppression).filter((s): s is Suppression => s !== undefined && s.reason !== '');
  const peers = peerSuppressions(file.comments, file.directives, options.ignore);
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
  const found: LintDiagnostic[] = [];
  const seen = new Set<string>();
  for (const rule of rules) {
    const level = levels.get(rule.id) ?? 'off';
    if (level === 'off') continue;
    const report = (p: Problem, at: LintPosition) => {
      const waived =
        suppressions.some((s) => s.codes.includes(p.code) && (inSpan(s.position.line, at.line) || (rule.scope === 'stage' && stageAt(s.position.line) === stageAt(at.line) && stageAt(at.line) >= 0))) ||
        peerWaived(p.twins ?? rule.twins, at.line);
      const key = `${p.code}\0${at.line}\0${p.message}`;
      if (waived || seen.has(key)) return;
      seen.add(key);
      found.push(diagnostic(p, level, at));
    };
    try {
      rule.check({ file, settings, report });
    } catch (error) {
      // A rule must not take the others down; tests pass `onRuleError` to see such failures.
      onRuleError?.(rule, error);
    }
  }
  return found.sort((a, b) => a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule));
}

function diagnostic(p: Problem, severity: Severity, at: LintPosition): LintDiagnostic {
  return Object.freeze({
    rule: p.code,
    severity,
    message: p.message,
    hint: p.fix ?? p.hint,
    line: at.line,
    column: at.column,
    ...(at.endLine === undefined ? {} : { endLine: at.endLine }),
    ...(at.endColumn === undefined ? {} : { endColumn: at.endColumn }),
  });
}

/** The title of a rule, for output. */
export function ruleTitle(code: DockwrightCode): string {
  return codes[code].title;
}
