import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A thrown value as one message and the place in the user's files it came from, if known. */
export interface ThrownDescription {
  readonly message: string;
  /** `services/api/service.dockerfile.ts:12:7`, relative to the working directory. */
  readonly location?: string;
  /** True for a syntax error found while compiling the module. */
  readonly syntax: boolean;
}

const FRAME = /\(?((?:file:\/\/)?\/[^\s()]+?):(\d+):(\d+)\)?$/;

function toPath(raw: string): string {
  const path = raw.startsWith('file://') ? fileURLToPath(raw.replace(/\?.*$/, '')) : raw.replace(/\?.*$/, '');
  return path;
}

/**
 * Describes a thrown value without its stack: `TypeError: x is not a function`, plus the first
 * stack frame in `preferFile`, else the first one in the user's files (under `cwd`, not in
 * node_modules), or an esbuild syntax error's first location.
 *
 * @example
 * ```ts
 * describeThrown(new Error('boom'), '/repo'); // { message: 'Error: boom', location: 'build.dockerfile.ts:3:7' }
 * ```
 */
export function describeThrown(thrown: unknown, cwd: string, preferFile?: string): ThrownDescription {
  if (!(thrown instanceof Error) && !(typeof thrown === 'object' && thrown !== null && 'message' in thrown)) {
    return { message: `threw ${typeof thrown === 'string' ? JSON.stringify(thrown) : String(thrown)}`, syntax: false };
  }
  const error = thrown as Error & { code?: unknown; errors?: unknown };
  const name = typeof error.name === 'string' && error.name !== '' ? error.name : 'Error';
  // esbuild (through tsx): "Transform failed with 1 error:\n/abs/file.ts:3:10: ERROR: Expected ..."
  const esbuild = /^(\/[^\n]+?):(\d+):(\d+): ERROR: (.+)$/m.exec(String(error.message));
  if (esbuild !== null) {
    const [, file = '', line, column, text = ''] = esbuild;
    return { message: `SyntaxError: ${text}`, location: `${rel(cwd, file)}:${line}:${column}`, syntax: true };
  }
  const first = String(error.message).split('\n')[0] ?? '';
  const message = `${name}: ${first.replaceAll(`${cwd}${sep}`, '').replaceAll(`file://${cwd}/`, '')}`;
  const stack = typeof error.stack === 'string' ? error.stack.split('\n').slice(1) : [];
  const frames = stack.flatMap((line) => {
    const m = FRAME.exec(line.trim());
    return m === null ? [] : [{ path: toPath(m[1] ?? ''), at: `${m[2]}:${m[3]}` }];
  });
  const own = frames.filter((f) => f.path.startsWith(`${cwd}${sep}`) && !f.path.includes(`${sep}node_modules${sep}`));
  const best = own.find((f) => f.path === preferFile) ?? own[0];
  const syntax = name === 'SyntaxError';
  return best === undefined ? { message, syntax } : { message, location: `${rel(cwd, best.path)}:${best.at}`, syntax };
}

function rel(cwd: string, file: string): string {
  return relative(cwd, file).split(sep).join('/');
}
