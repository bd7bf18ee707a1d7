import type { Io } from './io.js';

/** A progress count on stderr: `tick()` after each target, `done()` to clear the line. */
export interface Progress {
  tick(label: string): void;
  done(): void;
}

/** Targets from which progress is worth drawing. */
export const PROGRESS_THRESHOLD = 10;

/**
 * A `[12/200] services/api/service.dockerfile.ts` line redrawn in place on stderr, only when
 * stderr is a terminal, there are at least PROGRESS_THRESHOLD targets, and the output is neither
 * JSON nor quiet; otherwise it draws nothing.
 *
 * @example
 * ```ts
 * const progress = createProgress(io, targets.length, 'rendering');
 * for (const t of targets) progress.tick(t.file);
 * progress.done();
 * ```
 */
export function createProgress(io: Io, total: number, verb: string): Progress {
  if (!io.errIsTty || io.json || io.quiet || total < PROGRESS_THRESHOLD) return { tick: () => {}, done: () => {} };
  let count = 0;
  let drawn = false;
  const columns = process.stderr.columns ?? 80;
  return {
    tick(label) {
      count += 1;
      const line = `${verb} [${count}/${total}] ${label}`;
      io.err(`\r\u001b[2K${io.errColors.dim(line.length > columns - 1 ? `${line.slice(0, columns - 2)}…` : line)}`);
      drawn = true;
    },
    done() {
      if (drawn) io.err('\r\u001b[2K');
    },
  };
}
