import { parseDockerfile } from '../syntax/parse-dockerfile.js';
import { issue, type DockwrightIssue } from '../errors/issue.js';
import { isRegistryEntry, REGISTRY_ENTRY_MESSAGE } from '../images/registries.js';
import { checkArgument, checkOptions, isRecord, spec, throwIfAny, type ArgSpec } from '../validate/arguments.js';
import type { DockerfileSyntax } from '../syntax/types.js';
import { lintDiagnostic, type LintDiagnostic } from './lint-diagnostic.js';
import type { LintOptions } from '../rules/lint-options.js';
import { LABEL_TYPES } from '../rules/instructions/label-schema.js';
import { readSyntax } from './read-syntax.js';
import { preparedFindings, prepareRules, readLevel, runRules, type RuleFinding } from './run-rules.js';
import { rules as catalogue } from '../rules/catalogue.js';
import type { DockwrightCode } from '../errors/codes.js';

const strings = spec.arrayOf(spec.string, 'an array of strings');

/** lint()'s options, checked as the policy file's schema checks them (the same registry pattern and message). */
function lintOptionIssues(options: LintOptions, call = 'lint()'): DockwrightIssue[] {
  const found = checkOptions(call, options, {
    rules: spec.object,
    allowedRegistries: strings,
    requiredLabels: strings,
    forbiddenPackages: strings,
    buildTools: strings,
    buildImages: strings,
    labelSchema: spec.recordOf(spec.oneOf(...LABEL_TYPES)),
    strictLabels: spec.boolean,
    ignore: strings,
    dockerignore: spec.string,
  });
  if (found.length > 0) return found;
  (options.allowedRegistries ?? []).forEach((entry, n) => {
    if (!isRegistryEntry(entry)) found.push(issue('DW9005', `${call}: allowedRegistries[${n}] ${JSON.stringify(entry)} ${REGISTRY_ENTRY_MESSAGE}`, 'fix the entry, or leave it out'));
  });
  return found;
}

const syntaxTree: ArgSpec = { what: 'a syntax tree from parseDockerfile()', test: (v) => isRecord(v) && Array.isArray(v['instructions']) && Array.isArray(v['directives']) };

/**
 * Judges a parsed Dockerfile with the rule catalogue and returns the findings as data, in file
 * order. It never throws. Rules are configured per id (`off`, `info`, `warn`, `error`), and a
 * `# dockwright:allow DWxxxx <reason>` comment above an instruction waives that rule there.
 *
 * @example
 * ```ts
 * import { lint, parseDockerfile } from '@dockwright/core';
 * const { syntax } = parseDockerfile('FROM node:latest\nRUN cd /app && npm ci\n');
 * lint(syntax).map((d) => `${d.line} ${d.rule}`); // ['1 DW1002', '1 DW3001', '2 DW5020']
 * ```
 */
export function lint(tree: DockerfileSyntax, options: LintOptions = {}): LintDiagnostic[] {
  throwIfAny([checkArgument('lint()', 'the syntax tree', tree, syntaxTree, {}, 'pass parseDockerfile(text).syntax, or call lintDockerfile(text)'), ...lintOptionIssues(options)]);
  return runRules(readSyntax(tree), options);
}

/**
 * Parses Dockerfile text and lints it: the parser's errors and warnings come first as findings
 * (codes `DW0xxx`), then the rules' findings. Never throws.
 *
 * @example
 * ```ts
 * import { lintDockerfile } from '@dockwright/core';
 * lintDockerfile('FROM debian:12\nRUN sudo apt-get update\nUSER 10001\n').map((d) => d.rule); // ['DW3005']
 * ```
 */
export function lintDockerfile(text: string, options: LintOptions = {}): LintDiagnostic[] {
  const parsed = parseDockerfile(text);
  const { rules: levels = {} } = options;
  // The parser's codes take a level too: `off` drops them, another level replaces theirs.
  const kept = [...parsed.errors, ...parsed.warnings]
    .map((i) => {
      const level = readLevel(levels[i.code]) ?? i.severity;
      const { start, end } = i.range;
      return level === 'off' ? undefined : lintDiagnostic(i.code, level, i.message, i.hint, { line: start.line, column: start.column, endLine: end.line, endColumn: end.column });
    })
    .filter((d): d is LintDiagnostic => d !== undefined)
    .sort((a, b) => a.line - b.line || a.column - b.column);
  return [...kept, ...lint(parsed.syntax, options)];
}

/**
 * Parses Dockerfile text and runs the rules, or only the rules `only` names, returning each
 * finding placed in the file (stage and instruction indexes) with both its hints: the builder's
 * (`problem.hint`) and the text's (`problem.fix`). The policy check of a built Dockerfile runs
 * its rules this way over the rendered text. Parser problems are not included. Throws a
 * DockwrightError (DW9005) for malformed options, as `lint()` does.
 *
 * @example
 * ```ts
 * import { lintFindings } from '@dockwright/core';
 * lintFindings('FROM node:22\nUSER node\n', { rules: { DW3007: 'error' } }, ['DW3007']).map((f) => [f.problem.code, f.stage, f.instruction]); // [['DW3007', 0, 0]]
 * ```
 */
export function lintFindings(text: string, options: LintOptions = {}, only?: readonly DockwrightCode[]): RuleFinding[] {
  throwIfAny([textIssue('lintFindings()', text), ...lintOptionIssues(options, 'lintFindings()'), ...onlyIssues('lintFindings()', only)]);
  return preparedFindings(readSyntax(parseDockerfile(text).syntax), prepareRules(options, selectedRules(only)));
}

/**
 * `lintFindings()` for many files judged by the same options: the options are checked and
 * worked out once (a DockwrightError, DW9005, for malformed ones), and the function it returns
 * parses and judges one text per call. Later changes to `options` are not seen. The policy check
 * of a monorepo's Dockerfiles runs this way.
 *
 * @example
 * ```ts
 * import { compileLint } from '@dockwright/core';
 * const findings = compileLint({ rules: { DW3007: 'error' } }, ['DW3007']);
 * findings('FROM node:22\nUSER node\n').map((f) => f.problem.code); // ['DW3007']
 * ```
 */
export function compileLint(options: LintOptions = {}, only?: readonly DockwrightCode[]): (text: string) => RuleFinding[] {
  // A copy, checked and kept: what the caller changes later is neither seen nor unchecked.
  const own = snapshot(options);
  throwIfAny([...lintOptionIssues(own, 'compileLint()'), ...onlyIssues('compileLint()', only)]);
  const prepared = prepareRules(own, selectedRules(only));
  return (text) => {
    throwIfAny([textIssue('compileLint()', text)]);
    return preparedFindings(readSyntax(parseDockerfile(text).syntax), prepared);
  };
}

// Options are plain data (strings, lists, records, booleans); anything else is left for the checks to name.
function snapshot(options: LintOptions): LintOptions {
  try {
    return structuredClone(options);
  } catch {
    return options;
  }
}

const textIssue = (fn: string, text: unknown) => checkArgument(fn, 'the text', text, spec.string, {}, 'pass the Dockerfile text');

const onlyIssues = (fn: string, only: unknown) => (only === undefined ? [] : [checkArgument(fn, 'the rules to run', only, strings, {}, "pass rule codes, e.g. ['DW1010']")]);

const selectedRules = (only: readonly DockwrightCode[] | undefined) => (only === undefined ? catalogue : catalogue.filter((r) => only.includes(r.id)));
