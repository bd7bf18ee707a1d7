import type { ParsedArgs } from '../args/parse-args.js';
import { cliIssue } from '../errors/cli-issue.js';
import { UsageError } from '../errors/usage-error.js';
import { PLATFORM } from '../config/validate-build-config.js';
import type { Io } from '../output/io.js';
import { packageVersion } from '../package-version.js';
import { registerLoader } from '../targets/module-loader.js';

function platformsOption(value: string | true | undefined): string[] | undefined {
  if (typeof value !== 'string') return undefined;
  const list = value.split(',').map((p) => p.trim()).filter((p) => p !== '');
  const bad = list.filter((p) => !PLATFORM.test(p));
  if (list.length === 0 || bad.length > 0) throw new UsageError([cliIssue('DWC1003', `--platform ${value} is not a list of os/arch[/variant]`, 'write --platform linux/amd64,linux/arm64')]);
  return list;
}

function timeoutOption(value: string | true | undefined): number | undefined {
  if (typeof value !== 'string') return undefined;
  const seconds = Number(value.replace(/s$/, ''));
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 3600) throw new UsageError([cliIssue('DWC1003', `--timeout ${value} is not a number of seconds`, 'write --timeout 30')]);
  return seconds * 1000;
}

/**
 * The `lock` command: `dockwright lock [paths...]`, `--check`, `--update [image...]`. Returns the
 * exit code: 0 done, 1 a registry, a target or the check failed (the lockfile is left as it
 * was), 2 usage or configuration.
 *
 * @example
 * ```ts
 * process.exitCode = await lockCommand({ positionals: [], options: { check: true } }, io, process.cwd());
 * ```
 */
export async function lockCommand(args: ParsedArgs, io: Io, cwd: string): Promise<number> {
  const check = args.options['check'] === true;
  const update = args.options['update'] === true;
  if (check && update) throw new UsageError([cliIssue('DWC1003', '--check and --update cannot be used together', 'check in CI with --check; refresh with --update')]);
  const platforms = platformsOption(args.options['platform']);
  const timeoutMs = timeoutOption(args.options['timeout']);
  await registerLoader();
  const [{ runLock }, { printLockReport }] = await Promise.all([import('../lock/run-lock.js'), import('../output/print-lock-report.js')]);
  const config = args.options['config'];
  const report = await runLock(
    {
      cwd,
      mode: check ? 'check' : update ? 'update' : 'lock',
      paths: update ? [] : args.positionals,
      images: update ? args.positionals : [],
      userAgent: `dockwright/${packageVersion()}`,
      ...(typeof config === 'string' ? { config } : {}),
      ...(platforms === undefined ? {} : { platforms }),
      ...(timeoutMs === undefined ? {} : { timeoutMs }),
    },
    io,
  );
  printLockReport(report, io);
  return report.exitCode;
}
