/**
 * recipe_of (scripts/e2e/lib.sh): the base images' cache keys hash only the part of
 * base-images.sh that builds each image, so an edit to one image's block rebuilds that image only.
 * Run on the real script and on edited copies of it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const lib = join(here, 'lib.sh');
const script = readFileSync(join(here, 'base-images.sh'), 'utf8');
const blocks = ['pull', 'node', 'debian', 'golang', 'static', 'python', 'rust', 'maven'] as const;
const work = mkdtempSync(join(tmpdir(), 'dockwright-recipe-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let n = 0;
/** recipe_of on `text` written to a file, for each of `names` (one call each). */
function recipes(text: string, names: readonly string[] = blocks): Record<string, string> {
  const file = join(work, `base-images-${n++}.sh`);
  writeFileSync(file, text);
  const out: Record<string, string> = {};
  for (const name of names) {
    const r = recipeOf(file, name.split(' '));
    if (r.status !== 0) throw new Error(`recipe_of ${name} failed: ${r.stderr}`);
    out[name] = r.stdout.trim();
  }
  return out;
}

function recipeOf(file: string, names: readonly string[]) {
  return spawnSync('bash', ['-c', 'source "$1" && recipe_of "$2" "${@:3}"', '_', lib, file, ...names], { encoding: 'utf8' });
}

/** `text` with `from` replaced once; fails when `from` is not there exactly once. */
function edit(text: string, from: string, to: string): string {
  expect(text.split(from).length - 1, from).toBe(1);
  return text.replace(from, to);
}

const before = recipes(script, [...blocks, 'pull node']);

describe('recipe_of on base-images.sh', () => {
  it('gives each image its own 64-hex recipe', () => {
    for (const name of blocks) expect(before[name]).toMatch(/^[0-9a-f]{64}$/);
    expect(new Set(Object.values(before)).size).toBe(blocks.length + 1);
  });

  it('an edit inside the python block changes the python recipe only', () => {
    const after = recipes(edit(script, 'PYTHON_PACKAGES=python3,', 'PYTHON_PACKAGES=python3,python3-dev,'), [...blocks, 'pull node']);
    for (const name of [...blocks, 'pull node']) {
      if (name === 'python') expect(after[name]).not.toBe(before[name]);
      else expect(after[name], name).toBe(before[name]);
    }
  });

  it('an edit in a second block of the same name counts for it (python is checked and imported later on)', () => {
    const after = recipes(edit(script, "--change 'CMD [\"python3\"]'", "--change 'CMD [\"python\"]'"), ['python', 'rust']);
    expect(after['python']).not.toBe(before['python']);
    expect(after['rust']).toBe(before['rust']);
  });

  it('an edit outside every block changes every recipe, heredoc text included', () => {
    const after = recipes(edit(script, 'path-exclude /usr/share/man/*\n', 'path-exclude /usr/share/man/*\npath-exclude /usr/share/help/*\n'));
    for (const name of blocks) expect(after[name], name).not.toBe(before[name]);
  });

  it('comments and blank lines change nothing', () => {
    const commented = script
      .replace('#@recipe python\n', '#@recipe python\n# a new comment in the python block\n\n')
      .replace(/^# --- the images.*$/m, '# --- the images, renamed\n# and one more line of prose')
      .replace('\nSTD_PATH=', '\n\n   STD_PATH=');
    for (const added of ['# a new comment in the python block', '# and one more line of prose', '\n   STD_PATH=']) expect(commented).toContain(added);
    expect(recipes(commented)).toEqual(recipes(script));
  });
});

describe('recipe_of on malformed blocks', () => {
  const check = (text: string, names: readonly string[]) => {
    const file = join(work, `bad-${n++}.sh`);
    writeFileSync(file, text);
    return recipeOf(file, names);
  };

  it('fails on a block with no end, a nested block, an end outside a block and an unknown name', () => {
    const open = check('x=1\n#@recipe a\ny=2\n', ['a']);
    expect(open.status).not.toBe(0);
    expect(open.stderr).toMatch(/block a has no #@end/);
    const nested = check('#@recipe a\n#@recipe b\n#@end\n#@end\n', ['a']);
    expect(nested.status).not.toBe(0);
    expect(nested.stderr).toMatch(/:2: #@recipe inside #@recipe a/);
    const stray = check('x=1\n#@end\n', ['a']);
    expect(stray.stderr).toMatch(/:2: #@end outside a block/);
    const unknown = check('x=1\n#@recipe a\ny=2\n#@end\n', ['b']);
    expect(unknown.status).not.toBe(0);
    expect(unknown.stderr).toMatch(/no #@recipe b block/);
  });

  it('fails on a block that cuts a statement in two', () => {
    const cut = check('if true; then\n#@recipe a\n  y=2\nfi\n#@end\n#@recipe b\nz=1\n#@end\n', ['b']);
    expect(cut.status).not.toBe(0);
    expect(cut.stderr).toMatch(/does not parse/);
  });

  it('hashes a well-formed file, and the other blocks are left out', () => {
    const a = check('x=1\n#@recipe a\ny=2\n#@end\n#@recipe b\nz=3\n#@end\n', ['a']);
    const a2 = check('x=1\n#@recipe a\ny=2\n#@end\n#@recipe b\nz=4\n#@end\n', ['a']);
    expect(a.status, a.stderr).toBe(0);
    expect(a.stdout).toMatch(/^[0-9a-f]{64}\n$/);
    expect(a2.stdout).toBe(a.stdout);
  });
});
