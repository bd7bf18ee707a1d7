import type {
  ArgInstruction,
  ExposeInstruction,
  KeyValue,
  UserInstruction,
  VolumeInstruction,
} from '../ast/instructions.js';
import { printPaths } from './print-copy.js';
import { badLabelKey, badVariableName, VAR_NAME } from '../lexical/names.js';
import { quoteWord, token } from '../lexical/quote.js';

/** `KEY=value` pairs, one per line after the first when there are several. */
// Keys are written bare: an ENV key is a shell variable name, a LABEL key a reverse-DNS-like name.
const KEY: Record<'ENV' | 'LABEL', (k: string) => boolean> = { ENV: (k) => VAR_NAME.test(k), LABEL: (k) => /^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(k) };

export function printPairs(keyword: 'ENV' | 'LABEL', pairs: readonly KeyValue[]): string {
  const refusal = keyword === 'ENV' ? (k: string) => badVariableName('ENV', k) : badLabelKey;
  return `${keyword} ${pairs.map((p) => `${token(p.key, KEY[keyword], `a ${keyword} key`, refusal)}=${quoteWord(p.value)}`).join(' \\\n    ')}`;
}

export function printArg(arg: ArgInstruction): string {
  const name = token(arg.name, (n) => VAR_NAME.test(n), 'an ARG name', (n) => badVariableName('ARG', n));
  return arg.default === undefined ? `ARG ${name}` : `ARG ${name}=${quoteWord(arg.default)}`;
}

const port = (p: unknown) => token(p, (v) => /^\d{1,5}$/.test(v) && Number(v) >= 1 && Number(v) <= 65535, 'an EXPOSE port');

export function printExpose(expose: ExposeInstruction): string {
  return `EXPOSE ${expose.ports.map((p) => (p.protocol === 'tcp' ? port(p.port) : `${port(p.port)}/${token(p.protocol, (v) => v === 'udp' || v === 'sctp', 'a protocol')}`)).join(' ')}`;
}

export function printVolume(volume: VolumeInstruction): string {
  return `VOLUME ${printPaths(volume.paths)}`;
}

export function printUser(user: UserInstruction): string {
  return `USER ${quoteWord(user.group === undefined ? user.user : `${user.user}:${user.group}`)}`;
}
