import { bindMount, cacheMount, dockerfile, DockwrightError, image, stage, type Image, type MountValue, type Stage } from '@dockwright/core';
import { dockerignore } from '../shared/dockerignore.js';
import { hintFor, withOptionHints, type OptionHint } from '../shared/option-hints.js';
import type { PresetResult } from '../shared/preset-result.js';
import type { JavaBuildTool, JavaProject } from './detect-java.js';

/** The base images of the Java preset, by logical name. */
export interface JavaImages {
  /** The JDK of the build stage (and of jlink). Default `eclipse-temurin:<exact>-jdk-jammy` for the project's Java release. */
  readonly jdk?: Image;
  /**
   * Where Maven (`/usr/share/maven`) or Gradle (`/opt/gradle`) is copied from when the project has
   * no wrapper. Default `maven:3.9.9` or `gradle:8.11.1`. `'jdk'`: the JDK image has `mvn` or
   * `gradle` on its PATH already.
   */
  readonly buildTool?: Image | 'jdk';
  /** The runtime: with `runtime: 'jre'` an image with `java` on its PATH (default `eclipse-temurin:<exact>-jre-jammy`); with `'jlink'` the base the runtime is copied into (default `debian:12.8-slim`). */
  readonly runtime?: Image;
}

/** Options of the Java preset. */
export interface JavaPresetOptions {
  readonly images?: JavaImages;
  /** Overrides the detected build tool (needed when pom.xml and a Gradle build are both there). */
  readonly buildTool?: JavaBuildTool;
  /** The Java release (`17`, `21`) when the build does not say; picks the default images. Default 21. */
  readonly javaVersion?: string;
  /** `jlink` (default for a plain jar): a runtime of the modules the app uses on a slim Debian; `jre` (default for Spring Boot): a JRE image. */
  readonly runtime?: 'jre' | 'jlink';
  /** The modules jlink puts in the runtime, e.g. `['java.base', 'jdk.httpserver']`. Default: what `jdeps` finds in the jar and its dependencies. */
  readonly modules?: readonly string[];
  /** The class `java` starts. Default: the main class of the manifest or plugin configuration. */
  readonly mainClass?: string;
  /** JVM flags before the main class. Default `['-XX:MaxRAMPercentage=75']`. */
  readonly jvmFlags?: readonly string[];
  /** Arguments after the main class. */
  readonly args?: readonly string[];
  /** Default 8080 for Spring Boot; none otherwise. */
  readonly port?: number;
  /** An exec-form health check command (the runtime has no curl: a main class of the app, for example). */
  readonly healthcheck?: { readonly command: readonly [string, ...string[]]; readonly interval?: `${number}s` } | false;
  /** The numeric user the app runs as (default 65532:65532). */
  readonly user?: { readonly uid: number; readonly gid: number };
  readonly labels?: Readonly<Record<string, string>>;
  readonly runtimeSteps?: (runtime: Stage<boolean>) => Stage<boolean>;
}

/** Exact Temurin builds per release: a preset's default base image is pinned, never a floating tag. */
const TEMURIN: Readonly<Record<string, string>> = { '11': '11.0.25_9', '17': '17.0.13_11', '21': '21.0.5_11' };
const DEFAULT_JAVA = '21';
const MAVEN_IMAGE = 'maven:3.9.9';
const GRADLE_IMAGE = 'gradle:8.11.1';
const JAVA_CLASS = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/;
const MODULE = /^[A-Za-z_][\w]*(\.[A-Za-z_][\w]*)*$/;
/** The modules jlink adds (`java.base,jdk.httpserver`): the dependencies' and the app's, sorted, in a stage of its own. */
const MODULE_LIST = '/out/modules';
/** The modules the dependency jars use, in a stage keyed by those jars alone. */
const DEPS_MODULES = '/out/deps-modules';
// A JVM flag or argument reaches the exec-form CMD as one JSON string: no shell reads it, but a newline is never a value.
const PLAIN_ARG = /^[^\n\r\0]+$/;

function fail(message: string, hint: string): never {
  throw new DockwrightError([{ code: 'DW9003', message, hint, path: { instruction: 'javaPreset()' } }]);
}

const quoted = (items: readonly string[]) => items.map((i) => `'${i}'`).join(', ');

/** Spring Boot before 3.3 extracts with `layertools`, before 3.2 its launcher is in another package. */
function bootLayout(version: string | undefined): { tools: boolean; launcher: string } {
  const [major = 3, minor = 3] = (version ?? '').split('.').map(Number).filter((n) => Number.isFinite(n));
  const at = (maj: number, min: number) => major > maj || (major === maj && minor >= min);
  return { tools: at(3, 3), launcher: at(3, 2) ? 'org.springframework.boot.loader.launch.JarLauncher' : 'org.springframework.boot.loader.JarLauncher' };
}

