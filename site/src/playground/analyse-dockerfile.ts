// The Dockerfile tab: lint findings, the canonical format and the builder code of a pasted
// Dockerfile, from core's own lintDockerfile(), format() and importDockerfile().
import { format, formatIssue, importDockerfile, lintDockerfile, type LintDiagnostic } from '@dockwright/core';

export interface DockerfileAnalysis {
  readonly findings: readonly LintDiagnostic[];
  /** The formatted text, or why it cannot be formatted. */
  readonly formatted: { readonly ok: true; readonly text: string; readonly changed: boolean } | { readonly ok: false; readonly errors: readonly string[] };
  /** The builder program, or why it cannot be imported. */
  readonly imported: { readonly ok: true; readonly source: string; readonly raw: number } | { readonly ok: false; readonly errors: readonly string[] };
}

// Format and import problems in the lines `dockwright lint` prints: `✖ Dockerfile:2:1 CODE message`.
const located = (e: Parameters<typeof formatIssue>[0]) => formatIssue(e, { layout: 'place-first', file: 'Dockerfile' });

/**
 * Lints, formats and imports a Dockerfile; never throws.
 *
 * @example
 * ```ts
 * analyseDockerfile('FROM node:latest\n').findings[0]?.rule; // 'DW1002'
 * ```
 */
export function analyseDockerfile(text: string): DockerfileAnalysis {
  const findings = lintDockerfile(text);
  const f = format(text);
  const i = importDockerfile(text);
  return {
    findings,
    formatted: f.ok ? { ok: true, text: f.text, changed: f.changed } : { ok: false, errors: f.errors.map(located) },
    imported: i.ok ? { ok: true, source: i.source, raw: i.raw } : { ok: false, errors: i.errors.map(located) },
  };
}
