import type { ParsedArgs } from '../args/parse-args.js';
import { cliIssue } from '../errors/cli-issue.js';
import { UsageError } from '../errors/usage-error.js';
import type { Io } from '../output/io.js';
import { registerLoader } from '../targets/module-loader.js';

/**
 * The `render` command: `dockwright render [paths...] [--check | --prune] [--config <file>]`. Returns the
 * exit code. The TypeScript loader is registered before the renderer (and `@dockwright/core`)
 * is imported, so both load only when this command runs.
 *
 * @example
 * ```ts
 * process.exitCode = await renderCommand({ positionals: [], options: { check: true } }, io, process.cwd());
 * ```
 */
export async function renderCommand(args: ParsedArgs, io: Io, cwd: string): Promise<number> {
  const check = args.options['check'] === true;
  const prune = args.options['prune'] === true;
  const force = args.options['force'] === true;
  if (check && prune) throw new UsageError([cliIssue('DWC1003', '--check and --prune cannot be used together', 'check in CI with --check, which writes and deletes nothing; delete leftover files with `dockwright render --prune`')]);
  if (check && force) throw new UsageError([cliIssue('DWC1003', '--check and --force cannot be used together', '--check writes nothing; --force lets render overwrite files it did not write')]);
  if (args.options['watch'] === true) {
    if (check || prune) throw new UsageError([cliIssue('DWC1003', `--watch cannot be used with --${check ? 'check' : 'prune'}`, 'watch with `dockwright render --watch`; check once with `dockwright render --check`')]);
    const { runWatch, optionArgs } = await import('../watch/run-watch.js');
    return runWatch({ cwd, command: 'render', paths: args.positionals, args: optionArgs(args) }, io);
  }
  await registerLoader();
  const [{ runRender }, { printRenderReport }] = await Promise.all([import('../render/run-render.js'), import('../output/print-render-report.js')]);
  const config = args.options['config'];
  const report = await runRender({ cwd, paths: args.positionals, check, prune, force, ...(typeof config === 'string' ? { config } : {}) }, io);
  printRenderReport(report, io);
  return report.exitCode;
}
