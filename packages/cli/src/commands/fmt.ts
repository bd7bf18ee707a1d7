import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ParsedArgs } from '../args/parse-args.js';
import { cliIssue, type CliIssue } from '../errors/cli-issue.js';
import { locatedIssue } from '../errors/located-issue.js';
import { UsageError } from '../errors/usage-error.js';
import { displayPath } from '../files/display-path.js';
import { findDockerfiles } from '../lint/find-dockerfiles.js';
import type { Io } from '../output/io.js';
import { JSON_SCHEMA_VERSION, printJson, type FmtFileReport } from '../output/json-documents.js';
import { registerLoader } from '../targets/module-loader.js';

/** What `fmt` did with one file. */
type FmtFile = FmtFileReport;

/** The files to format: the paths given (a directory means the Dockerfiles in it), or every Dockerfile under cwd. */
async function resolveFiles(cwd: string, paths: readonly string[]): Promise<string[]> {
  if (paths.length === 0) {
    const found = findDockerfiles(cwd);
    if (found.length === 0) throw new UsageError([cliIssue('DWC1006', 'no Dockerfile in .', 'give the files to format, e.g. dockwright fmt Dockerfile; without paths, fmt looks for Dockerfile, Dockerfile.<name> and <name>.Dockerfile')]);
    return found;
  }
  const files: string[] = [];
  const issues: CliIssue[] = [];
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    const info = await stat(absolute).catch(() => undefined);
    if (info === undefined) issues.push(cliIssue('DWC1004', `no such file or directory: ${path}`, 'check the path; it is relative to the working directory (--cwd)'));
    else if (info.isDirectory()) {
      const inside = findDockerfiles(absolute);
      if (inside.length === 0) issues.push(cliIssue('DWC1006', `no Dockerfile in ${path}`, 'name files Dockerfile, Dockerfile.<name> or <name>.Dockerfile, or give the file itself'));
      files.push(...inside);
    } else files.push(absolute);
  }
  const [first, ...rest] = issues;
  if (first !== undefined) throw new UsageError([first, ...rest]);
  return [...new Set(files)];
}

/**
 * The `fmt` command: `dockwright fmt [paths...] [--check]`. Formats written Dockerfiles in the
 * canonical format, writing each changed file atomically; with `--check`, writes nothing, prints
 * a diff of each file that is not formatted and exits 1 if there is one. A file BuildKit would
 * refuse is reported with its line and column and left as it is (exit 1).
 *
 * @example
 * ```ts
 * process.exitCode = await fmtCommand({ positionals: ['Dockerfile'], options: { check: true } }, io, process.cwd());
 * ```
 */
export async function fmtCommand(args: ParsedArgs, io: Io, cwd: string): Promise<number> {
  const check = args.options['check'] === true;
  const files = await resolveFiles(cwd, args.positionals);
  // Core is TypeScript in a source checkout; the loader lets it be imported there too.
  await registerLoader();
  const [{ format }, { writeAtomic }, { unifiedDiff }, { formatProblems }, { colorDiff }] = await Promise.all([
    import('@dockwright/core'),
    import('../files/write-atomic.js'),
    import('../files/unified-diff.js'),
    import('../output/format-problems.js'),
    import('../output/color-diff.js'),
  ]);
  const results: FmtFile[] = [];
  for (const path of files) {
    const file = displayPath(cwd, path);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      results.push({ file, status: 'failed', issues: [cliIssue('DWC3004', `cannot read ${file}: ${(error as Error).message}`, 'check that the file exists and is readable')] });
      continue;
    }
    const result = format(text);
    if (!result.ok) {
      results.push({ file, status: 'failed', issues: result.errors.map((e) => locatedIssue(file, e)) });
      continue;
    }
    if (!result.changed) results.push({ file, status: 'unchanged' });
    else if (check) results.push({ file, status: 'unformatted', diff: unifiedDiff(text, result.text, { from: `a/${file}`, to: `b/${file}` }) });
    else {
      try {
        await writeAtomic(path, result.text);
        results.push({ file, status: 'formatted' });
      } catch (error) {
        results.push({ file, status: 'failed', issues: [cliIssue('DWC3004', `cannot write ${file}: ${(error as Error).message}`, 'check the permissions of the file and its directory')] });
      }
    }
  }

  const failed = results.filter((r) => r.status === 'failed').length;
  const unformatted = results.filter((r) => r.status === 'unformatted').length;
  const exitCode = failed > 0 || unformatted > 0 ? 1 : 0;
  if (io.json) {
    printJson(io, { schemaVersion: JSON_SCHEMA_VERSION, command: 'fmt', check, ok: exitCode === 0, exitCode, files: results });
    return exitCode;
  }
  const c = io.outColors;
  for (const r of results) {
    if (r.status === 'formatted' && !io.quiet) io.out(`${c.green('formatted')} ${r.file}\n`);
    if (r.status === 'unformatted') io.out(colorDiff(r.diff ?? '', c));
    if (r.status === 'failed') io.err(`${io.errColors.red('✖')} ${r.file} was not formatted\n${formatProblems(r.issues ?? [], io.errColors, '  ')}`);
  }
  const counts = (['formatted', 'unchanged', 'unformatted', 'failed'] as const)
    .map((status) => [status, results.filter((r) => r.status === status).length] as const)
    .filter(([, n]) => n > 0)
    .map(([status, n]) => `${n} ${status === 'unformatted' ? 'not formatted' : status}`);
  const summary = `${results.length} ${results.length === 1 ? 'file' : 'files'}: ${counts.join(', ')}`;
  if (exitCode === 0) {
    if (!io.quiet) io.out(`${c.green('✔')} ${summary}\n`);
  } else io.err(`${io.errColors.red('✖')} ${summary}${unformatted > 0 ? '; run `dockwright fmt` to format them' : ''}\n`);
  return exitCode;
}
