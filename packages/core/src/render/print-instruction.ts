import type { FromInstruction, Instruction } from '../ast/instructions.js';
import { printAdd, printCopy } from './print-copy.js';
import { printArg, printExpose, printPairs, printUser, printVolume } from './print-metadata.js';
import { printHealthcheck } from './print-process.js';
import { printBaseRef } from './print-refs.js';
import { printRun } from './print-run.js';
import { execForm, flagValue, quoteWord } from './quote.js';

/** `FROM [--platform=...] image AS name`. */
export function printFrom(from: FromInstruction, name: string): string {
  const platform = from.platform === undefined ? '' : `--platform=${flagValue(from.platform)} `;
  return `FROM ${platform}${printBaseRef(from.base)} AS ${name}`;
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
      return node.text === '' ? '#' : `# ${node.text}`;
    case 'Waiver':
      return `# dockwright:allow ${node.code} ${node.reason}`;
    case 'Raw':
      return `# dockwright:raw ${node.reason}\n${node.text}`;
  }
}
