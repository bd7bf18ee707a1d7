/**
 * docs/getting-started.md, "From a project to an image", run against the real engine: its new
 * project, then each of its commands as written (init, render, build), then the image it built,
 * which serves as the guide says. The unit suite (packages/cli/test/docs.test.ts) checks the
 * output init and render print; here build runs for real.
 *
 * Three things differ from a user's machine, each said where it happens: the packages are this
 * repository's, linked in place of `npm install` (see guideProject); the engine here has no bridge
 * network, so `dockwright build` gets `--network host` with the suite's loopback-only proxy
 * arguments (its `npm ci` reaches the local npm registry, which serves `ms`, and nothing else),
 * and the image runs with `--network=none`, asked from inside its container instead of through
 * `-p 3000:3000`.
 */
import { describe, expect, it } from 'vitest';
import { guideProject, readGuide } from '../packages/cli/test/support/getting-started.js';
import { dockwright, LOOPBACK_BUILD } from './support/cli.js';
import { realBuilds } from './support/real-builds.js';
import { inspect } from './support/docker.js';
import { startContainer } from './support/node-apps.js';

const real = realBuilds({ npm: true });
const made = real.made;

describe('docs/getting-started.md', () => {
  it('init, render and build make an image that serves as uid 1000', async () => {
    const guide = readGuide();
    const dir = guideProject(guide);
    const [init, render, build, run] = guide.steps;
    for (const step of [init, render]) {
      expect(await dockwright(real.cli(), step?.argv.slice(1) ?? [], dir)).toEqual({ code: 0, stdout: step?.output, stderr: '' });
    }
    made.push('hello:dev');
    const built = await dockwright(real.cli(), [...(build?.argv.slice(1) ?? []), ...LOOPBACK_BUILD], dir);
    expect(built.stderr).toBe('building hello\n');
    expect(built.code).toBe(0);
    // The guide's lines, with this run's time, image id and cache.
    const shape = (build?.output ?? '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\d+\\\.\d+s/g, '\\d+\\.\\ds').replace(/[0-9a-f]{12}/g, '[0-9a-f]{12}').replace(/\d+ of \d+/g, '\\d+ of \\d+');
    expect(built.stdout).toMatch(new RegExp(`^${shape}$`));

    expect(run?.argv).toEqual(['docker', 'run', '--rm', '-p', '3000:3000', 'hello:dev']);
    expect((await inspect('hello:dev')).Config.User).toBe('1000:1000');
    const app = await startContainer('hello:dev');
    try {
      expect((await app.fetch('/')).body).toBe('hello, for 2 minutes\n');
    } finally {
      await app.remove();
    }
  });
});
