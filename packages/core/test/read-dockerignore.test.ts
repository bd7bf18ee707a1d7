// readDockerignore() against the behaviour of BuildKit's matcher (moby/patternmatcher), case by
// case from that project's own tests (TestMatches with MatchesOrParentMatches, the folder and
// exception cases, Go's filepath.Match table), and ignoredCopies() over builder ASTs.
import { describe, expect, it } from 'vitest';
import { dockerfile, ignoredCopies, readDockerignore, stage } from '@dockwright/core';

const excluded = (patterns: readonly string[], path: string) => readDockerignore(patterns.join('\n')).excludedBy(path) !== undefined;

describe('readDockerignore, as moby/patternmatcher matches', () => {
  // [pattern, path, matched]: moby's `exact` and `inexact` cases are both matches for MatchesOrParentMatches.
  it.each([
    ['**', 'file', true],
    ['**', 'file/', true],
    ['**/', 'file', true],
    ['**/', 'file/', true],
    ['**', 'dir/file', true],
    ['**/', 'dir/file', true],
    ['**/**', 'dir/file', true],
    ['dir/**', 'dir/file', true],
    ['dir/**', 'dir/dir2/file', true],
    ['**/dir', 'dir', true],
    ['**/dir', 'dir/file', true],
    ['**/dir2/*', 'dir/dir2/file', true],
    ['**/dir2/*', 'dir/dir2/file/', true],
    ['**/dir2/**', 'dir/dir2/dir3/file', true],
    ['**file', 'file', true],
    ['**file', 'dir/file', true],
    ['**/file', 'dir/file', true],
    ['**file', 'dir/dir/file', true],
    ['**/file*', 'dir/dir/file.txt', true],
    ['**/file*txt', 'dir/dir/file.txt', true],
    ['**/file*.txt*', 'dir/dir/file.txt', true],
    ['**/**/*.txt', 'dir/dir/file.txt', true],
    ['**/**/*.txt2', 'dir/dir/file.txt', false],
    ['**/*.txt', 'file.txt', true],
    ['**/**/*.txt', 'file.txt', true],
    ['a**/*.txt', 'a/file.txt', true],
    ['a**/*.txt', 'a/dir/file.txt', true],
    ['a**/*.txt', 'a/dir/dir/file.txt', true],
    ['a/*.txt', 'a/dir/file.txt', false],
    ['a/*.txt', 'a/file.txt', true],
    ['a/*.txt**', 'a/file.txt', true],
    ['a[b-d]e', 'ae', false],
    ['a[b-d]e', 'ace', true],
    ['a[b-d]e', 'aae', false],
    ['a[^b-d]e', 'aze', true],
    ['.*', '.foo', true],
    ['.*', 'foo', false],
    ['abc.def', 'abcdef', false],
    ['abc.def', 'abc.def', true],
    ['abc.def', 'abcZdef', false],
    ['abc?def', 'abcZdef', true],
    ['abc?def', 'abcdef', false],
    ['**/foo/bar', 'foo/bar', true],
    ['**/foo/bar', 'dir/dir2/foo/bar', true],
    ['abc/**', 'abc', false],
    ['abc/**', 'abc/def/ghi', true],
    ['**/.foo', '.foo', true],
    ['**/.foo', 'bar.foo', false],
    ['a(b)c/def', 'a(b)c/def', true],
    ['a(b)c/def', 'a(b)c/xyz', false],
    ['a.|)$(}+{bc', 'a.|)$(}+{bc', true],
    ['dist/*.whl', 'dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl', true],
    ['a\\\\', 'a\\', true],
    ['a\\*b', 'a*b', true],
    ['a\\*b', 'ab', false],
    ['*', 'fileutils.go', true],
    ['*.go', 'fileutils.go', true],
    ['*.go', '.', false],
    ['a*', 'ab/c', true],
    ['a*/b', 'a/c/b', false],
    ['a*b*c*d*e*/f', 'axbxcxdxe/xxx/f', false],
    ['a*b?c*x', 'abxbbxdbxebxczzx', true],
    ['a?b', 'a☺b', true],
    ['a[^a]b', 'a☺b', true],
    ['a???b', 'a☺b', false],
    ['[a-ζ]*', 'α', true],
    ['a?b', 'a/b', false],
    ['a*b', 'a/b', false],
    ['[\\]a]', ']', true],
    ['[\\-]', '-', true],
    ['[x\\-]', 'z', false],
    ['/docs', 'docs/README.md', true],
    ['docs/', 'docs/README.md', true],
    ['./docs/../src', 'src/index.ts', true],
  ])('%s on %s: %s', (pattern, path, matched) => {
    expect(excluded([pattern], path)).toBe(matched);
  });

  it.each([
    [['!fileutils.go', '*.go'], 'fileutils.go', true],
    [['*.go', '!fileutils.go'], 'fileutils.go', false],
    [['docs', '!docs/README.md'], 'docs/README.md', false],
    [['docs/', '!docs/README.md'], 'docs/README.md', false],
    [['docs/*', '!docs/README.md'], 'docs/README.md', false],
    [['**', '!util/docker/web'], 'util/docker/web/foo', false],
    [['**', '!util/docker/web', 'util/docker/web/foo'], 'util/docker/web/foo', true],
    [['**', '!dist/*.whl'], 'dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl', false],
    [['**/*.pem', '!acme-ca.pem'], 'acme-ca.pem', false],
    [['**/*.pem', '!acme-ca.pem'], 'certs/acme-ca.pem', true],
    [['!acme-ca.pem', '**/*.pem'], 'acme-ca.pem', true],
    [[], '/any/path/there', false],
  ])('%j on %s: %s', (patterns, path, matched) => {
    expect(excluded(patterns, path)).toBe(matched);
  });

  it('skips comments, blank lines and spaces around a pattern; says which line decided', () => {
    const ignore = readDockerignore('\uFEFF# secrets\n\n  **/*.pem  \n  !  keep.pem\n');
    expect(ignore.patterns.map((p) => [p.pattern, p.exception, p.line])).toEqual([
      ['**/*.pem', false, 3],
      ['keep.pem', true, 4],
    ]);
    expect(ignore.excludedBy('a/b.pem')?.line).toBe(3);
    expect(ignore.excludedBy('keep.pem')).toBeUndefined();
  });

  it.each(['!', '[', '[^', '[^bc', 'a[', '[]a]', '[-]', '[x-]', '[-x]', '\\', '[a-b-c]'])('reports %j as invalid, as moby refuses it', (pattern) => {
    const ignore = readDockerignore(`${pattern}\n`);
    expect(ignore.patterns).toEqual([]);
    expect(ignore.invalid.map((i) => i.line)).toEqual([1]);
  });
});

