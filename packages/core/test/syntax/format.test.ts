import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { format, parseDockerfile, syntaxMeaning } from '@dockwright/core';
import { describeCorpus, officialImages } from '../support/corpus.js';

const formatted = (text: string): string => {
  const result = format(text);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.text;
};
const meaning = (text: string) => syntaxMeaning(parseDockerfile(text).syntax);

/** Every property of the canonical text that does not depend on the content. */
function expectCanonicalText(text: string, where: string): void {
  const { syntax } = parseDockerfile(text);
  const bodies = new Set<number>();
  for (const node of syntax.instructions) for (const h of node.heredocs) for (let l = h.range.start.line; l <= h.range.end.line; l++) bodies.add(l);
  // A tab inside a value BuildKit keeps as written (the legacy `ENV K a\tb`) is part of that value.
  const valueTabs = new Set<number>();
  for (const node of syntax.instructions) {
    if (!['RUN', 'CMD', 'ENTRYPOINT'].includes(node.keyword) && node.arguments.some((a) => a.value.includes('\t'))) valueTabs.add(node.range.start.line);
  }
  const lines = text.split('\n');
  expect(text.endsWith('\n') && !text.endsWith('\n\n'), `${where}: one final newline`).toBe(true);
  expect(text.includes('\r'), `${where}: LF only`).toBe(false);
  lines.forEach((line, i) => {
    if (bodies.has(i + 1)) return;
    expect(line, `${where}:${i + 1} trailing blanks`).toBe(line.trimEnd());
    // A tab inside quotes is part of a value (haproxy's makeOpts='\t\tTARGET=...') and stays.
    // Comments are kept as written, tabs included.
    if (!valueTabs.has(i + 1) && !line.trimStart().startsWith('#')) expect(line.replace(/'[^']*'|"(?:[^"\\]|\\.)*"/g, '').includes('\t'), `${where}:${i + 1} tab outside quotes`).toBe(false);
  });
  for (const node of syntax.instructions) expect(node.keywordText, where).toBe(node.keyword);
  expect(text.includes('\n\n\n'), `${where}: at most one blank line`).toBe(false);
}

describeCorpus('format over the corpus', (corpusDir) => {
  const buildkitCases = readdirSync(join(corpusDir, 'buildkit-parser/testfiles'))
    .sort()
    .map((name) => ({ name: `buildkit/${name}`, text: readFileSync(join(corpusDir, 'buildkit-parser/testfiles', name, 'Dockerfile'), 'utf8') }))
    .filter((c) => parseDockerfile(c.text).ok);
  const corpus = [...officialImages(corpusDir).filter((f) => !f.template), ...buildkitCases];

  it('covers the official images and the BuildKit cases BuildKit builds', () => {
    expect(corpus.length).toBeGreaterThan(230);
  });

  it('formats every file, keeps its meaning and its comments, and is idempotent', () => {
    for (const file of corpus) {
      const once = formatted(file.text);
      expect(meaning(once), file.name).toEqual(meaning(file.text));
      expect(formatted(once), file.name).toBe(once);
      expect(parseDockerfile(once).syntax.comments.map((c) => c.text), file.name).toEqual(parseDockerfile(file.text).syntax.comments.map((c) => c.text));
      expectCanonicalText(once, file.name);
    }
  });
});

describe('format on the golden files', () => {
  it("leaves the renderer's golden files as they are (raw lines aside)", () => {
    const dir = join(import.meta.dirname, '../golden');
    const golden = readdirSync(dir).filter((f) => f.endsWith('.Dockerfile') && f !== 'comments-raw.Dockerfile');
    expect(golden.length).toBeGreaterThan(40);
    for (const name of golden) {
      const text = readFileSync(join(dir, name), 'utf8');
      expect(formatted(text), name).toBe(text);
    }
  });
});

describe('format', () => {
  it('upper-cases keywords and AS, single-spaces, and splits && chains', () => {
    expect(formatted('from   alpine:3.20   as base\nrun apk add curl &&   rm -rf /tmp/*\n')).toBe('FROM alpine:3.20 AS base\nRUN apk add curl \\\n    && rm -rf /tmp/*\n');
  });

  it('keeps a chain with a subshell on one line, as the renderer does', () => {
    expect(formatted('FROM a\nRUN (cd /x && make) && echo ok\n')).toBe('FROM a\nRUN (cd /x && make) && echo ok\n');
  });

  it('keeps the line breaks of the source between words, indented 4 for a new command and 8 inside one', () => {
    const text = 'FROM a\nRUN set -eux; \\\n\tapt-get install -y \\\n\t\tcurl \\\n\t\twget \\\n\t; \\\n\techo "a   b"\n';
    expect(formatted(text)).toBe('FROM a\nRUN set -eux; \\\n    apt-get install -y \\\n        curl \\\n        wget \\\n        ; \\\n    echo "a   b"\n');
  });

  it('keeps a comment line that ends a continued RUN as a comment after it', () => {
    const out = formatted('FROM a\nRUN echo a \\\n  #not part of the command\n');
    expect(meaning(out)).toEqual(meaning('FROM a\nRUN echo a \\\n  #not part of the command\n'));
    expect(out).toBe('FROM a\nRUN echo a\n# not part of the command\n');
  });

  it('never starts a continuation line with #, which BuildKit would drop', () => {
    const out = formatted('FROM a\nRUN make && #comment && echo\n');
    expect(out).toBe('FROM a\nRUN make \\\n    && #comment \\\n    && echo\n');
    expect(parseDockerfile(out).syntax.instructions[1]?.arguments[0]?.value).toBe('make     && #comment     && echo');
  });

  it('puts flags in the canonical order, each on its own line with a mount', () => {
    expect(formatted('FROM a\nCOPY --chmod=644 --from=b --link x /y\n')).toBe('FROM a\nCOPY --from=b --chmod=644 --link x /y\n');
    expect(formatted('FROM a\nRUN --network=none --mount=type=cache,target=/c make\n')).toBe('FROM a\nRUN --mount=type=cache,target=/c \\\n    --network=none \\\n    make\n');
    expect(formatted('FROM a\nCOPY --exclude="a b" x /y\n')).toBe('FROM a\nCOPY --exclude="a b" x /y\n');
  });

  it('writes exec form as JSON with ", " and keeps shell form as shell form', () => {
    expect(formatted('FROM a\nCMD [ "a","b" ]\nENTRYPOINT   run  it\n')).toBe('FROM a\nCMD ["a", "b"]\nENTRYPOINT run it\n');
  });

  it('writes ENV and LABEL pairs one per line, and keeps the legacy form', () => {
    expect(formatted('FROM a\nENV A=1   B="x  y"\nENV C 3\nLABEL one=1\n')).toBe('FROM a\nENV A=1 \\\n    B="x  y"\nENV C 3\nLABEL one=1\n');
  });

  it('puts one blank line before each stage, keeps groups inside a stage apart with one, global ARGs first', () => {
    const text = '# syntax = docker/dockerfile:1.7\nARG V=1\nFROM a AS one\n\n\nRUN x\n# the app\nFROM one\nUSER 1\n\n# the entry point\nCMD ["x"]\n';
    expect(formatted(text)).toBe('# syntax=docker/dockerfile:1.7\n\nARG V=1\n\nFROM a AS one\n\nRUN x\n\n# the app\nFROM one\nUSER 1\n\n# the entry point\nCMD ["x"]\n');
  });

  it('keeps header comments apart, and never turns a comment into a directive', () => {
    expect(formatted('# header\n\n# about a\nFROM a\n')).toBe('# header\n\n# about a\nFROM a\n');
    expect(formatted('\n#escape=`\nFROM a\n')).toBe('\n# escape=`\nFROM a\n');
    expect(parseDockerfile(formatted('\n#escape=`\nFROM a\n')).syntax.escape).toBe('\\');
  });

  it('keeps a comment inside a continued command beside the line it describes, at its indent', () => {
    expect(formatted('FROM a\nRUN a \\\n  # why b\n  && b\n')).toBe('FROM a\nRUN a \\\n    # why b\n    && b\n');
    const text = 'FROM a\nRUN set -eux; \\\n\tapt-get update; \\\n# the tools\n\tapt-get install -y \\\n\t\tcurl \\\n# for the probe\n\t\twget \\\n\t;\n';
    expect(formatted(text)).toBe('FROM a\nRUN set -eux; \\\n    apt-get update; \\\n    # the tools\n    apt-get install -y \\\n        curl \\\n        # for the probe\n        wget \\\n        ;\n');
    expect(meaning(formatted(text))).toEqual(meaning(text));
  });

  it('moves a comment above an instruction that has no line for it', () => {
    expect(formatted('FROM a\nENV A=1 \\\n  # why B\n  B=2\n')).toBe('FROM a\n# why B\nENV A=1 \\\n    B=2\n');
  });

  it('indents the arms of a case evenly', () => {
    const text = 'FROM a\nRUN case "$a" in \\\n      amd64) x=1 ;; \\\n  arm64) \\\n   x=2; \\\n   ;; \\\n      *) exit 1 ;; \\\n    esac; \\\n    echo done\n';
    expect(formatted(text)).toBe('FROM a\nRUN case "$a" in \\\n    amd64) x=1 ;; \\\n    arm64) \\\n        x=2; \\\n        ;; \\\n    *) exit 1 ;; \\\n    esac; \\\n    echo done\n');
  });

  it('keeps heredoc bodies byte for byte', () => {
    const text = 'FROM a\nrun <<-EOF  cat\n\tindented  \n\t\tbody\n\tEOF\n';
    expect(formatted(text)).toBe('FROM a\nRUN <<-EOF cat\n\tindented  \n\t\tbody\nEOF\n');
  });

  it('uses the backtick as continuation in files with # escape=`', () => {
    expect(formatted('# escape=`\nFROM w\nRUN dir C:\\ && echo ok\n')).toBe('# escape=`\n\nFROM w\nRUN dir C:\\ `\n    && echo ok\n');
  });

  it('writes -- before an argument that looks like a flag', () => {
    const out = formatted('FROM a\nCOPY -- --weird /b\n');
    expect(out).toBe('FROM a\nCOPY -- --weird /b\n');
  });

  it('returns the parse errors instead of formatting a broken file', () => {
    const result = format('FROM a\nFORM b\n');
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors.map((e) => [e.code, e.range.start.line])).toEqual([['DW0004', 2]]);
  });

  it('refuses an instruction that ends in the escape character, which would join the next line', () => {
    // BuildKit reads `C:\` here only because the continuation runs into a comment and the end of the file.
    const result = format('FROM a\nWORKDIR C:\\ \\\n# end\n');
    expect(parseDockerfile('FROM a\nWORKDIR C:\\ \\\n# end\n').syntax.instructions[1]?.arguments[0]?.value).toBe('C:\\');
    expect(result.ok ? [] : result.errors.map((e) => [e.code, e.range.start.line])).toEqual([['DW0010', 2]]);
  });

  it('reports whether the text changed', () => {
    expect(format('FROM a\n')).toMatchObject({ ok: true, changed: false });
    expect(format('from a')).toMatchObject({ ok: true, changed: true, text: 'FROM a\n' });
  });
});