/** The shell that copies the one application jar of `dir` to /out/app.jar (sources, javadoc and plain jars left out). */
function pickJar(dir: string): string {
  return (
    `mkdir -p /out && set -- $(ls ${dir}/*.jar | grep -v -e '-sources\\.jar$' -e '-javadoc\\.jar$' -e '-tests\\.jar$' -e '-plain\\.jar$' -e '/original-') ` +
    `&& if [ "$#" -ne 1 ]; then echo "want one application jar in ${dir}, found: $*" >&2; exit 1; fi && cp "$1" /out/app.jar`
  );
}

/**
 * A Java app built with Maven or Gradle (the project's wrapper when it has one): the dependencies
 * resolved from the build files alone into a cache mount (`/root/.m2`, `/root/.gradle`), so a
 * source change does not resolve them again, then the jar; Spring Boot jars extracted into their
 * layers (`-Djarmode=tools`), plain jars next to their dependencies in `/app/lib`; on a jlink'd
 * runtime of the modules the app uses or a pinned JRE image, running as uid 65532 with an
 * exec-form `java` command.
 *
 * @example
 * ```ts
 * const { dockerfile } = javaPreset(detectJava('.'), { runtime: 'jlink', port: 8080 });
 * ```
 */
export function javaPreset(project: JavaProject, options: JavaPresetOptions = {}): PresetResult {
  const tool = options.buildTool ?? project.buildTool;
  if (tool === undefined) fail(`${project.name} has both pom.xml and a Gradle build`, "pass buildTool: 'maven' or 'gradle'");
  if (tool !== 'maven' && tool !== 'gradle') fail(`buildTool ${JSON.stringify(tool)} is not a Java build tool`, "pass buildTool: 'maven' or 'gradle'");
  const files = project.buildFiles;
  if (tool === 'maven' && !files.includes('pom.xml')) fail(`${project.name} has no pom.xml`, "add pom.xml, or pass buildTool: 'gradle'");
  if (tool === 'gradle' && !files.some((f) => f.startsWith('build.gradle'))) fail(`${project.name} has no build.gradle or build.gradle.kts`, "add one, or pass buildTool: 'maven'");
  const version = options.javaVersion ?? project.javaVersion ?? DEFAULT_JAVA;
  if (!/^\d+$/.test(version)) fail(`javaVersion ${JSON.stringify(version)} is not a Java release`, "pass javaVersion: '21'");
  const temurin = TEMURIN[version];
  const runtimeKind = options.runtime ?? (project.springBoot ? 'jre' : 'jlink');
  if (runtimeKind !== 'jre' && runtimeKind !== 'jlink') fail(`runtime ${JSON.stringify(runtimeKind)} is not a Java runtime`, "pass runtime: 'jre' or 'jlink'");
  if (temurin === undefined && (options.images?.jdk === undefined || (runtimeKind === 'jre' && options.images.runtime === undefined))) {
    fail(`no default image for Java ${version}`, `pass images: { jdk: image('eclipse-temurin:${version}.<patch>_<build>-jdk-jammy')${runtimeKind === 'jre' ? ", runtime: image('...-jre-jammy')" : ''} } (defaults exist for ${quoted(Object.keys(TEMURIN))})`);
  }
  const mainClass = options.mainClass ?? project.mainClass;
  if (mainClass !== undefined && !JAVA_CLASS.test(mainClass)) fail(`mainClass ${JSON.stringify(mainClass)} is not a Java class name`, "pass mainClass: 'com.example.Main'");
  if (!project.springBoot && mainClass === undefined) fail(`cannot tell the main class of ${project.name}: no <mainClass>, start-class or application { mainClass }`, "pass mainClass: 'com.example.Main'");
  if (tool === 'gradle' && !project.springBoot && !project.application) fail(`${project.name} applies neither the application nor the Spring Boot plugin: Gradle does not gather its dependencies`, "add id 'application' to plugins { } (installDist gives the jar and its dependencies)");
  const modules = options.modules;
  if (modules !== undefined && (modules.length === 0 || !modules.every((m) => typeof m === 'string' && MODULE.test(m)))) fail('modules must be module names', "pass modules: ['java.base', 'jdk.httpserver']");
  if (runtimeKind === 'jlink' && project.springBoot && modules === undefined) fail('jlink for a Spring Boot app needs its modules: jdeps cannot see what Spring loads by reflection', "pass modules: ['java.base', 'java.logging', 'java.naming', 'java.management', 'jdk.unsupported', ...], or runtime: 'jre'");
  const jvmFlags = options.jvmFlags ?? ['-XX:MaxRAMPercentage=75'];
  for (const f of jvmFlags) if (typeof f !== 'string' || !f.startsWith('-') || !PLAIN_ARG.test(f)) fail(`jvm flag ${JSON.stringify(f)} is not a flag`, "pass jvmFlags: ['-Xmx512m', '-Dkey=value'] (each starting with -)");
  const args = options.args ?? [];
  for (const a of args) if (typeof a !== 'string' || !PLAIN_ARG.test(a)) fail(`argument ${JSON.stringify(a)} is not a single line`, "pass args: ['--flag', 'value']");
  const user = options.user ?? { uid: 65532, gid: 65532 };
  const port = options.port ?? (project.springBoot ? 8080 : undefined);

  const jdk = options.images?.jdk ?? image(`eclipse-temurin:${temurin ?? ''}-jdk-jammy`);
  const toolImage = options.images?.buildTool ?? image(tool === 'maven' ? MAVEN_IMAGE : GRADLE_IMAGE);
  // Maven resolves and copies the dependencies in a stage of their own, keyed by the build files alone.
  let base: Stage<boolean> = stage(tool === 'maven' ? 'deps' : 'build').from(jdk).workdir('/src');
  let command: string;
  if (project.wrapper) command = tool === 'maven' ? './mvnw' : './gradlew';
  else if (toolImage === 'jdk') command = tool === 'maven' ? 'mvn' : 'gradle';
  else {
    const home = tool === 'maven' ? '/usr/share/maven' : '/opt/gradle';
    base = base.copy(toolImage, home, home);
    command = `${home}/bin/${tool === 'maven' ? 'mvn' : 'gradle'}`;
  }
  const cache = cacheMount(tool === 'maven' ? '/root/.m2' : '/root/.gradle', { sharing: 'locked' });
  // Dependencies first, from the build files alone: a source change does not resolve them again.
  // Maven: dependency:resolve, not go-offline, which also resolves plugins package never runs (site,
  // deploy); the plugins package does run land in the same cache mount on the first build.
  const buildFiles: MountValue[] = files.filter((f) => (tool === 'maven' ? ['pom.xml', 'mvnw', '.mvn'] : ['build.gradle.kts', 'build.gradle', 'settings.gradle.kts', 'settings.gradle', 'gradle.properties', 'gradlew', 'gradle']).includes(f)).map((f) => bindMount(f, { source: f, readwrite: tool === 'gradle' }));
  const all = bindMount('.', { source: '.', readwrite: true });
  let build: Stage<boolean>;
  /** The stage whose /out/lib holds the dependency jars of a plain jar. */
  let libs: Stage<boolean>;
  if (tool === 'maven') {
    // copy-dependencies reads pom.xml alone, so it runs here, not again with every package of the sources.
    const copyDeps = project.springBoot ? '' : ' dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory=/out/lib';
    libs = base.run(`${project.springBoot ? '' : 'mkdir -p /out/lib && '}${command} -B -q dependency:resolve${copyDeps}`).withMounts(cache, ...buildFiles);
    build = stage('build').from(libs).run(`${command} -B -q -DskipTests package && ${pickJar('target')}`).withMounts(all, cache);
  } else {
    const gradle = `${command} --no-daemon -q`;
    const jarScript = project.springBoot
      ? `${gradle} bootJar -x test && ${pickJar('build/libs')}`
      : `${gradle} installDist -x test && ${pickJar('build/libs')} && mkdir -p /out/lib && cp build/install/*/lib/*.jar /out/lib/ && rm -f "/out/lib/$(basename "$1")"`;
    // Writable: Gradle writes build/ into the sources; the writes are discarded once the jar is out.
    build = base.run(`${gradle} dependencies --configuration runtimeClasspath > /dev/null`).withMounts(cache, ...buildFiles).run(jarScript).withMounts(all, cache);
    libs = build;
  }

  const boot = bootLayout(project.springBootVersion);
  if (project.springBoot) {
    build = build.run(
      boot.tools
        ? 'java -Djarmode=tools -jar /out/app.jar extract --layers --launcher --destination /out/layers'
        : 'java -Djarmode=layertools -jar /out/app.jar extract --destination /out/layers',
    );
  }

  let runtime: Stage<boolean>;
  let java: string;
  if (runtimeKind === 'jlink') {
    const compress = Number(version) >= 21 ? '--compress=zip-6' : '--compress=2';
    // jdeps in two stages: the dependency jars' modules keyed by those jars alone (cached on a source
    // change), the app's from its jar alone; their sorted union is one file, and jlink mounts that file
    // alone: BuildKit keys a read-only bind mount on the content it selects, so a source change that
    // keeps the list keeps the runtime cached. With modules given, the runtime does not read the build.
    let jlink: Stage<boolean> = stage('jre').from(jdk);
    if (modules === undefined) {
      // jdeps is a short JVM run on the rebuild's path: the client compiler alone and the serial
      // collector start and finish it in about 0.6 times the default's time, the same output.
      const jdeps = `jdeps -J-XX:TieredStopAtLevel=1 -J-XX:+UseSerialGC --ignore-missing-deps -q --multi-release ${version} --print-module-deps`;
      const depsModules = stage('deps-modules')
        .from(jdk)
        .run(`set -- /out/lib/*.jar && if [ -e "$1" ]; then ${jdeps} --class-path '/out/lib/*' "$@"; fi > ${DEPS_MODULES}`)
        .withMounts(bindMount('/out/lib', { from: libs, source: '/out/lib' }));
      // The app's jar without the class path: its calls into the dependencies are theirs to count.
      const union = stage('modules')
        .from(jdk)
        // The pipe ends in grep, which fails on no module at all; jdeps runs before it, under &&.
        .run(`app="$(${jdeps} /out/app.jar)" && printf '%s,%s' "$(cat ${DEPS_MODULES})" "$app" | tr , '\\n' | sort -u | grep . > /tmp/modules && paste -sd , /tmp/modules > ${MODULE_LIST}`)
        .withMounts(bindMount(DEPS_MODULES, { from: depsModules, source: DEPS_MODULES }), bindMount('/out/app.jar', { from: build, source: '/out/app.jar' }));
      jlink = jlink.run(`jlink --add-modules "$(cat ${MODULE_LIST})" --strip-debug --no-man-pages --no-header-files ${compress} --output /opt/java`).withMounts(bindMount(MODULE_LIST, { from: union, source: MODULE_LIST }));
    } else {
      jlink = jlink.run(`jlink --add-modules ${modules.join(',')} --strip-debug --no-man-pages --no-header-files ${compress} --output /opt/java`);
    }
    const jre: Stage<boolean> = jlink;
    runtime = stage('runtime').from(options.images?.runtime ?? image('debian:12.8-slim')).env({ JAVA_HOME: '/opt/java' }).copy(jre, '/opt/java', '/opt/java');
    java = '/opt/java/bin/java';
  } else {
    runtime = stage('runtime').from(options.images?.runtime ?? image(`eclipse-temurin:${temurin ?? ''}-jre-jammy`));
    java = 'java';
  }
  runtime = runtime.workdir('/app');
  let start: string[];
  if (project.springBoot) {
    // The layers from the least to the most often changed: a source change rebuilds only application/.
    for (const layer of ['dependencies', 'spring-boot-loader', 'snapshot-dependencies', 'application']) runtime = runtime.copy(build, `/out/layers/${layer}/`, './');
    // The launcher reads Start-Class from the manifest of the application layer.
    start = [boot.launcher];
  } else {
    runtime = runtime.copy(libs, '/out/lib/', './lib/').copy(build, '/out/app.jar', './app.jar');
    start = ['-cp', '/app/app.jar:/app/lib/*', mainClass ?? ''];
  }
  if (options.labels !== undefined) runtime = runtime.label(options.labels);
  if (options.runtimeSteps !== undefined) runtime = options.runtimeSteps(runtime);
  const hints: OptionHint[] = [hintFor(runtime, 'USER', 'user: { uid: 10001, gid: 10001 } (numbers, not 0)')];
  let final: Stage<true> = runtime.user({ uid: user.uid, gid: user.gid });
  if (port !== undefined) {
    hints.push(hintFor(final, 'EXPOSE', 'port: 8080 (a number from 1 to 65535)'));
    final = final.expose(port);
  }
  if (options.healthcheck) {
    hints.push(hintFor(final, 'HEALTHCHECK', "healthcheck: { command: ['java', ...], interval: '30s' }"));
    final = final.healthcheck(options.healthcheck.command, { interval: options.healthcheck.interval ?? '30s', timeout: '5s', startPeriod: '10s', retries: 3 });
  }
  final = final.cmd([java, ...jvmFlags, ...start, ...args]);
  const file = withOptionHints('javaPreset()', hints, () => dockerfile(final));
  return Object.freeze({ dockerfile: file, dockerignore: dockerignore(['target', 'build', '.gradle', 'out', '*.iml', '.idea']), context: '.' });
}
