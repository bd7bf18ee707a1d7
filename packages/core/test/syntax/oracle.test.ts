import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { parseDockerfile } from '@dockwright/core';
import { describeCorpus, officialImages } from '../support/corpus.js';
import { dumpSyntax } from './dump.js';

const issues = (list: readonly { code: string; range: { start: { line: number; column: number } } }[]) =>
  list.map((e) => `${e.code}@${e.range.start.line}:${e.range.start.column}`);

// The parser cases BuildKit's parser accepts but its instruction layer refuses (flags the
// instruction does not take, HEALTHCHECK without a usable type): the tree still matches, and
// these are reported as errors, each at its place.
const refusedLater: Record<string, string[]> = {
  flags: ['DW0007@3:6', 'DW0007@4:6', 'DW0007@5:6', 'DW0007@5:16', 'DW0007@6:6', 'DW0007@8:5', 'DW0007@9:5', 'DW0007@10:5'],
  health: ['DW0005@4:1', 'DW0005@7:1', 'DW0005@10:13'],
};

// BuildKit's own parser test cases: each Dockerfile and the tree BuildKit prints for it.
describeCorpus("BuildKit's parser cases", (corpusDir) => {
  const buildkit = join(corpusDir, 'buildkit-parser');
  const cases = readdirSync(join(buildkit, 'testfiles')).sort();
  const negatives = readdirSync(join(buildkit, 'testfiles-negative')).sort();
  const read = (dir: string, name: string, file: string) => readFileSync(join(buildkit, dir, name, file), 'utf8');

  it('finds the corpus', () => {
    expect(cases.length).toBeGreaterThan(30);
    expect(negatives).toEqual(['empty_dockerfile', 'env_no_value', 'only_comments', 'shykes-nested-json']);
  });

  for (const name of cases) {
    it(`${name} parses to BuildKit's tree`, () => {
      const result = parseDockerfile(read('testfiles', name, 'Dockerfile'));
      expect(dumpSyntax(result.syntax)).toBe(read('testfiles', name, 'result'));
      expect(issues(result.errors)).toEqual(refusedLater[name] ?? []);
    });
  }

  const refused: Record<string, string[]> = {
    empty_dockerfile: ['DW0001@1:1'],
    env_no_value: ['DW0005@3:5'],
    only_comments: ['DW0001@3:1'],
    'shykes-nested-json': ['DW0005@1:5'],
  };
  for (const name of negatives) {
    it(`${name} is refused with a located error`, () => {
      const result = parseDockerfile(read('testfiles-negative', name, 'Dockerfile'));
      expect(result.ok).toBe(false);
      expect(issues(result.errors)).toEqual(refused[name]);
    });
  }

  it('warns about the empty continuation lines BuildKit warns about', () => {
    const result = parseDockerfile(read('testfiles', 'escapes', 'Dockerfile'));
    expect(result.warnings.map((w) => [w.code, w.severity, w.range.start.line])).toEqual([['DW0008', 'warning', 9]]);
  });
});

describeCorpus('official-images corpus', (corpusDir) => {
  const files = officialImages(corpusDir);
  it('finds the corpus', () => {
    expect(files.length).toBeGreaterThan(200);
  });

  it('parses every Dockerfile without errors', () => {
    const failures = files.filter((f) => !f.template).flatMap((f) => parseDockerfile(f.text).errors.map((e) => `${f.name}:${e.range.start.line}: ${e.message}`));
    expect(failures).toEqual([]);
  });

  it('refuses the templates, which are not Dockerfiles', () => {
    const templates = files.filter((f) => f.template);
    expect(templates.map((f) => f.name)).toEqual(['docker-library+mysql/Dockerfile.oracle']);
    for (const file of templates) expect(parseDockerfile(file.text).errors[0]?.code).toBe('DW0004');
  });

  it('keeps every physical line: instructions, comments, blank lines and directives cover the file', () => {
    for (const file of files.filter((f) => !f.template)) {
      const { syntax } = parseDockerfile(file.text);
      const covered = new Set<number>(syntax.blankLines);
      for (const c of syntax.comments) covered.add(c.range.start.line);
      for (const d of syntax.directives) covered.add(d.range.start.line);
      for (const i of syntax.instructions) for (let l = i.range.start.line; l <= i.range.end.line; l++) covered.add(l);
      expect(covered.size, file.name).toBe(syntax.lineCount);
      for (const i of syntax.instructions) expect(file.text.split('\n').slice(i.range.start.line - 1, i.range.end.line).join('\n'), file.name).toBe(i.text);
    }
  });
});
