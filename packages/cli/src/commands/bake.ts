import type { ParsedArgs } from '../args/parse-args.js';
import type { Io } from '../output/io.js';
import { registerLoader } from '../targets/module-loader.js';

/**
 * The `bake` command: `dockwright bake`: renders every target, then writes `docker-bake.json`
 * for `docker buildx bake`. Returns the exit code (0 written, 1 a target failed, 2 usage).
 *
 * @example
 * ```ts
 * process.exitCode = await bakeCommand({ positionals: [], options: {} }, io, process.cwd());
 * ```
 */
export async function bakeCommand(args: ParsedArgs, io: Io, cwd: string): Promise<number> {
  await registerLoader();
  const [{ runBake }, { printBakeReport }] = await Promise.all([import('../bake/run-bake.js'), import('../output/print-bake-report.js')]);
  const config = args.options['config'];
  const report = await runBake({ cwd, force: args.options['force'] === true, ...(typeof config === 'string' ? { config } : {}) }, io);
  printBakeReport(report, io);
  return report.exitCode;
}
