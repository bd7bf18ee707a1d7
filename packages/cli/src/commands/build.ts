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
  await registerLoader();
  const [{ runBuild }, { printBuildReport }] = await Promise.all([import('../build/run-build.js'), import('../output/print-build-report.js')]);
  const config = args.options['config'];
  const report = await runBuild({ cwd, paths: args.positionals, dryRun: args.options['dry-run'] === true, args, ...(typeof config === 'string' ? { config } : {}) }, io);
  printBuildReport(report, io);
  return report.exitCode;
}
