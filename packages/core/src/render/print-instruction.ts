import type { FromInstruction, Instruction } from '../ast/instructions.js';
import { printAdd, printCopy } from './print-copy.js';
import { printArg, printExpose, printPairs, printUser, printVolume } from './print-metadata.js';
import { printHealthcheck } from './print-process.js';
import { printBaseRef } from './print-refs.js';
import { printRun } from './print-run.js';
import { STAGE_NAME } from '../lexical/names.js';
import { commentText, execForm, flagValue, quoteWord, token } from '../lexical/quote.js';

/** `FROM [--platform=...] image AS name`. */
export function printFrom(from: FromInstruction, name: string): string {
  const platform = from.platform === undefined ? '' : `--platform=${flagValue(from.platform)} `;
  return `FROM ${platform}${printBaseRef(from.base)} AS ${token(name, (n) => STAGE_NAME.test(n), 'a stage name')}`;
}

/** One instruction as text (possibly several physical lines); an exhaustive switch on `kind`. */
export function printInstruction(node: Instruction): string {
  switch (node.kind) {
    case 'Run':
      return printRun(node);
    case 'Copy':
      return printCopy(node);
    case 'Add':
      return printAdd(node);
    case 'Env':
      return printPairs('ENV', node.pairs);
    case 'Label':
      return printPairs('LABEL', node.pairs);
    case 'Arg':
      return printArg(node);
    case 'Workdir':
      return `WORKDIR ${quoteWord(node.path)}`;
    case 'Expose':
      return printExpose(node);
    case 'Volume':
      return printVolume(node);
    case 'User':
      return printUser(node);
    case 'Healthcheck':
      return printHealthcheck(node);
    case 'Cmd':
      return `CMD ${execForm(node.argv)}`;
    case 'Entrypoint':
      return `ENTRYPOINT ${execForm(node.argv)}`;
    case 'Shell':
      return `SHELL ${execForm(node.argv)}`;
    case 'StopSignal':
      return `STOPSIGNAL ${quoteWord(node.signal)}`;
    case 'OnBuild':
      return `ONBUILD ${printInstruction(node.instruction)}`;
    case 'Comment':
      return node.text === '' ? '#' : `# ${commentText(node.text, 'a comment')}`;
    case 'Waiver':
      return `# dockwright:allow ${token(node.code, (c) => /^DW\d{4}$/.test(c), 'a rule code')} ${commentText(node.reason, 'a reason')}`;
    case 'Raw':
      // The one unchecked door: the line as given (one line), after the reason it was given for.
      return `# dockwright:raw ${commentText(node.reason, 'a reason')}\n${token(node.text, (t) => !/\\\s*$/.test(t), 'a raw line (one line, not ending in a continuation)')}`;
  }
}
