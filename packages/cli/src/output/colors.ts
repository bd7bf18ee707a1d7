/** Text styles; each is the identity when colour is off. */
export interface Colors {
  readonly enabled: boolean;
  readonly red: (text: string) => string;
  readonly green: (text: string) => string;
  readonly yellow: (text: string) => string;
  readonly cyan: (text: string) => string;
  readonly dim: (text: string) => string;
  readonly bold: (text: string) => string;
}

/**
 * Whether to colour a stream: `FORCE_COLOR` (anything but `0`/`false`) forces colour on, as in
 * Node itself; otherwise a non-empty `NO_COLOR` turns it off; otherwise colour only on a TTY whose
 * `TERM` is not `dumb`.
 *
 * @example
 * ```ts
 * wantsColor(process.stdout, process.env); // false when piped
 * ```
 */
export function wantsColor(stream: { readonly isTTY?: boolean }, env: Readonly<Record<string, string | undefined>>): boolean {
  const force = env['FORCE_COLOR'];
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  return stream.isTTY === true && env['TERM'] !== 'dumb';
}

const style = (enabled: boolean, open: number, close: number) => (text: string) => (enabled ? `\u001b[${open}m${text}\u001b[${close}m` : text);

/**
 * The styles for one stream.
 *
 * @example
 * ```ts
 * const c = colors(wantsColor(process.stderr, process.env));
 * process.stderr.write(`${c.red('✖')} failed\n`);
 * ```
 */
export function colors(enabled: boolean): Colors {
  return Object.freeze({
    enabled,
    red: style(enabled, 31, 39),
    green: style(enabled, 32, 39),
    yellow: style(enabled, 33, 39),
    cyan: style(enabled, 36, 39),
    dim: style(enabled, 2, 22),
    bold: style(enabled, 1, 22),
  });
}
