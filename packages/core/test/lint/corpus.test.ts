// Lint over the official-images corpus (`../shared/corpus/official-images`). Every finding left
// was reviewed (docs/lint.md, "On real Dockerfiles"); the counts are pinned so that a change to a
// rule that adds or removes findings on real files is seen and reviewed again.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { lintDockerfile, parseDockerfile, rules, type LintOptions } from '@dockwright/core';
import { readSyntax } from '../../src/lint/read-syntax.js';
import { runRules } from '../../src/lint/run-rules.js';
import { corpusFiles, describeCorpus, officialImages, type CorpusFile } from '../support/corpus.js';

const allOn = Object.fromEntries(rules.map((r) => [r.id, 'warn'])) as NonNullable<LintOptions['rules']>;

function counts(files: readonly CorpusFile[], options: LintOptions = {}): Record<string, number> {
  const found: Record<string, number> = {};
  for (const f of files) for (const d of lintDockerfile(f.text, options)) found[d.rule] = (found[d.rule] ?? 0) + 1;
  return found;
}

describeCorpus('lint on the official-images corpus', (corpusDir) => {
  const files = officialImages(corpusDir).filter((f) => !f.template);
  it('reads the corpus', () => {
    expect(files.length).toBeGreaterThan(200);
  });

  it('finds, with the default rules, only what was reviewed', () => {
    expect(counts(files)).toEqual({
      // The images run as root by design and drop privileges in their entrypoint (gosu, su-exec).
      DW3001: 183,
      // Information only: the images split RUNs on purpose.
      DW5018: 175,
      // `ldd ... | awk | sort | xargs apt-mark manual` and the like, under dash without pipefail.
      DW5019: 72,
      // nginx modules: `cd pkg-oss` in a build stage, where WORKDIR would do.
      DW5020: 2,
      // wget without --progress (hadolint DL3047, information): the images download with wget -O.
      DW5025: 179,
      // The legacy `ENV KEY value` (BuildKit's LegacyKeyValueFormat): docker, haproxy, httpd, ...
      DW6022: 530,
    });
  });

  it('has no error but the reviewed one: the images build, and run as root by design (DW3001)', () => {
    const errors = files.flatMap((f) => lintDockerfile(f.text).filter((d) => d.severity === 'error' && d.rule !== 'DW3001').map((d) => `${f.name}:${d.line} ${d.rule} ${d.message}`));
    expect(errors).toEqual([]);
  });

  it('finds, with the policy rules on, what an organisation would have to fix', () => {
    const all = counts(files, { rules: { DW1010: 'warn', DW1011: 'warn', DW3007: 'warn', DW5017: 'warn', DW5022: 'warn', DW6020: 'warn' } });
    // DW5022 0: no official image installs a remote shell, an editor or a debugger (procps, which
    // buildpack-deps installs for `ps`, is not on the default list).
    expect({ DW1010: all.DW1010, DW3007: all.DW3007, DW5017: all.DW5017, DW5022: all.DW5022 ?? 0, DW6020: all.DW6020 }).toEqual({
      DW1010: 218,
      DW3007: 21,
      DW5017: 2461,
      DW5022: 0,
      DW6020: 204,
    });
  });

  it('never throws and places every finding on a line of its file', () => {
    for (const f of files) {
      const lines = f.text.split('\n').length;
      for (const d of lintDockerfile(f.text)) {
        expect(d.line, f.name).toBeGreaterThan(0);
        expect(d.line, f.name).toBeLessThanOrEqual(lines);
      }
    }
  });
});

describeCorpus("lint on BuildKit's parser cases", (corpusDir) => {
  const files = officialImages(corpusDir).filter((f) => !f.template);
  it('runs every rule without an exception, on the odd files and the refused ones', () => {
    const cases = [...corpusFiles(join(corpusDir, 'buildkit-parser/testfiles')), ...corpusFiles(join(corpusDir, 'buildkit-parser/testfiles-negative'))].filter((f) => /Dockerfile$/.test(f));
    expect(cases.length).toBeGreaterThan(30);
    const failures: string[] = [];
    for (const file of [...cases, ...files.map((f) => f.name)]) {
      const text = file.startsWith('/') ? readFileSync(file, 'utf8') : (files.find((f) => f.name === file)?.text ?? '');
      runRules(readSyntax(parseDockerfile(text).syntax), { rules: allOn }, rules, (rule, error) => failures.push(`${file}: ${rule.id} ${String(error)}`));
    }
    expect(failures).toEqual([]);
  });
});
