import type { DockerfileNode } from '../../ast/dockerfile.js';
import { instructionsWithPaths } from '../../ast/instructions-with-paths.js';
import type { InstructionNode } from '../../ast/instructions.js';
import { readDockerignore, type DockerignoreRules, type IgnorePattern } from '../../dockerignore/read-dockerignore.js';
import type { DockwrightIssue } from '../../errors/issue.js';
import { flagValue } from '../lint-file.js';
import { instructionsOf } from '../lint-helpers.js';
import { defineRule, problem, toIssue, type Problem } from '../rule.js';

/**
 * DW6025 (BuildKit's CopyIgnoredFile): a COPY or ADD source from the build context that the
 * `.dockerignore` keeps out of it, so the build cannot find it.
 *
 * @example
 * ```ts
 * copyIgnored('COPY', 'acme-ca.pem', { pattern: '**\/*.pem', line: 8 }).code; // 'DW6025'
 * ```
 */
export function copyIgnored(keyword: 'COPY' | 'ADD', source: string, by: Pick<IgnorePattern, 'pattern' | 'line'>): Problem {
  const keep = `!${source.replace(/^\.?\/+/, '').replace(/\/+$/, '')}`;
  return problem(
    'DW6025',
    `${keyword} of ${source}, which the .dockerignore excludes (line ${by.line}: ${by.pattern}): it is not in the build context, so the build cannot find it`,
    `let it in with an exception after that line (${keep}; with a preset: dockerignore([...result.dockerignore.patterns, '${keep}'])), or copy another file`,
    `add ${keep} to the .dockerignore after line ${by.line}, or copy another file`,
  );
}

/** A source BuildKit reads from the build context: not a URL, not a variable we cannot see through. */
function contextSource(source: string): boolean {
  return source !== '' && !/^[a-z][a-z0-9+.-]*:\/\//i.test(source) && !source.startsWith('git@') && !source.includes('$');
}

function localSources(instruction: InstructionNode): { keyword: 'COPY' | 'ADD'; sources: string[] } | undefined {
  if (instruction.kind === 'Copy' && instruction.from === undefined) return { keyword: 'COPY', sources: instruction.sources.flatMap((s) => (typeof s === 'string' ? [s] : [])) };
  if (instruction.kind === 'Add' && instruction.source.kind === 'archive') return { keyword: 'ADD', sources: [instruction.source.path] };
  return undefined;
}

/**
 * Every COPY and ADD of a Dockerfile whose source the `.dockerignore` excludes, as issues at
 * their instruction. `dockwright render` runs it with the ignore file it writes, or else the one
 * BuildKit would read beside the Dockerfile; ONBUILD instructions run in other builds, with
 * other contexts, and are left out.
 *
 * @example
 * ```ts
 * import { dockerfile, ignoredCopies, stage } from '@dockwright/core';
 * const file = dockerfile(stage('app').from('debian:12.8-slim').copy('acme-ca.pem', '/etc/ssl/certs/').user(10001));
 * ignoredCopies(file.ast, '**\/*.pem\n').map((i) => i.code); // ['DW6025']
 * ```
 */
export function ignoredCopies(ast: DockerfileNode, dockerignore: string | DockerignoreRules): DockwrightIssue[] {
  const ignore = typeof dockerignore === 'string' ? readDockerignore(dockerignore) : dockerignore;
  const issues: DockwrightIssue[] = [];
  for (const { node, path, onBuild } of instructionsWithPaths(ast)) {
    const local = onBuild ? undefined : localSources(node);
    if (local === undefined) continue;
    for (const source of local.sources.filter(contextSource)) {
      const by = ignore.excludedBy(source);
      if (by !== undefined) issues.push(toIssue(copyIgnored(local.keyword, source, by), path));
    }
  }
  return issues;
}

/** DW6025 in written Dockerfiles, with the `.dockerignore` given to lint (`dockwright lint` reads the one beside the file). */
export const copyIgnoredRule = defineRule({
  id: 'DW6025',
  how: 'C',
  level: 'error',
  check({ file, settings, report }) {
    if (settings.dockerignore === undefined) return;
    const ignore = readDockerignore(settings.dockerignore);
    for (const i of instructionsOf(file, 'COPY', 'ADD')) {
      if (flagValue(i, 'from') !== undefined) continue;
      for (const source of i.args.slice(0, -1).filter(contextSource)) {
        const by = ignore.excludedBy(source);
        if (by !== undefined) report(copyIgnored(i.keyword === 'ADD' ? 'ADD' : 'COPY', source, by), i.position);
      }
    }
  },
});
