/**
 * The engine as the judge of what gets in: a thousand adversarial ENV, LABEL, WORKDIR, USER and
 * CMD values built by BuildKit and read back with `docker image inspect` (0 differences), and the
 * limits the builder enforces (numbers, durations, blanks BuildKit trims, sources that look like
 * heredocs) tried on the engine itself, so they follow what it accepts rather than a reading of
 * its source.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dockerfile, image, stage, tryDockerfile, type Stage, type TextInput } from '@dockwright/core';
import { hostile, printable } from '../packages/core/test/support/arbitraries.js';
import { baseImage, build, docker, inspect, removeImages, requireEngine, run, uniqueTag } from './support/docker.js';
import { record } from './support/summary.js';

const made: string[] = [];
const none = { syntax: 'none' } as const;

beforeAll(async () => {
  await requireEngine();
});

afterAll(async () => {
  await removeImages(...made);
});

/** A stream of generated values, from one seed, that the builder accepts in a slot. */
function accepted(count: number, seed: number, make: (v: string) => Stage<boolean>, values: fc.Arbitrary<string>): string[] {
  const out: string[] = [];
  for (let round = 0; out.length < count && round < 50; round += 1) {
    for (const v of fc.sample(values, { numRuns: count * 2, seed: seed + round })) {
      if (out.length < count && !out.includes(v) && tryDockerfile(make(v)).ok) out.push(v);
    }
  }
  if (out.length < count) throw new Error(`only ${out.length} of ${count} generated values were accepted`);
  return out;
}

const adversarial = fc.oneof({ arbitrary: printable(30), weight: 5 }, { arbitrary: hostile(30), weight: 2 }, { arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }), weight: 1 });
const x = () => stage('x').from('debian:12.8-slim');

describe('a thousand adversarial values, built and read back by the engine', () => {
  // 25 images, each: 1 WORKDIR, 1 USER, 14 ENV values, 14 LABEL values, a CMD of 10 arguments.
  const IMAGES = 25;
  const ENV = 14;
  const LABEL = 14;
  const CMD = 10;

  it(`${IMAGES * (2 + ENV + LABEL + CMD)} values of ENV, LABEL, WORKDIR, USER and CMD: 0 differences`, async () => {
    const envs = accepted(IMAGES * ENV, 101, (v) => x().env({ V: v }).user('1'), adversarial);
    const labels = accepted(IMAGES * LABEL, 202, (v) => x().label({ 'com.example.v': v }).user('1'), adversarial);
    // A directory name is at most 255 bytes (the file system's NAME_MAX): longer ones fail the build, as they would anywhere.
    const component = (c: string) => new TextEncoder().encode(c).length <= 255;
    const dirs = accepted(IMAGES, 303, (v) => x().workdir(v as '/').user('1'), adversarial.map((v) => `/${v}`).filter((p) => p.split('/').every(component)));
    const users = accepted(IMAGES, 404, (v) => x().user(v), fc.oneof(fc.stringMatching(/^[a-z_][a-z0-9_-]{0,31}$/), fc.stringMatching(/^[a-z_][a-z0-9_-]{0,15}:[a-z_][a-z0-9_-]{0,15}$/), fc.integer({ min: 0, max: 2 ** 31 }).map(String), fc.tuple(fc.nat(), fc.nat()).map(([u, g]) => `${u}:${g}`)));
    const args = accepted(IMAGES * CMD, 505, (v) => x().user('1').cmd([v]), fc.oneof(adversarial, fc.string({ unit: 'binary', maxLength: 20 })));
    const base = image(baseImage('debian:bookworm-slim'));
    let differences = 0;
    const report: string[] = [];
    const started = Date.now();
    for (let i = 0; i < IMAGES; i += 1) {
      const env = Object.fromEntries(envs.slice(i * ENV, (i + 1) * ENV).map((v, n) => [`V${n}`, v as TextInput]));
      const label = Object.fromEntries(labels.slice(i * LABEL, (i + 1) * LABEL).map((v, n) => [`com.example.v${n}`, v as TextInput]));
      const dir = dirs[i] as string;
      const user = users[i] as string;
      const cmd = args.slice(i * CMD, (i + 1) * CMD) as [string, ...string[]];
      const app = stage('app').from(base).env(env).label(label).workdir(dir as '/').user(user).cmd(cmd);
      const tag = uniqueTag(`adversarial-${i}`);
      made.push(tag);
      await build({ dockerfile: dockerfile(app, none).render(), tag });
      const { Config: c } = await inspect(tag);
      const read = {
        env: Object.keys(env).map((k) => (c.Env ?? []).find((e) => e.startsWith(`${k}=`))?.slice(k.length + 1)),
        labels: Object.keys(label).map((k) => c.Labels?.[k]),
        dir: c.WorkingDir,
        user: c.User,
        cmd: c.Cmd,
      };
      const expected = { env: Object.values(env), labels: Object.values(label), dir, user, cmd };
      for (const key of Object.keys(expected) as (keyof typeof expected)[]) {
        const [a, e] = [JSON.stringify(read[key]), JSON.stringify(expected[key])];
        if (a !== e) {
          differences += 1;
          report.push(`image ${i} ${key}: read ${a}, expected ${e}`);
        }
      }
    }
    record({ case: `${IMAGES * (2 + ENV + LABEL + CMD)} adversarial metadata values in ${IMAGES} images`, coldSeconds: (Date.now() - started) / 1000 });
    expect(report).toEqual([]);
    expect(differences).toBe(0);
  });
});

