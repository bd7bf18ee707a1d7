import type { Image } from '../builder/image.js';
import { bindMount, cacheMount, secretMount, sshMount, tmpfsMount, type BindMountOptions, type CacheMountOptions, type MountValue, type SecretMountOptions, type SshMountOptions } from '../builder/mounts.js';
import type { StageSource } from '../builder/stage-source.js';
import { argumentsCode } from './builder-call.js';
import { literal, options, type Code } from './code.js';
import { mountOptions } from './mount-options.js';

/** What a mount helper call is made of, or why no helper says it. */
export type MountCall = { readonly ok: true; readonly mount: Code<MountValue> } | { readonly ok: false; readonly reason: string };

const SHARING = ['shared', 'private', 'locked'] as const;
const isSharing = (v: string): v is (typeof SHARING)[number] => (SHARING as readonly string[]).includes(v);

/**
 * `--mount=...` as a mount helper call (`cacheMount('/root/.cache', { sharing: 'locked' })`), or
 * why the helpers cannot say it. `from` finds the stage or image a `from=` option names.
 *
 * @example
 * ```ts
 * mountCall('type=cache,target=/root/.cache', () => undefined); // { ok: true, mount: { code: "cacheMount('/root/.cache')", ... } }
 * ```
 */
export function mountCall(value: string, from: (name: string) => Code<StageSource | Image> | undefined): MountCall {
  const found = mountOptions(value);
  if (found === undefined) return { ok: false, reason: 'a --mount with quotes in it, which the mount helpers do not read' };
  const given = found;
  const text = (key: string): Code<string> | undefined => {
    const v = given.get(key);
    given.delete(key);
    return typeof v === 'string' ? literal(v) : undefined;
  };
  let bad: string | undefined;
  const flag = (key: string): Code<boolean> | undefined => {
    const v = given.get(key);
    given.delete(key);
    return v === undefined ? undefined : literal(v === true || v === 'true');
  };
  const number = (key: string): Code<number> | undefined => {
    const v = text(key);
    if (v === undefined) return undefined;
    if (!/^\d+$/.test(v.value)) bad = `${key}=${v.value} is not a number`;
    return literal(Number(v.value));
  };
  const type = text('type')?.value;
  const target = text('target');
  const fromName = text('from')?.value;
  const source = fromName === undefined ? undefined : from(fromName);
  if (fromName !== undefined && source === undefined) return { ok: false, reason: `the mount's from=${fromName} names no stage or image the builder can refer to` };
  let mount: Code<MountValue>;
  if (type === 'cache' && target !== undefined) {
    const id = text('id');
    const sharingText = text('sharing');
    if (sharingText !== undefined && !isSharing(sharingText.value)) return { ok: false, reason: `sharing=${sharingText.value} is not shared, private or locked` };
    const sharing = sharingText === undefined || !isSharing(sharingText.value) ? undefined : literal(sharingText.value);
    const opts = options<CacheMountOptions>({ id, sharing, from: source, source: text('source'), mode: text('mode'), uid: number('uid'), gid: number('gid'), readonly: flag('readonly') });
    mount = { code: `cacheMount(${argumentsCode(target, opts)})`, value: cacheMount(target.value, opts?.value) };
  } else if (type === 'bind' && target !== undefined) {
    const opts = options<BindMountOptions>({ source: text('source'), from: source, readwrite: flag('readwrite') });
    mount = { code: `bindMount(${argumentsCode(target, opts)})`, value: bindMount(target.value, opts?.value) };
  } else if (type === 'secret' && given.has('id')) {
    const id = text('id') as Code<string>;
    const opts = options<SecretMountOptions>({ target, env: text('env'), required: flag('required'), mode: text('mode'), uid: number('uid'), gid: number('gid') });
    mount = { code: `secretMount(${argumentsCode(id, opts)})`, value: secretMount(id.value, opts?.value) };
  } else if (type === 'ssh') {
    const opts = options<SshMountOptions>({ id: text('id'), target, required: flag('required'), mode: text('mode'), uid: number('uid'), gid: number('gid') });
    mount = { code: `sshMount(${argumentsCode(opts)})`, value: sshMount(opts?.value) };
  } else if (type === 'tmpfs' && target !== undefined) {
    const opts = options<{ readonly size?: number }>({ size: number('size') });
    mount = { code: `tmpfsMount(${argumentsCode(target, opts)})`, value: tmpfsMount(target.value, opts?.value) };
  } else return { ok: false, reason: `a ${type ?? 'bind'} mount without the ${type === 'secret' ? 'id' : 'target'} its helper needs` };
  if (given.size > 0) return { ok: false, reason: `a mount option the mount helpers do not take (${[...given.keys()].join(', ')})` };
  if (bad !== undefined) return { ok: false, reason: bad };
  return { ok: true, mount };
}
