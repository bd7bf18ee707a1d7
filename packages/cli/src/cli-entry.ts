/** The file of the running `dockwright` command, absolute, set by cli.ts as it starts. */
let entry: string | undefined;

/**
 * Records the command's own file, for the runs `--watch` starts: `process.argv[1]` may be
 * relative (under tsx), and the command changes directory (`--cwd`) before it runs.
 *
 * @example
 * ```ts
 * setCliEntry(fileURLToPath(import.meta.url));
 * ```
 */
export function setCliEntry(file: string): void {
  entry = file;
}

/**
 * The command's own file, to start it again.
 *
 * @example
 * ```ts
 * spawn(process.execPath, [...process.execArgv, cliEntry(), 'render']);
 * ```
 */
export function cliEntry(): string {
  if (entry === undefined) throw new Error('the dockwright entry point is not set: start the command through cli.ts');
  return entry;
}
