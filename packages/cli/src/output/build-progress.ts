import type { Io } from './io.js';

/** Progress of several builds at once: one line per build. */
export interface BuildProgress {
  start(name: string): void;
  step(name: string, title: string): void;
  finish(name: string, line: string): void;
  done(): void;
}

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/**
 * On a terminal (stderr, not JSON, not quiet): one line per build, redrawn in place ten times a
 * second, with its time and the step it is at; a finished build's line stays as `finish` wrote
 * it. Elsewhere: one line on stderr when a build starts, so a CI log shows what is running.
 *
 * @example
 * ```ts
 * const progress = createBuildProgress(io, ['api', 'web']);
 * progress.start('api');
 * progress.step('api', '[deps 2/4] RUN npm ci');
 * progress.finish('api', '✔ api 12.3s');
 * progress.done();
 * ```
 */
export function createBuildProgress(io: Io, names: readonly string[]): BuildProgress {
  if (io.json || io.quiet) return { start: () => {}, step: () => {}, finish: () => {}, done: () => {} };
  const width = Math.max(...names.map((n) => n.length), 1);
  if (!io.errIsTty) {
    return { start: (name) => io.err(`building ${name}\n`), step: () => {}, finish: () => {}, done: () => {} };
  }
  const c = io.errColors;
  const rows = new Map<string, { started?: number; title: string; final?: string }>(names.map((n) => [n, { title: 'waiting' }]));
  let drawn = 0;
  let frame = 0;
  const columns = () => process.stderr.columns ?? 80;
  const draw = () => {
    frame = (frame + 1) % FRAMES.length;
    const lines = [...rows].map(([name, row]) => {
      if (row.final !== undefined) return row.final;
      const seconds = row.started === undefined ? '' : `${((Date.now() - row.started) / 1000).toFixed(1)}s `;
      const mark = row.started === undefined ? c.dim('·') : c.cyan(FRAMES[frame] ?? '');
      // One terminal row each, or the redraw would leave broken lines behind.
      const room = Math.max(columns() - width - seconds.length - 4, 8);
      const title = row.title.length > room ? `${row.title.slice(0, room - 1)}…` : row.title;
      return `${mark} ${name.padEnd(width)} ${seconds}${c.dim(title)}`;
    });
    io.err(`${drawn > 0 ? `\u001b[${drawn}A` : ''}${lines.map((l) => `\r\u001b[2K${l}\n`).join('')}`);
    drawn = lines.length;
  };
  const timer = setInterval(draw, 100);
  timer.unref();
  return {
    start(name) {
      const row = rows.get(name);
      if (row !== undefined) Object.assign(row, { started: Date.now(), title: 'starting' });
    },
    step(name, title) {
      const row = rows.get(name);
      if (row !== undefined) row.title = title;
    },
    finish(name, line) {
      const row = rows.get(name);
      if (row !== undefined) row.final = line;
    },
    done() {
      clearInterval(timer);
      draw();
    },
  };
}
