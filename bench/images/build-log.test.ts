import { describe, expect, it } from 'vitest';
import { medianSteps, stepCached, stepTimes } from '../../e2e/support/build-log.js';

const log = [
  '#0 building with "default" instance using docker driver',
  '#1 [internal] load build definition from Dockerfile',
  '#1 transferring dockerfile: 512B done',
  '#1 DONE 0.0s',
  '#7 [deps 3/3] RUN npm ci',
  '#7 CACHED',
  '#9 [build 2/2] RUN node node_modules/typescript/bin/tsc',
  '#9 1.204 some output',
  '#9 DONE 2.1s',
  '#10 exporting to image',
  '#10 exporting layers 0.1s done',
  '#10 writing image sha256:abc123 done',
  '#10 DONE 0.3s',
].join('\n');

describe('stepTimes', () => {
  it('reads each step\'s title and DONE seconds from a plain progress log; a CACHED step took none', () => {
    expect(stepTimes(log)).toEqual([
      { title: 'building with "default" instance using docker driver', seconds: 0, cached: false },
      { title: '[internal] load build definition from Dockerfile', seconds: 0, cached: false },
      { title: '[deps 3/3] RUN npm ci', seconds: 0, cached: true },
      { title: '[build 2/2] RUN node node_modules/typescript/bin/tsc', seconds: 2.1, cached: false },
      { title: 'exporting to image', seconds: 0.3, cached: false },
    ]);
  });

  it('takes the median of each step over builds, digests in titles aside', () => {
    const a = [{ title: 'COPY --from=build sha256:aa /app/dist', seconds: 0.2, cached: false }, { title: 'RUN tsc', seconds: 3, cached: false }];
    const b = [{ title: 'COPY --from=build sha256:bb /app/dist', seconds: 0.4, cached: false }, { title: 'RUN tsc', seconds: 1, cached: false }];
    const c = [{ title: 'COPY --from=build sha256:cc /app/dist', seconds: 0.3, cached: false }, { title: 'RUN tsc', seconds: 2, cached: false }];
    expect(medianSteps([a, b, c])).toEqual([
      { title: 'COPY --from=build sha256:… /app/dist', seconds: 0.3, cached: false },
      { title: 'RUN tsc', seconds: 2, cached: false },
    ]);
  });
});

describe('stepCached', () => {
  it('answers for the step whose title contains the text, and throws when no step does', () => {
    expect(stepCached(log, 'npm ci')).toBe(true);
    expect(stepCached(log, 'typescript/bin/tsc')).toBe(false);
    // Only step titles count: output lines (`#9 1.204 some output`) and internal steps are not steps of the file.
    expect(() => stepCached(log, 'some output')).toThrow(/no build step mentions "some output"/);
    expect(() => stepCached(log, 'exporting')).toThrow(/no build step mentions/);
  });
});
