import type { AddInstruction, CopyInstruction } from '../ast/instructions.js';
import type { Text } from '../ast/text.js';
import { printBaseRef } from './print-refs.js';
import { isDigest } from '../images/image-name.js';
import { OCTAL_MODE } from '../validate/values.js';
import { barePath, expandedJsonForm, flagValue, isBarePath, token } from '../lexical/quote.js';

const mode = (m: string) => token(m, (v) => OCTAL_MODE.test(v), 'a file mode');

/** Paths as bare words when every one is plain, else the JSON form (spaces, quotes, `$`, leading `-`). */
export function printPaths(paths: readonly Text[]): string {
  const bare = paths.every((p) => isBarePath(p) && !barePath(p).startsWith('-'));
  return bare ? paths.map(barePath).join(' ') : expandedJsonForm(paths);
}

/** COPY with flags in a fixed order: --from, --chown, --chmod, --link, --parents, --exclude. */
export function printCopy(copy: CopyInstruction): string {
  const flags: string[] = [];
  if (copy.from !== undefined) flags.push(`--from=${printBaseRef(copy.from, 'flag')}`);
  if (copy.chown !== undefined) flags.push(`--chown=${flagValue(copy.chown)}`);
  if (copy.chmod !== undefined) flags.push(`--chmod=${mode(copy.chmod)}`);
  if (copy.link === true) flags.push('--link');
  if (copy.parents === true) flags.push('--parents');
  for (const pattern of copy.exclude) flags.push(`--exclude=${flagValue(pattern)}`);
  return ['COPY', ...flags, printPaths([...copy.sources, copy.dest])].join(' ');
}

/** ADD, only for a remote file with its checksum, a git repository, or a local archive to unpack. */
export function printAdd(add: AddInstruction): string {
  const flags: string[] = [];
  const source = add.source;
  if (source.kind === 'url') flags.push(`--checksum=${token(source.checksum, isDigest, 'a checksum')}`);
  if (source.kind === 'git' && source.keepGitDir === true) flags.push('--keep-git-dir=true');
  if (add.chown !== undefined) flags.push(`--chown=${flagValue(add.chown)}`);
  if (add.chmod !== undefined) flags.push(`--chmod=${mode(add.chmod)}`);
  if (add.link === true) flags.push('--link');
  const from = source.kind === 'archive' ? source.path : source.url;
  return ['ADD', ...flags, printPaths([from, add.dest])].join(' ');
}
