import { editDistance } from '../../errors/suggest.js';
import type { LintFile, LintStage } from '../lint-file.js';
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

/**
 * DW8001: a variable nothing defines, in an instruction the builder expands (BuildKit's
 * UndefinedVar): it expands empty.
 *
 * @example
 * ```ts
 * undefinedVariable('ENV', 'PAHT', 'PATH').message; // 'ENV uses $PAHT, which is not defined (did you mean $PATH?)'
 * ```
 */
export function undefinedVariable(what: string, name: string, suggestion?: string): Problem {
  const mean = suggestion === undefined ? '' : ` (did you mean $${suggestion}?)`;
  return problem('DW8001', `${what} uses $${name}, which is not defined${mean}`, `define it first with .arg() or .env(), or fix the name${suggestion === undefined ? '' : ` ($${suggestion})`}`, `declare it first (ARG ${name} or ENV ${name}=...), or fix the name${suggestion === undefined ? '' : ` ($${suggestion})`}`);
}

/** The known name `name` is a misspelling of, if any. */
function misspelling(name: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  for (const k of known) if (k !== name && k.length > 2 && editDistance(name.toUpperCase(), k.toUpperCase()) <= (k.length > 5 ? 2 : 1) && best === undefined) best = k;
  return best;
}

// Variables every Linux image has, and the platform ARGs BuildKit defines.
const WELL_KNOWN = ['PATH', 'HOME', 'HOSTNAME', 'TERM', 'USER', 'SHELL', 'LANG', 'PWD'];
const PLATFORM = ['TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT', 'BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT'];
// Instructions whose arguments the builder expands.
const EXPANDED = new Set(['ADD', 'COPY', 'ENV', 'EXPOSE', 'LABEL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR']);

/** True when the stage and the stages it builds on start FROM scratch: no image can define a variable. */
function fromScratch(file: LintFile, stage: LintStage, depth = 0): boolean {
  const parent = stageNamed(file, stage.base, stage.index);
  if (parent !== undefined && depth <= file.stages.length) return fromScratch(file, parent, depth + 1);
  return stage.base.toLowerCase() === 'scratch';
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
    // Undefined variables. FROM flags see only the global ARGs and the platform ARGs, so there any
    // other name is undefined. Elsewhere the base image may define it (BuildKit reads its ENV; lint
    // pulls no image): a name is reported there when the stage starts FROM scratch, or when it is
    // a misspelling of a name that is defined.
    for (const s of file.stages) {
      for (const f of s.from.flags) {
        for (const name of new Set(variablesIn(f.value ?? ''))) {
          if (!globals.has(name) && !PLATFORM.includes(name)) report(undefinedVariable('FROM', name, misspelling(name, [...globals, ...PLATFORM])), s.from.position);
        }
      }
      const scratch = fromScratch(file, s);
      s.instructions.forEach((i, k) => {
        if (!EXPANDED.has(i.keyword) || i.json) return;
        const known = declared(file, s, k);
        const own = new Set(i.keyword === 'ENV' ? i.pairs.map((p) => p.key) : []);
        const text = i.keyword === 'ENV' || i.keyword === 'LABEL' ? i.pairs.map((p) => p.value ?? '').join(' ') : [i.text, ...i.flags.map((f) => f.value ?? '')].join(' ');
        for (const name of new Set(variablesIn(text))) {
          if (known.has(name) || own.has(name) || PREDEFINED.has(name) || globals.has(name)) continue;
          const suggestion = misspelling(name, [...known, ...WELL_KNOWN]);
          if (scratch || suggestion !== undefined) report(undefinedVariable(i.keyword, name, suggestion), i.position);
        }
      });
    }
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
