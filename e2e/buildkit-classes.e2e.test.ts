/**
 * The engine as judge of the parser: each class of input where Dockwright's parser once read a
 * Dockerfile differently from BuildKit, and that the engine's bundled frontend (Docker 20.10,
 * no heredocs, no Unicode-trimmed directives) reads as current BuildKit does, is built for real.
 * What BuildKit accepts must build; what it refuses must fail while the file is parsed, before any
 * step runs. The other classes are judged by BuildKit's published source in the unit test.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDockerfile } from '@dockwright/core';
import { BUILDKIT_CLASSES } from '../packages/core/test/syntax/buildkit-classes.js';
import { baseImage, build, removeImages, requireEngine, uniqueTag } from './support/docker.js';

const judged = BUILDKIT_CLASSES.filter((c) => c.engine);

describe('the engine agrees with the parser on every class it can judge', () => {
  let base: string;
  beforeAll(async () => {
    await requireEngine();
    base = baseImage('debian:bookworm-slim');
  });

  it('judges most classes', () => {
    expect(judged.length).toBeGreaterThan(15);
  });

  for (const c of judged) {
    it(`${c.name}: BuildKit ${c.buildkit}, and so does the parser`, async () => {
      const text = c.text.replaceAll('FROM busybox', `FROM ${base}`);
      expect(parseDockerfile(text).ok).toBe(c.buildkit === 'accepts');
      const tag = uniqueTag('classes');
      let log = '';
      let built = true;
      try {
        await build({ dockerfile: text, tag, context: { a: 'a\n' } });
      } catch (error) {
        built = false;
        log = error instanceof Error ? error.message : String(error);
      } finally {
        await removeImages(tag);
      }
      if (c.buildkit === 'accepts') expect(built, log).toBe(true);
      else {
        expect(built).toBe(false);
        // Refused while parsing: the frontend names the parse, and no step ran.
        expect(log).toMatch(/dockerfile parse error|failed to parse|failed to create LLB definition/i);
        expect(log).not.toMatch(/#\d+ \[\d+\/\d+\] RUN/);
      }
    });
  }
});
