import type { LintFile, LintStage } from '../../lint/lint-file.js';
import { commandsOf, stageNamed } from '../lint-helpers.js';
import { defineRule, problem, type Problem } from '../rule.js';
import { variablesIn } from './env-self-reference.js';

/**
 * DW8001: a variable that names an ARG the stage does not declare: a global ARG (before the first
 * FROM) is not visible inside a stage until the stage says `ARG NAME` again, so it expands empty.
 *
 * @example
 * ```ts
 * undeclaredArg('the command', 'VERSION').message; // 'the command uses ARG VERSION, which this stage does not declare'
 * ```
 */
export function undeclaredArg(what: string, name: string): Problem {
  return problem('DW8001', `${what} uses ARG ${name}, which this stage does not declare`, `declare it in this stage first: .arg(handle), with the handle of ${name}, before this instruction`, `declare it in the stage first: ARG ${name} (without a value, it takes the global default)`);
}

// Names the stage (or the stages it builds on) sets with ARG or ENV before instruction `upTo`.
function declared(file: LintFile, stage: LintStage, upTo: number, depth = 0): Set<string> {
  const parent = stageNamed(file, stage.base, stage.index);
  const names = parent === undefined || depth > file.stages.length ? new Set<string>() : declared(file, parent, parent.instructions.length, depth + 1);
  for (const i of stage.instructions.slice(0, upTo)) if (i.keyword === 'ARG' || i.keyword === 'ENV') for (const p of i.pairs) names.add(p.key);
  return names;
}

// ARGs BuildKit gives every stage without a declaration.
const PREDEFINED = new Set(['HTTP_PROXY', 'HTTPS_PROXY', 'FTP_PROXY', 'NO_PROXY', 'ALL_PROXY', 'http_proxy', 'https_proxy', 'ftp_proxy', 'no_proxy', 'all_proxy']);

/** DW8001 (BuildKit UndefinedVar): a global ARG used inside a stage that does not redeclare it. */
export const undeclaredArgRule = defineRule({
  id: 'DW8001',
  how: 'C',
  level: 'error',
  check({ file, report }) {
    const globals = new Set(file.globals.filter((g) => g.keyword === 'ARG').flatMap((g) => g.pairs.map((p) => p.key)));
    if (globals.size === 0) return;
    for (const s of file.stages) {
      s.instructions.forEach((i, k) => {
        if (i.keyword === 'ARG' || i.keyword === 'ONBUILD') return;
        // RUN: the words the shell expands; other instructions: BuildKit expands their text.
        const text = i.keyword === 'RUN' ? commandsOf(i).flatMap((c) => [...c.words, ...c.assignments]).join(' ') : i.json ? '' : [i.text, ...i.flags.map((f) => f.value ?? '')].join(' ');
        const used = new Set(variablesIn(text).filter((v) => globals.has(v) && !PREDEFINED.has(v)));
        if (used.size === 0) return;
        const known = declared(file, s, k);
        for (const name of used) if (!known.has(name)) report(undeclaredArg(i.keyword === 'RUN' ? 'the command' : i.keyword, name), i.position);
      });
    }
  },
});
