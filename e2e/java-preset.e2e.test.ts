/**
 * The Java preset, built and run by a real engine: a stdlib-only Maven project (an HTTP server on
 * com.sun.net.httpserver) with Debian's JDK 17 and Maven, which resolve from Debian's packaged
 * repository (scripts/e2e/base-images.sh: Maven Central is unreachable here). Built for real: the
 * Maven path with the jlink'd runtime on the slim Debian, and the same build on a JRE-style
 * runtime (the JDK image standing in for a JRE image). Gradle and Spring Boot are rendered and
 * linted only (packages/presets/test/java-preset.test.ts): their plugins are not packaged offline.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { image } from '@dockwright/core';
import { detectJava, javaPreset } from '@dockwright/presets';
import { baseImage, build, imageSize, inspect, removeImages, requireEngine, run, uniqueTag } from './support/docker.js';
import { startContainer } from './support/node-apps.js';
import { record } from './support/summary.js';
import { stepCached } from './support/build-log.js';
import { copyFixture } from './support/copy-fixture.js';

const made: string[] = [];
const work: string[] = [];

beforeAll(async () => {
  await requireEngine();
});

afterAll(async () => {
  await removeImages(...made);
  for (const dir of work) await rm(dir, { recursive: true, force: true });
});

describe('javaPreset, real builds', () => {
  it('Maven, jlink runtime: builds offline, answers HTTP as 65532, a source change reuses the dependency step, the dependencies\' jdeps and the jlink runtime', async () => {
    const dir = await copyFixture('java-maven-http', work);
    const project = detectJava(dir);
    expect(project).toMatchObject({ buildTool: 'maven', name: 'hello', javaVersion: '17', mainClass: 'com.example.hello.Main', springBoot: false, wrapper: false });
    const jdk = image(baseImage('maven:3.8.7-openjdk-17'));
    const { dockerfile, dockerignore } = javaPreset(project, { images: { jdk, buildTool: 'jdk', runtime: image(baseImage('debian:bookworm-slim')) }, port: 8080 });
    await writeFile(join(dir, '.dockerignore'), dockerignore.render());
    const text = dockerfile.render();
    expect(text).toContain('--print-module-deps');
    expect(text).toContain('jlink --add-modules "$(cat /out/modules)"');
    const tag = uniqueTag('java-maven-jlink');
    made.push(tag);
    const cold = await build({ dockerfile: text, context: dir, tag, noCache: true, progress: 'plain', timeoutMs: 900_000 });
    const fetcher = ['/opt/java/bin/java', '-cp', '/app/app.jar', 'com.example.hello.Main', 'fetch'];
    let app = await startContainer(tag, { port: 8080, fetcher });
    try {
      expect((await app.fetch('/', { timeoutMs: 60_000 })).json).toEqual({ ok: true, service: 'java-maven', version: 'v1', uid: 65532 });
    } finally {
      await app.remove();
    }
    const config = (await inspect(tag)).Config;
    expect(config.User).toBe('65532:65532');
    // Only the modules jdeps found: no compiler, no desktop.
    const listed = await run(tag, ['/opt/java/bin/java', '--list-modules']);
    expect(listed.code).toBe(0);
    expect(listed.stdout.split('\n').map((l) => l.split('@')[0]).filter((m) => m !== '').sort()).toEqual(['java.base', 'jdk.httpserver']);

    const version = join(dir, 'src/main/java/com/example/hello/Version.java');
    // New text on every run: the engine's cache outlives a run, and a change it has seen before
    // would find every step cached.
    const v2 = `v2-${Date.now().toString(36)}`;
    await writeFile(version, (await readFile(version, 'utf8')).replace('"v1"', JSON.stringify(v2)));
    const warm = await build({ dockerfile: text, context: dir, tag, progress: 'plain', timeoutMs: 900_000 });
    // pom.xml is as it was: the dependency step (resolve and copy) and the jdeps of the dependency jars are reused.
    expect(stepCached(warm.log, 'dependency:copy-dependencies')).toBe(true);
    expect(stepCached(warm.log, "--print-module-deps --class-path '/out/lib/*'")).toBe(true);
    expect(stepCached(warm.log, 'COPY --from=deps /out/lib/')).toBe(true);
    // The sources changed: the jar is built again and jdeps reads it again, finds the same modules,
    // and jlink's runtime is reused.
    expect(stepCached(warm.log, '-DskipTests package')).toBe(false);
    expect(stepCached(warm.log, '--print-module-deps /out/app.jar')).toBe(false);
    expect(stepCached(warm.log, 'jlink --add-modules')).toBe(true);
    expect(stepCached(warm.log, 'COPY --from=jre /opt/java')).toBe(true);
    app = await startContainer(tag, { port: 8080, fetcher });
    try {
      expect((await app.fetch('/', { timeoutMs: 60_000 })).json).toMatchObject({ version: v2, uid: 65532 });
    } finally {
      await app.remove();
    }
    const bytes = await imageSize(tag);
    // The slim Debian (~75 MB) plus a two-module runtime (~50 MB); a full JDK image is ~500 MB.
    expect(bytes).toBeLessThan(160_000_000);
    record({ case: 'javaPreset Maven jlink', coldSeconds: cold.seconds, warmSeconds: warm.seconds, imageBytes: bytes, note: 'warm = rebuild after a source-only change' });
  });

  it('Maven, JRE runtime: the layout runs on an image with java on its PATH, as 65532', async () => {
    const dir = await copyFixture('java-maven-http', work);
    const jdk = image(baseImage('maven:3.8.7-openjdk-17'));
    // No JRE image here: the JDK image stands in for one (the preset's default is eclipse-temurin's -jre).
    const { dockerfile } = javaPreset(detectJava(dir), { images: { jdk, buildTool: 'jdk', runtime: jdk }, runtime: 'jre', port: 8080 });
    const text = dockerfile.render();
    expect(text).toContain('CMD ["java", "-XX:MaxRAMPercentage=75", "-cp", "/app/app.jar:/app/lib/*", "com.example.hello.Main"]');
    const tag = uniqueTag('java-maven-jre');
    made.push(tag);
    const built = await build({ dockerfile: text, context: dir, tag, progress: 'plain', timeoutMs: 900_000 });
    const app = await startContainer(tag, { port: 8080, fetcher: ['java', '-cp', '/app/app.jar', 'com.example.hello.Main', 'fetch'] });
    try {
      expect((await app.fetch('/', { timeoutMs: 60_000 })).json).toEqual({ ok: true, service: 'java-maven', version: 'v1', uid: 65532 });
    } finally {
      await app.remove();
    }
    record({ case: 'javaPreset Maven JRE (JDK image as runtime)', coldSeconds: built.seconds, imageBytes: await imageSize(tag), note: 'build stage shared with the jlink case when it ran first' });
  });
});
