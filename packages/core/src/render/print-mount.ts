import type { Mount } from '../ast/mount.js';
import { MOUNT_VALUE } from '../validate/values.js';
import { printBaseRef } from './print-refs.js';
import { token } from '../lexical/quote.js';

/** `--mount=type=...` with options in one fixed order, so equal mounts render equal bytes. */
export function printMount(m: Mount): string {
  const o: string[] = [`type=${m.type}`];
  // Values are checked by the mount functions; this keeps a hand-made AST to what a mount option carries.
  const add = (key: string, value: string | number | undefined) => {
    if (value !== undefined) o.push(`${key}=${token(value, (v) => MOUNT_VALUE.test(v) || /^\$\{?[A-Za-z_]\w*\}?$/.test(v) || /^[\w./:@-]+:\$\{?[A-Za-z_]\w*\}?/.test(v), `mount option ${key}`)}`);
  };
  switch (m.type) {
    case 'cache':
      add('id', m.id);
      add('target', m.target);
      add('source', m.source);
      add('from', m.from && printBaseRef(m.from, 'flag'));
      add('sharing', m.sharing);
      add('mode', m.mode);
      add('uid', m.uid);
      add('gid', m.gid);
      if (m.readonly === true) o.push('readonly');
      break;
    case 'bind':
      add('target', m.target);
      add('source', m.source);
      add('from', m.from && printBaseRef(m.from, 'flag'));
      if (m.readwrite === true) o.push('readwrite');
      break;
    case 'secret':
      add('id', m.id);
      add('target', m.target);
      add('env', m.env);
      add('required', m.required === undefined ? undefined : String(m.required));
      add('mode', m.mode);
      add('uid', m.uid);
      add('gid', m.gid);
      break;
    case 'ssh':
      add('id', m.id);
      add('target', m.target);
      add('required', m.required === undefined ? undefined : String(m.required));
      add('mode', m.mode);
      add('uid', m.uid);
      add('gid', m.gid);
      break;
    case 'tmpfs':
      add('target', m.target);
      add('size', m.size);
      break;
  }
  return `--mount=${o.join(',')}`;
}
