import type { DockwrightIssue, IssuePath } from '../errors/issue.js';
import { fileMode } from '../rules/instructions/file-mode.js';
import { undeclaredArg } from '../rules/instructions/undeclared-arg.js';
import { toIssue } from '../rules/rule.js';
import { userFormat } from '../rules/users/user-format.js';
import { checkLine } from '../validate/text.js';
import type { StageState } from './stage-state.js';
import { literalOf, variablesOf, type TextInput } from './variables.js';

/** Checks a text input: one line, and every ARG it uses declared in this stage. */
export function checkText(state: StageState, input: TextInput, what: string, path: IssuePath): DockwrightIssue[] {
  const issues: DockwrightIssue[] = [];
  const line = checkLine(literalOf(input), what, path);
  if (line !== undefined) issues.push(line);
  for (const v of variablesOf(input)) {
    if (v.kind === 'Arg' && !state.args.includes(v.name) && !state.recorder) {
      issues.push(toIssue(undeclaredArg(what, v.name), path));
    }
  }
  return issues;
}

/** Checks and normalises `--chown` / USER values: `name`, `uid`, `name:group`, `uid:gid`. */
export function checkOwner(value: string | number, path: IssuePath): { value: string; issues: DockwrightIssue[] } {
  const text = String(value);
  const found = userFormat(text);
  return { value: text, issues: found === undefined ? [] : [toIssue(found, path)] };
}

/** Checks and normalises a file mode: `0o755` and `'755'` both render `755`. */
export function checkMode(value: string | number, path: IssuePath): { value: string; issues: DockwrightIssue[] } {
  const mode = fileMode(value);
  return { value: mode.value, issues: mode.problem === undefined ? [] : [toIssue(mode.problem, path)] };
}

/** True when the input's literal text starts with `/` (or it starts with a variable, which we cannot see). */
export function isAbsolute(input: TextInput): boolean {
  if (typeof input === 'string') return input.startsWith('/');
  if (input.kind !== 'Template') return false;
  const first = input.parts[0];
  return typeof first === 'string' && first.startsWith('/');
}
