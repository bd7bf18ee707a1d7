import type { RunInstruction, RunStep } from '../ast/instructions.js';
import { printMount } from './print-mount.js';
import { execForm, shellText, token } from '../lexical/quote.js';

const CONT = ' \\\n';
const INDENT = '    ';
const LIST_INDENT = '        ';

function printStep(step: RunStep): string {
  if (step.kind === 'Command') return shellText(step.text);
  return [step.command, ...step.packages.map((p) => `${LIST_INDENT}${p}`)].join(CONT);
}

/** Picks a heredoc delimiter that no line of the body equals. */
export function heredocDelimiter(script: string): string {
  const lines = new Set(script.split('\n').map((l) => l.trim()));
  let delimiter = 'EOF';
  for (let n = 1; lines.has(delimiter); n += 1) delimiter = `EOF${n}`;
  return delimiter;
}

/**
 * RUN: flags first (each on its own line when there is a mount), then the command. Chained
 * shell commands go one per line after `&& `; package lists one per line, indented 8.
 */
export function printRun(run: RunInstruction): string {
  const flags = run.mounts.map(printMount);
  if (run.network !== undefined) flags.push(`--network=${token(run.network, (v) => ['default', 'none', 'host'].includes(v), 'a network')}`);
  if (run.security !== undefined) flags.push(`--security=${token(run.security, (v) => v === 'sandbox' || v === 'insecure', 'a security mode')}`);

  let body: string;
  let tail = '';
  const command = run.command;
  switch (command.form) {
    case 'exec':
      body = execForm(command.argv);
      break;
    case 'heredoc': {
      const delimiter = heredocDelimiter(command.script);
      body = `<<'${delimiter}'`;
      tail = `\n${command.script.replace(/\n$/, '')}\n${delimiter}`;
      break;
    }
    case 'shell':
      body = command.steps.map(printStep).join(`${CONT}${INDENT}&& `);
      break;
  }
  if (run.mounts.length > 0) {
    return `RUN ${[...flags, body].join(`${CONT}${INDENT}`)}${tail}`;
  }
  return `RUN ${[...flags, body].join(' ')}${tail}`;
}
