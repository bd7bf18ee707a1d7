import { DockwrightError } from '@dockwright/core';
import { has, readText } from '../shared/read-project.js';

/** The build tool of a Java project. */
export type JavaBuildTool = 'maven' | 'gradle';

/** What the Java preset needs to know about a project; `detectJava()` reads it from disk, `detectJavaFiles()` from file contents. */
export interface JavaProject {
  /** Maven's `<artifactId>`, Gradle's `rootProject.name`, else `app`. */
  readonly name: string;
  /** `maven` (pom.xml), `gradle` (build.gradle or build.gradle.kts); undefined when both are there. */
  readonly buildTool: JavaBuildTool | undefined;
  /** The build files found, relative to the project: `pom.xml`, `mvnw`, `.mvn`, `build.gradle.kts`, `gradlew`, ... */
  readonly buildFiles: readonly string[];
  /** `mvnw` or `gradlew` (with its `.mvn/wrapper` or `gradle/wrapper`) is there. */
  readonly wrapper: boolean;
  /** The Java release: `maven.compiler.release` (or `<release>`, `.target`, `java.version`), Gradle's toolchain or `sourceCompatibility`; undefined when none says. */
  readonly javaVersion: string | undefined;
  /** The Spring Boot plugin is applied (its jar is layered: `-Djarmode=tools`). */
  readonly springBoot: boolean;
  /** The Spring Boot version of the parent POM or the Gradle plugin, when written out. */
  readonly springBootVersion: string | undefined;
  /** The main class of the manifest or plugin configuration (`<mainClass>`, `start-class`, `application { mainClass }`). */
  readonly mainClass: string | undefined;
  /** Gradle's `application` plugin is applied (`installDist` gives the jars and their dependencies). */
  readonly application: boolean;
}

function fail(dir: string, message: string, hint: string): never {
  throw new DockwrightError([{ code: 'DW9003', message: `${message} in ${dir}`, hint, path: { instruction: 'detectJava()' } }]);
}

/** The text of the first `<tag>` element (no attributes), trimmed. */
function element(xml: string, tag: string): string | undefined {
  const m = new RegExp(`<${tag}>\\s*([^<]*?)\\s*</${tag}>`).exec(xml);
  return m?.[1];
}

/** The contents of every `<tag>...</tag>` block. */
function blocks(xml: string, tag: string): string[] {
  return [...xml.matchAll(new RegExp(`<${tag}(?:\\s[^>]*)?>([^]*?)</${tag}>`, 'g'))].map((m) => m[1] ?? '');
}

const withoutBlocks = (xml: string, tags: readonly string[]) => tags.reduce((x, t) => x.replace(new RegExp(`<${t}(?:\\s[^>]*)?>[^]*?</${t}>`, 'g'), ''), xml);

const JAVA_CLASS = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/;
const RELEASE = /^(1\.)?\d+$/;
/** `1.8` is Java 8. */
const release = (v: string | undefined) => (v !== undefined && RELEASE.test(v) ? v.replace(/^1\./, '') : undefined);

function readPom(dir: string, pom: string) {
  const xml = pom.replace(/<!--[^]*?-->/g, '');
  const project = withoutBlocks(xml, ['parent', 'dependencies', 'dependencyManagement', 'build', 'profiles', 'reporting', 'pluginRepositories', 'repositories']);
  if (element(project, 'packaging') === 'pom' || /<modules>/.test(project)) fail(dir, 'pom.xml is an aggregator (packaging pom, <modules>)', 'point the preset at the module that builds the application jar');
  const packaging = element(project, 'packaging') ?? 'jar';
  if (packaging !== 'jar') fail(dir, `pom.xml has packaging ${packaging}`, 'the Java preset builds jar packaging; a war needs a servlet container image of your own');
  const properties = new Map<string, string>();
  for (const block of blocks(project, 'properties')) {
    for (const m of block.matchAll(/<([\w.-]+)>\s*([^<]*?)\s*<\/\1>/g)) properties.set(m[1] ?? '', m[2] ?? '');
  }
  const resolve = (v: string | undefined): string | undefined => {
    const ref = v === undefined ? undefined : /^\$\{([\w.-]+)\}$/.exec(v)?.[1];
    return ref === undefined ? v : properties.get(ref);
  };
  const parent = blocks(xml, 'parent')[0];
  const bootParent = parent !== undefined && element(parent, 'groupId') === 'org.springframework.boot';
  const plugins = blocks(withoutBlocks(xml, ['pluginManagement']), 'plugin');
  const boot = plugins.find((p) => element(p, 'artifactId') === 'spring-boot-maven-plugin');
  const compiler = plugins.find((p) => element(p, 'artifactId') === 'maven-compiler-plugin');
  const mains = plugins.map((p) => resolve(element(p, 'mainClass'))).filter((m) => m !== undefined);
  const javaVersion = [
    properties.get('maven.compiler.release'),
    compiler === undefined ? undefined : resolve(element(compiler, 'release')),
    properties.get('maven.compiler.target'),
    compiler === undefined ? undefined : resolve(element(compiler, 'target')),
    properties.get('java.version'),
  ]
    .map(release)
    .find((v) => v !== undefined);
  return {
    name: element(project, 'artifactId') ?? 'app',
    javaVersion,
    springBoot: boot !== undefined,
    springBootVersion: (boot === undefined ? undefined : resolve(element(boot, 'version'))) ?? (bootParent ? resolve(element(parent, 'version')) : undefined),
    mainClass: [...mains, properties.get('start-class'), properties.get('exec.mainClass')].find((m) => m !== undefined && JAVA_CLASS.test(m)),
    application: false,
  };
}

