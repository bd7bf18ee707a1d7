import { colors, wantsColor, type Colors } from './colors.js';

/** Where a command writes, and how: its two streams, their colours, and the output options. */
export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly outColors: Colors;
  readonly errColors: Colors;
  /** Whether stderr is a terminal: progress is only drawn there. */
  readonly errIsTty: boolean;
  readonly json: boolean;
  readonly quiet: boolean;
}

/**
 * The Io of the running process: colour per stream by TTY, `NO_COLOR` and `FORCE_COLOR`, and
 * never with `--json` or `--no-color`.
 *
 * @example
 * ```ts
 * const io = processIo({ json: false, quiet: false });
 * io.out('hello\n');
 * ```
 */
export function processIo(options: { readonly json: boolean; readonly quiet: boolean; readonly noColor?: boolean }): Io {
  const plain = options.json || options.noColor === true;
  return {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    outColors: colors(!plain && wantsColor(process.stdout, process.env)),
    errColors: colors(!plain && wantsColor(process.stderr, process.env)),
    errIsTty: process.stderr.isTTY === true,
    json: options.json,
    quiet: options.quiet,
  };
}
