import type {
  ArgInstruction,
  ExposeInstruction,
  KeyValue,
  UserInstruction,
  VolumeInstruction,
} from '../ast/instructions.js';
import { printPaths } from './print-copy.js';
import { quoteWord } from './quote.js';

/** `KEY=value` pairs, one per line after the first when there are several. */
export function printPairs(keyword: 'ENV' | 'LABEL', pairs: readonly KeyValue[]): string {
  return `${keyword} ${pairs.map((p) => `${p.key}=${quoteWord(p.value)}`).join(' \\\n    ')}`;
}

export function printArg(arg: ArgInstruction): string {
  return arg.default === undefined ? `ARG ${arg.name}` : `ARG ${arg.name}=${quoteWord(arg.default)}`;
}

export function printExpose(expose: ExposeInstruction): string {
  return `EXPOSE ${expose.ports.map((p) => (p.protocol === 'tcp' ? `${p.port}` : `${p.port}/${p.protocol}`)).join(' ')}`;
}

export function printVolume(volume: VolumeInstruction): string {
  return `VOLUME ${printPaths(volume.paths)}`;
}

export function printUser(user: UserInstruction): string {
  return `USER ${quoteWord(user.group === undefined ? user.user : `${user.user}:${user.group}`)}`;
}
