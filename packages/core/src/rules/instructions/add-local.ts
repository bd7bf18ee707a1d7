import { hasVariable, instructionsOf } from '../lint-helpers.js';
import { defineRule, problem, type Problem } from '../rule.js';

const ARCHIVE = /\.(?:tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz|tar\.zst)$/;
const REMOTE = /^(?:https?:\/\/|git@|ssh:\/\/|git:\/\/)/;

/** True for a local tar archive ADD unpacks (and not a URL). */
export function isLocalArchive(path: string): boolean {
  return ARCHIVE.test(path) && !/^[a-z]+:\/\//.test(path);
}

/**
 * DW6003 from `addUrl()`: the source must be an http(s) URL.
 *
 * @example
 * ```ts
 * addNotUrl('./app.jar').code; // 'DW6003'
 * ```
 */
export function addNotUrl(url: string): Problem {
  return problem('DW6003', `${JSON.stringify(url)} is not an http(s) URL`, 'addUrl() is for remote files; copy() local files');
}

/** DW6003 from `addGit()`: the source must be a git URL. */
export function addNotGit(url: string): Problem {
  return problem('DW6003', `${JSON.stringify(url)} is not a git URL`, 'write https://host/org/repo.git#ref or git@host:org/repo.git#ref');
}

/** DW6003 from `addArchive()`: the source must be a local tar archive. */
export function addNotArchive(archive: string): Problem {
  return problem('DW6003', `${JSON.stringify(archive)} is not a local tar archive`, 'ADD only unpacks local archives; copy() plain files');
}

/**
 * DW6003 in a Dockerfile: ADD of a local file or directory that is not an archive; COPY says
 * what it does.
 *
 * @example
 * ```ts
 * addLocal('app.jar')?.code; // 'DW6003'
 * addLocal('rootfs.tar.xz'); // undefined
 * ```
 */
export function addLocal(source: string): Problem | undefined {
  if (REMOTE.test(source) || isLocalArchive(source) || hasVariable(source)) return undefined;
  return problem('DW6003', `ADD of the local file ${source}`, 'copy() local files', `use COPY ${source} ...; ADD is for URLs with --checksum, git repositories and archives to unpack`);
}

/** DW6003 (hadolint DL3020). */
export const addLocalRule = defineRule({
  id: 'DW6003',
  how: 'C',
  level: 'error',
  check({ file, report }) {
    for (const add of instructionsOf(file, 'ADD')) {
      for (const source of add.args.slice(0, -1)) {
        const found = addLocal(source);
        if (found !== undefined) {
          report(found, add.position);
          break;
        }
      }
    }
  },
});
