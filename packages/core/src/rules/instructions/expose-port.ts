import { hasVariable, instructionsOf } from '../lint-helpers.js';
import { defineRule, problem, type Problem } from '../rule.js';

/**
 * Reads `80`, `53/udp`: a port from 1 to 65535 and a lowercase protocol; undefined otherwise.
 *
 * @example
 * ```ts
 * parsePort('53/udp'); // { port: 53, protocol: 'udp' }
 * parsePort('80/TCP'); // undefined
 * ```
 */
export function parsePort(spec: string | number): { port: number; protocol: 'tcp' | 'udp' | 'sctp' } | undefined {
  const match = /^(\d{1,5})(?:\/(tcp|udp|sctp))?$/.exec(String(spec));
  const port = Number(match?.[1]);
  if (match === null || !Number.isInteger(port) || port < 1 || port > 65535) return undefined;
  return { port, protocol: (match[2] ?? 'tcp') as 'tcp' | 'udp' | 'sctp' };
}

/**
 * DW6007: a port out of range, an upper-case protocol, or a `host:container` mapping, which
 * EXPOSE does not take.
 *
 * @example
 * ```ts
 * exposePort(70000)?.code; // 'DW6007'
 * ```
 */
export function exposePort(spec: string | number): Problem | undefined {
  if (parsePort(spec) !== undefined) return undefined;
  return problem('DW6007', `${JSON.stringify(spec)} is not a port`, 'write a port from 1 to 65535, optionally with /tcp, /udp or /sctp in lowercase');
}

/** DW6007 (hadolint DL3011; BuildKit ExposeProtoCasing, ExposeInvalidFormat). */
export const exposePortRule = defineRule({
  id: 'DW6007',
  how: 'C',
  level: 'error',
  check({ file, report }) {
    for (const e of instructionsOf(file, 'EXPOSE')) {
      for (const spec of e.args) {
        if (hasVariable(spec)) continue;
        // A range such as 8000-8010/tcp is valid: check both ends.
        const range = /^(\d+)-(\d+)(\/.*)?$/.exec(spec);
        const parts = range === null ? [spec] : [`${range[1]}${range[3] ?? ''}`, `${range[2]}${range[3] ?? ''}`];
        if (parts.some((p) => parsePort(p) === undefined)) report(exposePort(spec) as Problem, e.position);
      }
    }
  },
});
