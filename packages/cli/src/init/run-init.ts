import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { cliIssue, type CliIssue } from '../errors/cli-issue.js';
import { UsageError } from '../errors/usage-error.js';
import { createNew } from '../files/create-new.js';
import { displayPath } from '../files/display-path.js';
import { readHead } from '../files/read-head.js';
import type { InitReport, InitTargetReport } from '../output/init-report.js';
import { HEADER_BYTES, readGeneratedHeader } from '../render/generated-header.js';
import { targetFilePattern } from '../targets/discover-targets.js';
import { detectProjects } from './detect-projects.js';
import { plannedTargets, type PlannedTarget } from './target-source.js';

/** The options of `dockwright init`. */
export interface InitOptions {
  readonly cwd: string;
  /** The project's directory, as given (default `.`). */
  readonly dir: string;
  /**
   * Asks the user to go ahead with the plan, when there is someone to ask (a terminal, without
   * `--yes`); undefined writes without asking.
   */
  readonly confirm?: (targets: readonly InitTargetReport[]) => Promise<boolean>;
}

const PACKAGES = 'dockwright @dockwright/core @dockwright/presets';

function findUp(dir: string, test: (d: string) => boolean): string | undefined {
  let current = dir;
  for (;;) {
    if (test(current)) return current;
    const parent = dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

/** What to run next: installing the packages (with the project's package manager) when the targets cannot import them yet, then render and build. */
function nextSteps(dir: string, cwd: string): string[] {
  const installed = findUp(dir, (d) => existsSync(join(d, 'node_modules', '@dockwright', 'presets')));
  const steps: string[] = [];
  const at = displayPath(cwd, dir) === '.' ? '' : ` --cwd ${displayPath(cwd, dir)}`;
  if (installed === undefined) {
    const root = findUp(dir, (d) => existsSync(join(d, 'package.json'))) ?? dir;
    const has = (f: string) => existsSync(join(root, f));
    if (!has('package.json')) steps.push('npm init -y');
    steps.push(has('pnpm-lock.yaml') ? `pnpm add -D ${has('pnpm-workspace.yaml') ? '-w ' : ''}${PACKAGES}` : has('yarn.lock') ? `yarn add -D ${PACKAGES}` : `npm install --save-dev ${PACKAGES}`);
  }
  steps.push(`npx dockwright render${at}`, `npx dockwright build${at}`);
  return steps;
}

/** A target whose directory already has a target module writing `Dockerfile` would clash with it. */
function existingTarget(target: PlannedTarget): string | undefined {
  if (existsSync(target.file)) return target.file;
  if (!target.dockerfiles.some((d) => basename(d) === 'Dockerfile')) return undefined;
  const dir = dirname(target.file);
  const other = readdirSync(dir).find((name) => targetFilePattern.test(name) && statSync(join(dir, name)).isFile());
  return other === undefined ? undefined : join(dir, other);
}

/**
 * `dockwright init [dir]`: finds the projects under `dir` (see `detectProjects`) and writes a
 * target module for each (see `plannedTargets`), never over a file that is there: a target whose
 * file exists, or whose directory has another target module writing its Dockerfile, is left
 * alone and reported (DWC6002, exit 1), the others are written. A hand-written Dockerfile that
 * `render --force` would replace is reported too (DWC6003). Nothing found is a usage error (DWC6001,
 * exit 2).
 *
 * @example
 * ```ts
 * const report = await runInit({ cwd: '/repo', dir: '.' });
 * report.targets.map((t) => t.file); // ['services/api/service.dockerfile.ts', ...]
 * ```
 */
export async function runInit(options: InitOptions): Promise<InitReport> {
  const { cwd } = options;
  const dir = resolve(cwd, options.dir);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError([cliIssue('DWC1004', `no such directory: ${options.dir}`, 'give the directory of the project, relative to the working directory')]);
  const { projects, skipped } = detectProjects(dir);
  const shownSkipped = skipped.map((s) => ({ dir: displayPath(cwd, join(dir, s.dir)), reason: s.reason }));
  if (projects.length === 0) {
    const why = shownSkipped.length === 0 ? '' : ` (left out: ${shownSkipped.map((s) => `${s.dir}, ${s.reason}`).join('; ')})`;
    throw new UsageError([
      cliIssue('DWC6001', `no Node, Go, Python, Rust, Java or static-binary project found in ${displayPath(cwd, dir)}${why}`, 'init looks for a package.json with a start script, a go.mod, a Cargo.toml, a pyproject.toml or requirements.txt, a pom.xml or build.gradle(.kts), or a static executable in the directory, bin/ or dist/; or write a target by hand (docs/cli.md, Targets)'),
    ]);
  }
  const planned = plannedTargets(projects, dir);
  const issues: CliIssue[] = [];
  const notes = planned.flatMap((t) => t.notes);
  const report = (t: PlannedTarget, status: InitTargetReport['status']): InitTargetReport => ({
    file: displayPath(cwd, t.file),
    kind: t.kind,
    description: t.description,
    status,
    dockerfiles: t.dockerfiles.map((d) => displayPath(cwd, d)),
  });
  const todo: PlannedTarget[] = [];
  const targets: InitTargetReport[] = [];
  for (const t of planned) {
    const there = existingTarget(t);
    if (there !== undefined) {
      const which = there === t.file ? `${displayPath(cwd, t.file)} exists` : `${displayPath(cwd, dirname(t.file))} has a target already, ${displayPath(cwd, there)}`;
      issues.push(cliIssue('DWC6002', `${which}; init left it as it is`, `edit it, or delete it and run \`dockwright init\` again to have it written anew`));
      targets.push(report(t, 'exists'));
      continue;
    }
    for (const dockerfile of t.dockerfiles) {
      const head = existsSync(dockerfile) ? await readHead(dockerfile, HEADER_BYTES) : undefined;
      if (head !== undefined && readGeneratedHeader(head) === undefined) {
        const file = displayPath(cwd, dockerfile);
        issues.push(cliIssue('DWC6003', `${file} was written by hand; \`dockwright render\` leaves it as it is (DWC3008) until \`dockwright render --force\` replaces it with what ${displayPath(cwd, t.file)} renders`, `compare first: \`dockwright import ${file}\` turns it into builder code, and \`dockwright print ${displayPath(cwd, t.file)}\` shows what render would write`));
      }
    }
    todo.push(t);
    targets.push(report(t, 'planned'));
  }
  const next = nextSteps(dir, cwd);
  const result = (final: InitTargetReport[]): InitReport => {
    const refused = issues.some((i) => i.code === 'DWC6002');
    return { command: 'init', ok: !refused, exitCode: refused ? 1 : 0, dir: displayPath(cwd, dir), targets: final, skipped: shownSkipped, issues, notes, next };
  };
  if (todo.length > 0 && options.confirm !== undefined && !(await options.confirm(targets))) {
    issues.push(cliIssue('DWC6002', 'nothing was written: the plan was declined', 'run `dockwright init` again, or `dockwright init --yes` to write without asking'));
    return result(targets);
  }
  const written = new Set<string>();
  for (const t of todo) {
    if (await createNew(t.file, t.text)) written.add(displayPath(cwd, t.file));
    else issues.push(cliIssue('DWC6002', `${displayPath(cwd, t.file)} appeared while init ran; init left it as it is`, 'edit it, or delete it and run `dockwright init` again'));
  }
  return result(targets.map((t) => (t.status === 'planned' ? { ...t, status: written.has(t.file) ? 'created' : 'exists' } : t)));
}
