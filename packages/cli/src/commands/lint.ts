import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ParsedArgs } from '../args/parse-args.js';
import { cliIssue, type CliIssue } from '../errors/cli-issue.js';
import { UsageError } from '../errors/usage-error.js';
import { displayPath } from '../files/display-path.js';
import { dockerignoreFor } from '../files/dockerignore-for.js';
import { findDockerfiles } from '../lint/find-dockerfiles.js';
import type { LintedFile } from '../lint/sarif.js';
import type { LintOptions } from '@dockwright/core';
import type { HadolintConfig } from '@dockwright/policy';
import type { Io } from '../output/io.js';
import { JSON_SCHEMA_VERSION, printJson } from '../output/json-documents.js';
import { registerLoader } from '../targets/module-loader.js';
import { issueAt } from '../errors/located-issue.js';

const FORMATS = ['text', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

/** The hadolint configuration named by --from-hadolint, read; a problem in it is a usage error (exit 2). */
async function readHadolint(option: string | boolean | undefined, cwd: string): Promise<HadolintConfig | undefined> {
  if (option === undefined) return undefined;
  if (option === true || option === '') throw new UsageError([cliIssue('DWC1003', '--from-hadolint needs a file', 'write --from-hadolint .hadolint.yaml')]);
  const full = resolve(cwd, option as string);
  let text: string;
  try {
    text = readFileSync(full, 'utf8');
  } catch {
    throw new UsageError([cliIssue('DWC1004', `no such file: ${option as string}`, 'check the path; it is relative to the working directory (--cwd)')]);
  }
  const { issueLocation, readHadolintConfig } = await import('@dockwright/policy');
  const read = readHadolintConfig(text, displayPath(cwd, full));
  if (read.ok) return read.config;
  const [first, ...rest] = read.issues.map((i) => issueAt(i, issueLocation(i)));
  throw new UsageError([first as CliIssue, ...rest]);
}

/** The policy's options with a hadolint configuration on top: its levels win, its lists are added. */
function withHadolint(policy: LintOptions, hadolint: LintOptions | undefined): LintOptions {
  if (hadolint === undefined) return policy;
  return {
    ...policy,
    ...hadolint,
    rules: { ...policy.rules, ...hadolint.rules },
    ...(policy.allowedRegistries !== undefined || hadolint.allowedRegistries !== undefined ? { allowedRegistries: [...(policy.allowedRegistries ?? []), ...(hadolint.allowedRegistries ?? [])] } : {}),
    ...(policy.requiredLabels !== undefined || hadolint.requiredLabels !== undefined ? { requiredLabels: [...new Set([...(policy.requiredLabels ?? []), ...(hadolint.requiredLabels ?? [])])] } : {}),
  };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The files to lint: the paths given (a directory is searched), `-` for stdin, or `.` by default. */
function resolveFiles(cwd: string, paths: readonly string[]): string[] {
  const files: string[] = [];
  const missing: CliIssue[] = [];
  for (const path of paths.length === 0 ? ['.'] : paths) {
    if (path === '-') {
      files.push('-');
      continue;
    }
    const full = resolve(cwd, path);
    let isDir: boolean;
    try {
      isDir = statSync(full).isDirectory();
    } catch {
      missing.push(cliIssue('DWC1004', `no such file or directory: ${path}`, 'check the path; it is relative to the working directory (--cwd)'));
      continue;
    }
    if (!isDir) files.push(full);
    else {
      const inside = findDockerfiles(full);
      if (inside.length === 0) missing.push(cliIssue('DWC1006', `no Dockerfile in ${path}`, 'name files Dockerfile, Dockerfile.<name> or <name>.Dockerfile, or give the file itself'));
      files.push(...inside);
    }
  }
  const [first, ...rest] = missing;
  if (first !== undefined) throw new UsageError([first, ...rest]);
  return [...new Set(files)];
}

/**
 * The `lint` command: `dockwright lint [files...] [--format text|json|sarif]`. Lints written
 * Dockerfiles with the rule catalogue; exits 1 when a finding is an error (or a file cannot be
 * read), 0 otherwise.
 *
 * @example
 * ```ts
 * process.exitCode = await lintCommand({ positionals: ['Dockerfile'], options: { format: 'sarif' } }, io, process.cwd());
 * ```
 */
export async function lintCommand(args: ParsedArgs, io: Io, cwd: string): Promise<number> {
  const given = args.options['format'];
  const asked = given === undefined || given === true ? undefined : given;
  if (asked !== undefined && !FORMATS.includes(asked as Format)) throw new UsageError([cliIssue('DWC1003', `--format ${asked} is not a format`, `write --format ${FORMATS.join(', --format ')}`)]);
  // --json asks for lint's JSON document; another --format asks for another document on the same stdout.
  if (io.json && asked !== undefined && asked !== 'json') {
    throw new UsageError([cliIssue('DWC1003', `--json and --format ${asked} ask for two different outputs`, asked === 'sarif' ? 'write --format sarif alone for SARIF, or --json alone for the JSON report' : `write --json alone, or --format ${asked} alone`)]);
  }
  const format: Format = io.json ? 'json' : ((asked as Format | undefined) ?? 'text');
  const files = resolveFiles(cwd, args.positionals);
  // In this workspace @dockwright/core is TypeScript source; the loader reads it as render does.
  await registerLoader();
  // Each file is judged by the nearest dockwright.policy.yaml, as render does.
  const { lintPolicies } = await import('../lint/lint-policies.js');
  const policies = await lintPolicies(files, cwd);
  const hadolint = await readHadolint(args.options['from-hadolint'], cwd);
  const { codes, lintDockerfile, rules } = await import('@dockwright/core');
  const linted: LintedFile[] = [];
  const unreadable: CliIssue[] = [];
  for (const file of files) {
    const shown = file === '-' ? '-' : displayPath(cwd, file);
    let text: string;
    try {
      text = readFileSync(file === '-' ? 0 : file, 'utf8');
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
      unreadable.push(cliIssue('DWC3004', `cannot read ${shown} (${reason})`, 'check that it is a readable file', {}, shown));
      continue;
    }
    const options = withHadolint(policies.get(file)?.options ?? {}, hadolint?.options);
    // DW6025 reads the ignore file BuildKit would use for it.
    const dockerignore = file === '-' ? undefined : dockerignoreFor(file);
    linted.push({ file: shown, diagnostics: lintDockerfile(text, dockerignore === undefined ? options : { ...options, dockerignore }) });
  }
  const all = linted.flatMap((f) => f.diagnostics);
  const count = (severity: string) => all.filter((d) => d.severity === severity).length;
  const summary = { files: linted.length, errors: count('error'), warnings: count('warning'), infos: count('info') };
  const threshold = hadolint?.failureThreshold ?? 'error';
  const failing = threshold === 'none' ? 0 : threshold === 'error' ? summary.errors : threshold === 'warning' ? summary.errors + summary.warnings : all.length;
  const exitCode = failing > 0 || unreadable.length > 0 ? 1 : 0;
  if (hadolint !== undefined && !io.quiet && format === 'text') for (const note of hadolint.notes) io.err(`note: ${note}\n`);
  if (format === 'sarif') {
    const { toSarif } = await import('../lint/sarif.js');
    const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    // The parser's codes (DW0xxx) are findings too; they get descriptors beside the rules.
    const parseCodes = Object.entries(codes).filter(([id]) => id.startsWith('DW0')).map(([id, info]) => ({ id, title: info.title, twins: info.twins, level: 'error' as const }));
    io.out(`${JSON.stringify(toSarif(linted, [...parseCodes, ...rules], version), null, 2)}\n`);
  } else if (format === 'json') {
    printJson(io, { schemaVersion: JSON_SCHEMA_VERSION, command: 'lint', ok: exitCode === 0, exitCode, summary, files: linted, issues: unreadable });
  } else {
    const { formatFindings } = await import('../output/format-findings.js');
    const c = io.outColors;
    for (const f of linted) {
      const shown = io.quiet ? f.diagnostics.filter((d) => d.severity !== 'info') : f.diagnostics;
      if (shown.length > 0) io.out(`${formatFindings(shown, f.file, c)}\n`);
    }
    const errors = plural(summary.errors, 'error');
    const warnings = plural(summary.warnings, 'warning');
    if (!io.quiet) io.out(`${summary.errors > 0 ? c.red(errors) : errors}, ${summary.warnings > 0 ? c.yellow(warnings) : warnings}, ${plural(summary.infos, 'info')} in ${plural(summary.files, 'file')}\n`);
  }
  if (format !== 'json') {
    const { formatProblems } = await import('../output/format-problems.js');
    if (unreadable.length > 0) io.err(formatProblems(unreadable, io.errColors));
  }
  return exitCode;
}