/** A string literal (`'x'` or `"x"`) after `pattern`, in a Groovy or Kotlin build script. */
function literal(script: string, pattern: string): string | undefined {
  return new RegExp(`${pattern}\\s*(?:=|\\(|\\s)\\s*(?:['"])([^'"]+)['"]`).exec(script)?.[1];
}

function readGradle(script: string, settings: string | undefined) {
  const code = script.replace(/\/\*[^]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const bootPlugin = /id\s*\(?\s*['"]org\.springframework\.boot['"]\s*\)?(?:\s*version\s*\(?\s*['"]([^'"]+)['"])?/.exec(code);
  const bootApply = /apply\s+plugin:\s*['"]org\.springframework\.boot['"]/.test(code);
  const application = /^\s*(?:id\s*\(?\s*['"]application['"]\s*\)?|application|`application`)\s*$/m.test(code) || /apply\s+plugin:\s*['"]application['"]/.test(code);
  const toolchain = /JavaLanguageVersion\.of\(\s*(\d+)\s*\)/.exec(code)?.[1] ?? /jvmToolchain\(\s*(\d+)\s*\)/.exec(code)?.[1];
  const compat = /sourceCompatibility\s*=\s*(?:JavaVersion\.VERSION_(\d+(?:_\d+)?)|['"]?([\d.]+)['"]?)/.exec(code);
  const compatVersion = compat?.[1]?.replace('_', '.') ?? compat?.[2];
  const mainClass = [
    literal(code, 'mainClass(?:\\.set)?'),
    literal(code, 'mainClassName'),
    /['"]Main-Class['"]\s*(?::|to)\s*['"]([^'"]+)['"]/.exec(code)?.[1],
  ].find((m) => m !== undefined && JAVA_CLASS.test(m));
  return {
    name: (settings === undefined ? undefined : literal(settings, 'rootProject\\.name')) ?? 'app',
    javaVersion: release(toolchain) ?? release(compatVersion),
    springBoot: bootPlugin !== null || bootApply,
    springBootVersion: bootPlugin?.[1],
    mainClass,
    application,
  };
}

/** Reads a Maven or Gradle project through the file source of the detection under way (`detectJava`, `detectJavaFiles`). */
export function readJavaProject(dir: string): JavaProject {
  const pom = readText(dir, 'pom.xml');
  const gradleFile = ['build.gradle.kts', 'build.gradle'].find((f) => has(dir, f));
  if (pom === undefined && gradleFile === undefined) fail(dir, 'no pom.xml, build.gradle or build.gradle.kts', 'point the preset at the project root (the directory with the build file)');
  const files = ['pom.xml', 'mvnw', '.mvn', 'build.gradle.kts', 'build.gradle', 'settings.gradle.kts', 'settings.gradle', 'gradle.properties', 'gradlew', 'gradle'].filter((f) => has(dir, f));
  const buildTool: JavaBuildTool | undefined = pom !== undefined && gradleFile !== undefined ? undefined : pom !== undefined ? 'maven' : 'gradle';
  let read: ReturnType<typeof readPom>;
  if (pom !== undefined && buildTool !== 'gradle') {
    read = readPom(dir, pom);
  } else {
    const settings = readText(dir, 'settings.gradle.kts') ?? readText(dir, 'settings.gradle');
    read = readGradle(readText(dir, gradleFile ?? 'build.gradle') ?? '', settings);
  }
  const wrapper = buildTool === 'gradle' ? has(dir, 'gradlew') && has(dir, 'gradle/wrapper/gradle-wrapper.properties') : buildTool === 'maven' && has(dir, 'mvnw') && has(dir, '.mvn/wrapper/maven-wrapper.properties');
  return Object.freeze({ ...read, buildTool, buildFiles: Object.freeze(files), wrapper });
}
