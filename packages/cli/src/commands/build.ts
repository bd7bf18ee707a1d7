import type { ParsedArgs } from '../args/parse-args.js';
import type { Io } from '../output/io.js';
import { registerLoader } from '../targets/module-loader.js';

/**
 * The `build` command: `dockwright build [paths...] [options]`: renders, then builds every
 * target's image with the engine. Returns the exit code (0 all built, 1 a target failed, 2 a
 * usage problem).
 *
 * @example
 * ```ts
 * process.exitCode = await buildCommand({ positionals: ['services/api'], options: { push: true } }, io, process.cwd());
 * ```
 */
export async function buildCommand(args: ParsedArgs, io: Io, cwd: string): Promise<number> {
  if (args.options['watch'] === true) {
    const { runWatch, optionArgs } = await import('../watch/run-watch.js');
    return runWatch({ cwd, command: 'build', paths: args.positionals, args: optionArgs(args) }, io);
  }
  await registerLoader();
  const [{ runBuild }, { printBuildReport }, { printRenderReport }] = await Promise.all([import('../build/run-build.js'), import('../output/print-build-report.js'), import('../output/print-render-report.js')]);
  const config = args.options['config'];
  // What the render wrote is shown before the builds start; with --json, all at the end.
  const early = !io.json;
  const onRendered = early ? (render: Parameters<typeof printRenderReport>[0]) => printRenderReport(render, io, { summary: false }) : undefined;
  const report = await runBuild({ cwd, paths: args.positionals, dryRun: args.options['dry-run'] === true, force: args.options['force'] === true, args, ...(typeof config === 'string' ? { config } : {}), ...(onRendered === undefined ? {} : { onRendered }) }, io);
  printBuildReport(report, io, { renderPrinted: early });
  return report.exitCode;
}
