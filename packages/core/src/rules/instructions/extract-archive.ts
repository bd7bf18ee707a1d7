import { programsOf } from '../lint-helpers.js';
import { defineRule, problem, type Problem } from '../rule.js';

const ARCHIVE = /\.(?:tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz|tar\.zst|tar\.lz|tar\.lzma|tlz|gz|bz2|xz|lzma|Z|zip)$/;
const UNPACKERS = new Set(['unzip', 'gunzip', 'bunzip2', 'unlzma', 'unxz', 'uncompress', 'zcat', 'gzcat']);
const basename = (p: string) => p.replace(/^["']|["']$/g, '').replace(/.*[/\\]/, '');

/**
 * DW6024: an archive COPY'd in and extracted by a later RUN stays in the image as a layer of its
 * own; ADD extracts a local archive in one step.
 *
 * @example
 * ```ts
 * extractArchive('app.tar.gz').code; // 'DW6024'
 * ```
 */
export function extractArchive(name: string): Problem {
  return problem('DW6024', `${name} is copied in, then extracted by a RUN`, 'extract it in a build stage and copy the files', `use ADD ${name} /dest/, which extracts it`);
}

/** DW6024 (hadolint DL3010). */
export const extractArchiveRule = defineRule({
  id: 'DW6024',
  how: 'L',
  level: 'info',
  check({ file, report }) {
    for (const s of file.stages) {
      const copied = new Map<string, (typeof s.instructions)[number]>();
      for (const i of s.instructions) {
        if (i.keyword === 'COPY' && !i.flags.some((f) => f.name === 'from') && i.heredocs.length === 0) {
          const dest = i.args.at(-1) ?? '';
          const names = ARCHIVE.test(dest) ? [basename(dest)] : i.args.slice(0, -1).map(basename).filter((n) => ARCHIVE.test(n));
          for (const n of names) copied.set(n, i);
        } else if (i.keyword === 'RUN' && copied.size > 0) {
          for (const p of programsOf(i)) {
            const tarExtract = p.name === 'tar' && p.args.some((a) => a === '--extract' || a === '--get' || (/^-[^-]/.test(a) && a.includes('x')) || /^x[a-z]*$/.test(a));
            if (!tarExtract && !UNPACKERS.has(p.name)) continue;
            for (const a of p.args.filter((x) => !x.startsWith('-')).map(basename)) {
              const copy = copied.get(a);
              if (copy !== undefined) {
                report(extractArchive(a), copy.position);
                copied.delete(a);
              }
            }
          }
        }
      }
    }
  },
});