/** Builds a raw Dockerfile; resolves to the build log, or rejects with BuildKit's error. */
async function tryBuild(text: string, context: Record<string, string> = {}): Promise<{ ok: true; tag: string } | { ok: false; log: string }> {
  const tag = uniqueTag('limit');
  try {
    await build({ dockerfile: text, tag, context });
    made.push(tag);
    return { ok: true, tag };
  } catch (e) {
    return { ok: false, log: String(e) };
  }
}

describe('the limits the builder enforces, as the engine judges them', () => {
  const from = () => `FROM ${baseImage('debian:bookworm-slim')}\n`;

  it('HEALTHCHECK durations and retries: 1ms, 2562047h and 2^31 - 1 are read; less than 1ms, an int64 overflow, µs and retries 0 are refused', async () => {
    const hc = (flag: string) => `${from()}HEALTHCHECK ${flag} CMD ["true"]\n`;
    // What the builder renders at its edges builds.
    const edges = dockerfile(stage('app').from(image(baseImage('debian:bookworm-slim'))).healthcheck(['true'], { interval: '1ms', timeout: '2562047h', retries: 2147483647 }).user('1'), none);
    const ok = await tryBuild(edges.render());
    expect(ok.ok).toBe(true);
    if (ok.ok) expect((await inspect(ok.tag)).Config.Healthcheck).toMatchObject({ Interval: 1e6, Timeout: 2562047 * 3600e9, Retries: 2147483647 });
    // One step past each edge, the engine refuses the file, as the builder does (DW6012).
    for (const flag of ['--interval=999us', '--interval=1ns', '--timeout=2562048h', '--timeout=2562047h47m16.854775808s', '--interval=1000µs', '--retries=2147483648', '--retries=-1', '--retries=0']) {
      const result = await tryBuild(hc(flag));
      expect(result.ok, flag).toBe(false);
    }
  });

  it('mount uid and gid: 0 to 2^32 - 1 are read; -1, 2^32 and 1.5 are refused', async () => {
    const mount = (opts: string) => `${from()}RUN --mount=type=cache,target=/c,${opts} true\n`;
    expect((await tryBuild(mount('uid=4294967295,gid=0'))).ok).toBe(true);
    for (const opts of ['uid=-1', 'uid=4294967296', 'gid=1.5', 'uid=1e3']) expect((await tryBuild(mount(opts))).ok, opts).toBe(false);
  });

  it('VOLUME paths are trimmed by the engine (so the builder refuses blanks at their ends)', async () => {
    const result = await tryBuild(`${from()}VOLUME [" /data\u00a0"]\n`);
    expect(result.ok).toBe(true);
    if (result.ok) expect(Object.keys((await inspect(result.tag)).Config.Volumes ?? {})).toEqual(['/data']);
  });

  it('a COPY source that starts with << is copied as the file of that name, as the builder escapes it', async () => {
    const app = stage('app').from(image(baseImage('debian:bookworm-slim'))).copy('<<x', '/d/').user('1');
    const text = dockerfile(app, none).render();
    expect(text).toContain('COPY ["\\\\<<x", "/d/"]');
    const result = await tryBuild(text, { '<<x': 'from the context\n' });
    expect(result.ok).toBe(true);
    if (result.ok) expect((await run(result.tag, ['cat', '/d/<<x'])).stdout).toBe('from the context\n');
  });

  it('a BOM at the end of a RUN reaches the shell (the builder no longer drops it)', async () => {
    const app = stage('app').from(image(baseImage('debian:bookworm-slim'))).run("printf '%s' x\uFEFF > /out").user('1');
    const result = await tryBuild(dockerfile(app, none).render());
    expect(result.ok).toBe(true);
    if (result.ok) expect((await docker(['run', '--rm', '--network=none', result.tag, 'od', '-An', '-tx1', '/out'])).stdout.trim()).toBe('78 ef bb bf');
  });
});
