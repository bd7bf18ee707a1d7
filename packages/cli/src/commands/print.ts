import type { ParsedArgs } from '../args/parse-args.js';
import { cliIssue } from '../errors/cli-issue.js';
import { UsageError } from '../errors/usage-error.js';
import type { Io } from '../output/io.js';
import { JSON_SCHEMA_VERSION, printJson } from '../output/json-documents.js';
import { registerLoader } from '../targets/module-loader.js';

/**
 * The `print` command: `dockwright print <file> [--path <path>] [--dockerignore]`. Prints the
 * text `render` would write, on stdout; returns the exit code.
 *
 * @example
 * ```ts
 * process.exitCode = await printCommand({ positionals: ['api/service.dockerfile.ts'], options: {} }, io, process.cwd());
 * ```
 */
export async function printCommand(args: ParsedArgs, io: Io, cwd: string): Promise<number> {
  const [file, ...extra] = args.positionals;
  if (file === undefined) throw new UsageError([cliIssue('DWC1003', 'print needs a target file', 'write `dockwright print <file>`, e.g. dockwright print services/api/service.dockerfile.ts')]);
  if (extra.length > 0) throw new UsageError([cliIssue('DWC1003', `print takes one file, not ${args.positionals.length}`, 'print one target at a time; `dockwright render --check` covers many')]);
  await registerLoader();
  const [{ runPrint }, { formatFailure, formatWarnings }] = await Promise.all([import('../render/run-print.js'), import('../output/format-failure.js')]);
  const path = args.options['path'];
  const result = await runPrint({ cwd, file, dockerignore: args.options['dockerignore'] === true, ...(typeof path === 'string' ? { path } : {}) });
  if (io.json) {
    printJson(io, { schemaVersion: JSON_SCHEMA_VERSION, command: 'print', exitCode: result.ok ? 0 : 1, ...result });
    return result.ok ? 0 : 1;
  }
  if (result.warnings.length > 0) io.err(formatWarnings(result.file, result.policy ?? 'the policy', result.warnings, io.errColors));
  if (!result.ok) {
    io.err(formatFailure(result.file, result.phase, result.issues, io.errColors, result.policy));
    return 1;
  }
  io.out(result.content);
  return 0;
}
