import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ImportIssue } from '@dockwright/core';
import type { ParsedArgs } from '../args/parse-args.js';
import { cliIssue, type CliIssue } from '../errors/cli-issue.js';
import { locatedIssue } from '../errors/located-issue.js';
import { UsageError } from '../errors/usage-error.js';
import { displayPath } from '../files/display-path.js';
import type { Io } from '../output/io.js';
import { JSON_SCHEMA_VERSION, printJson } from '../output/json-documents.js';
import { registerLoader } from '../targets/module-loader.js';

/**
 * The `import` command: `dockwright import <Dockerfile>`. Prints a TypeScript module that builds
 * the same instructions with the typed builder; instructions it cannot express stay as
 * `raw(line, 'imported as is')`, each reported on stderr as a DW0011 warning with its place and
 * why (DW0012 for one left out). A file BuildKit would refuse is reported with its line and
 * column (exit 1).
 *
 * @example
 * ```ts
 * process.exitCode = await importCommand({ positionals: ['Dockerfile'], options: {} }, io, process.cwd());
 * ```
 */
export async function importCommand(args: ParsedArgs, io: Io, cwd: string): Promise<number> {
  const [given, ...extra] = args.positionals;
  if (given === undefined) throw new UsageError([cliIssue('DWC1003', 'import needs a Dockerfile', 'write `dockwright import <Dockerfile>`, e.g. dockwright import Dockerfile > app.dockerfile.ts')]);
  if (extra.length > 0) throw new UsageError([cliIssue('DWC1003', `import takes one file, not ${args.positionals.length}`, 'import one Dockerfile at a time')]);
  const path = resolve(cwd, given);
  const info = await stat(path).catch(() => undefined);
  if (info === undefined || !info.isFile()) throw new UsageError([cliIssue('DWC1004', `no such file: ${given}`, 'give the path of a Dockerfile, relative to the working directory (--cwd)')]);
  const file = displayPath(cwd, path);
  // Core is TypeScript in a source checkout; the loader lets it be imported there too.
  await registerLoader();
  const [{ importDockerfile }, { formatProblems }] = await Promise.all([import('@dockwright/core'), import('../output/format-problems.js')]);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const issue = cliIssue('DWC3004', `cannot read ${file}: ${(error as Error).message}`, 'check that the file is readable');
    if (io.json) printJson(io, { schemaVersion: JSON_SCHEMA_VERSION, command: 'import', ok: false, exitCode: 1, file, issues: [issue] });
    else io.err(formatProblems([issue], io.errColors));
    return 1;
  }
  const result = importDockerfile(text);
  const located = (e: ImportIssue): CliIssue => locatedIssue(file, e);
  if (!result.ok) {
    const issues = result.errors.map(located);
    if (io.json) printJson(io, { schemaVersion: JSON_SCHEMA_VERSION, command: 'import', ok: false, exitCode: 1, file, issues });
    else io.err(`${io.errColors.red('✖')} ${file} was not imported\n${formatProblems(issues, io.errColors, '  ')}`);
    return 1;
  }
  if (io.json) {
    printJson(io, { schemaVersion: JSON_SCHEMA_VERSION, command: 'import', ok: true, exitCode: 0, file, source: result.source, raw: result.raw, skipped: result.skipped, issues: result.issues.map(located), notes: result.notes });
    return 0;
  }
  io.out(result.source);
  if (io.quiet) return 0;
  if (result.raw > 0 || result.skipped.length > 0) {
    const notes = [`${result.raw} ${result.raw === 1 ? 'instruction' : 'instructions'} kept as raw(..., 'imported as is')`];
    if (result.skipped.length > 0) notes.push(`${result.skipped.length} not imported (see the comments in the output)`);
    io.err(`${io.errColors.yellow('!')} ${file}: ${notes.join('; ')}\n`);
  }
  // Each instruction not written as a builder call (coded, with its place), and each other place
  // where the module's Dockerfile is not the input line for line, in the order of the file.
  const lines = [
    ...result.issues.map((i) => ({ line: i.range.start.line, text: formatProblems([located(i)], io.errColors, '  ', '⚠') })),
    ...result.notes.map((n) => ({ line: n.line, text: `  ${file}:${n.line}: ${n.message}\n` })),
  ].sort((a, b) => a.line - b.line);
  for (const entry of lines) io.err(entry.text);
  return 0;
}
