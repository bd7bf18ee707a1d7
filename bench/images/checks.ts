/**
 * The bench's own small check list for the Dockerfiles it compares, used for the findings column
 * until @dockwright/core has a linter for written Dockerfiles. It is not the project's rule set:
 * a handful of well-known checks (the ones hadolint and Docker's build checks also make) that
 * apply to every file compared here, each counted once per instruction it flags.
 *
 * @example
 * ```ts
 * checkDockerfile('FROM node:20\nCMD node server.js\n').map((f) => f.check); // ['unpinned-base', 'runs-as-root', 'shell-form-cmd']
 * ```
 */
import { DockerfileParser } from 'dockerfile-ast';

/** One finding: which check, and the instruction's text. */
export interface Finding {
  readonly check: CheckId;
  readonly line: number;
  readonly text: string;
}

export type CheckId = 'unpinned-base' | 'runs-as-root' | 'shell-form-cmd' | 'legacy-env' | 'apt-recommends' | 'apt-lists-kept';

/** What each check looks for, as the docs table shows it. */
export const CHECKS: Readonly<Record<CheckId, string>> = {
  'unpinned-base': 'FROM an image by tag only (no `@sha256:` digest), or with no tag / `latest`',
  'runs-as-root': 'the final stage has no USER, or USER root / 0',
  'shell-form-cmd': 'CMD or ENTRYPOINT in shell form (the app is not PID 1 under `sh -c`, and gets no SIGTERM)',
  'legacy-env': '`ENV key value` without `=` (deprecated form)',
  'apt-recommends': '`apt-get install` without `--no-install-recommends`',
  'apt-lists-kept': 'a RUN with `apt-get update` that does not remove /var/lib/apt/lists',
};

/**
 * Runs the check list on a Dockerfile's text (as its tool wrote it).
 *
 * @example
 * ```ts
 * checkDockerfile(text).length; // the findings column
 * ```
 */
export function checkDockerfile(text: string): Finding[] {
  const instructions = DockerfileParser.parse(text).getInstructions();
  const findings: Finding[] = [];
  const stageNames = new Set<string>();
  let finalUser: string | undefined;
  const add = (check: CheckId, i: (typeof instructions)[number]) =>
    findings.push({ check, line: i.getRange().start.line + 1, text: `${i.getKeyword()} ${i.getArgumentsContent() ?? ''}`.replace(/\\\n\s*/g, ' ') });

  for (const i of instructions) {
    const keyword = i.getKeyword().toUpperCase();
    const args = (i.getArgumentsContent() ?? '').replace(/\\\r?\n/g, ' ').trim();
    if (keyword === 'FROM') {
      finalUser = undefined;
      const words = args.split(/\s+/).filter((w) => !w.startsWith('--'));
      const ref = words[0] ?? '';
      const fromStage = stageNames.has(ref.toLowerCase());
      if (words[1]?.toUpperCase() === 'AS' && words[2] !== undefined) stageNames.add(words[2].toLowerCase());
      if (ref !== 'scratch' && !fromStage) {
        const untagged = !(ref.split('/').pop() ?? '').includes(':') && !ref.includes('@');
        if (!ref.includes('@sha256:') || untagged || /:latest$/.test(ref)) add('unpinned-base', i);
      }
    } else if (keyword === 'USER') {
      finalUser = args;
    } else if (keyword === 'CMD' || keyword === 'ENTRYPOINT') {
      if (!args.startsWith('[')) add('shell-form-cmd', i);
    } else if (keyword === 'ENV') {
      if (!/^[^\s=]+=/.test(args)) add('legacy-env', i);
    } else if (keyword === 'RUN') {
      if (/apt-get\s+(?:-\S+\s+)*install\b/.test(args) && !args.includes('--no-install-recommends')) add('apt-recommends', i);
      if (/apt-get\s+(?:-\S+\s+)*update\b/.test(args) && !/rm\s+-rf?\s+\/var\/lib\/apt\/lists/.test(args)) add('apt-lists-kept', i);
    }
  }
  const last = instructions.filter((i) => i.getKeyword().toUpperCase() === 'FROM').pop();
  const user = (finalUser ?? '').split(':')[0];
  if (last !== undefined && (user === '' || user === 'root' || user === '0')) add('runs-as-root', last);
  return findings;
}
