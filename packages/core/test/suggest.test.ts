// "Did you mean": the one edit distance and suggestion the CLI (commands, flags), the policy file
// (settings) and lint (variable names) share.
import { describe, expect, it } from 'vitest';
import { editDistance, suggest } from '../src/index.js';

describe('suggest', () => {
  const commands = ['render', 'print', 'lint', 'fmt', 'import', 'lock', 'init'];
  it.each([
    ['lnit', 'lint'],
    ['rendr', 'render'],
    ['redner', 'render'],
    ['lcok', 'lock'],
    ['fmtt', 'fmt'],
    ['prnt', 'print'],
    ['imprt', 'import'],
    ['LINT', 'lint'],
  ])('%s → %s', (word, expected) => {
    expect(suggest(word, commands)).toBe(expected);
  });

  it('suggests nothing far away, and nothing for one letter', () => {
    expect(suggest('deploy', commands)).toBeUndefined();
    expect(suggest('x', commands)).toBeUndefined();
  });

  it('counts a swap of two neighbouring letters as one edit', () => {
    expect(editDistance('lnit', 'lint')).toBe(1);
    expect(editDistance('render', 'render')).toBe(0);
    expect(editDistance('', 'fmt')).toBe(3);
  });
});

describe('suggest across letter case', () => {
  it('matches camelCase names whatever the case typed, and returns the name as written', () => {
    const settings = ['allowedRegistries', 'requireDigests', 'requiredLabels'];
    expect(suggest('requireDigest', settings)).toBe('requireDigests');
    expect(suggest('REQUIREDLABEL', settings)).toBe('requiredLabels');
    expect(suggest('alowedRegistries', settings)).toBe('allowedRegistries');
    expect(suggest('labels', settings)).toBeUndefined();
  });

  it('prefers fewer edits, then the longer shared start', () => {
    expect(suggest('lint', ['list', 'lint'])).toBe('lint');
    expect(suggest('prnt', ['pint', 'print'])).toBe('print');
  });
});