describe('ignoredCopies', () => {
  const base = () => stage('app').from('debian:12.8-slim');
  it('finds each COPY and ADD of an excluded source, with its place and the line that excluded it', () => {
    const file = dockerfile(base().copy('acme-ca.pem', '/etc/ssl/certs/acme-ca.pem').copy(['package.json', 'config/.env'], '/app/').addArchive('vendor/tools.tar.gz', '/opt/').user(10001));
    const found = ignoredCopies(file.ast, '**/*.pem\n**/.env\nvendor\n');
    expect(found.map((i) => [i.code, i.path])).toEqual([
      ['DW6025', { stage: 'app', instruction: 'COPY', index: 1 }],
      ['DW6025', { stage: 'app', instruction: 'COPY', index: 2 }],
      ['DW6025', { stage: 'app', instruction: 'ADD', index: 1 }],
    ]);
    expect(found[1]?.message).toBe('COPY of config/.env, which the .dockerignore excludes (line 2: **/.env): it is not in the build context, so the build cannot find it');
    expect(found[0]?.hint).toContain("!acme-ca.pem; with a preset: dockerignore([...result.dockerignore.patterns, '!acme-ca.pem'])");
  });

  it('leaves alone what comes from a stage, an exception lets in, and the whole context', () => {
    const build = stage('build').from('debian:12.8-slim').run('true');
    const file = dockerfile(base().copy(build, '/out/app.pem', '/etc/app.pem').copy('keep.pem', '/etc/').copy('.', '/app/').user(10001));
    expect(ignoredCopies(file.ast, '**/*.pem\n!keep.pem\n')).toEqual([]);
  });
});
