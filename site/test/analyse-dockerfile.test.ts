import { describe, expect, it } from 'vitest';
import { format, formatIssues, importDockerfile } from '@dockwright/core';
import { analyseDockerfile } from '../src/playground/analyse-dockerfile.js';

describe('analyseDockerfile', () => {
  it('writes format and import problems as the lines `dockwright lint` prints', () => {
    const text = 'FROM debian:12.8-slim\nRUN <<EOF\necho never closed\n';
    const f = format(text);
    const i = importDockerfile(text);
    expect(f.ok).toBe(false);
    expect(i.ok).toBe(false);
    const analysis = analyseDockerfile(text);
    if (f.ok || i.ok || analysis.formatted.ok || analysis.imported.ok) throw new Error('expected both to fail');
    expect(analysis.formatted.errors.join('\n')).toBe(formatIssues(f.errors, { layout: 'place-first', file: 'Dockerfile' }));
    expect(analysis.imported.errors.join('\n')).toBe(formatIssues(i.errors, { layout: 'place-first', file: 'Dockerfile' }));
    expect(analysis.formatted.errors[0]).toMatch(/^✖ Dockerfile:\d+:\d+ DW0\d{3} .+\n {2}→ .+/);
  });
});
