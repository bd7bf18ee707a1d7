import { splitShell } from '../../shell/split-shell.js';
import { instructionsOf, stageNamed } from '../lint-helpers.js';
import { defineRule, problem, type Problem } from '../rule.js';

/** A TypeScript string literal in single quotes. */
const tsString = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;

/**
 * The words of a one-command shell line that sh would pass on as they are: no operators,
 * assignments, expansions or globs. Undefined when the shell does something with it.
 */
function literalWords(text: string): string[] | undefined {
  const commands = splitShell(text);
  const [only] = commands;
  if (commands.length !== 1 || only === undefined || only.assignments.length > 0 || only.words.length === 0) return undefined;
  // Operators and redirections are dropped by splitShell, and an unclosed quote read to the end:
  // outside quotes, none of them may be there.
  if (/[|&;<>()`'"]/.test(text.replace(/'[^']*'|"(?:[^"\\]|\\.)*"/g, ''))) return undefined;
  if (only.words.some((w) => /[$*?[~]/.test(w))) return undefined;
  return [...only.words];
}

/**
 * DW6001: in shell form the process runs under `/bin/sh -c` as PID 1 and never gets SIGTERM.
 * Given the command as written, the fix is that command as an array; a command that needs the
 * shell (pipes, `&&`, variables) is told to call the shell explicitly.
 *
 * @example
 * ```ts
 * shellForm('CMD', 'python app.py --port 80').hint; // "write it as an array: .cmd(['python', 'app.py', '--port', '80'])"
 * ```
 */
export function shellForm(keyword: 'CMD' | 'ENTRYPOINT' | 'HEALTHCHECK', text?: string): Problem {
  const method = keyword.toLowerCase();
  if (keyword === 'HEALTHCHECK' || text === undefined || text.trim() === '') {
    const fix = keyword === 'HEALTHCHECK' ? 'HEALTHCHECK CMD ["curl", "-f", "http://localhost/"]' : `${keyword} ["node", "server.js"]`;
    return problem('DW6001', `${keyword} in shell form`, `write it as an array: .${method}(['node', 'server.js'])`, `write it in JSON form: ${fix}`);
  }
  const words = literalWords(text);
  if (words !== undefined) {
    return problem('DW6001', `${keyword} in shell form`, `write it as an array: .${method}([${words.map(tsString).join(', ')}])`, `write it in JSON form: ${keyword} [${words.map((w) => JSON.stringify(w)).join(', ')}]`);
  }
  const script = text.trim();
  return problem(
    'DW6001',
    `${keyword} in shell form`,
    `write it as an array; it uses the shell, so call it explicitly (better: a script that ends in exec): .${method}(['/bin/sh', '-c', ${tsString(script)}])`,
    `write it in JSON form; it uses the shell, so call it explicitly (better: a script that ends in exec): ${keyword} ["/bin/sh", "-c", ${JSON.stringify(script)}]`,
  );
}

/** DW6001 (hadolint DL3025, BuildKit JSONArgsRecommended). */
export const execFormRule = defineRule({
  id: 'DW6001',
  how: 'C',
  level: 'error',
  check({ file, report }) {
    // A stage that chose its shell with SHELL (or builds on one that did) runs shell forms with it
    // on purpose: from the line of that SHELL on (from the start when inherited).
    const shellFrom: number[] = [];
    for (const s of file.stages) {
      const parent = stageNamed(file, s.base, s.index);
      const own = s.instructions.find((i) => i.keyword === 'SHELL')?.position.line ?? Number.POSITIVE_INFINITY;
      shellFrom[s.index] = parent !== undefined && (shellFrom[parent.index] ?? Number.POSITIVE_INFINITY) < Number.POSITIVE_INFINITY ? 0 : own;
    }
    for (const i of instructionsOf(file, 'CMD', 'ENTRYPOINT', 'HEALTHCHECK')) {
      if (i.json) continue;
      if (i.keyword !== 'HEALTHCHECK' && i.position.line > (shellFrom[i.stage] ?? Number.POSITIVE_INFINITY)) continue;
      // HEALTHCHECK NONE has no command.
      if (i.keyword === 'HEALTHCHECK' && /^\s*none\s*$/i.test(i.text)) continue;
      report(shellForm(i.keyword as 'CMD', i.text), i.position);
    }
  },
});
