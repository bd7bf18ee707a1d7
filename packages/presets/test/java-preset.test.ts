import { describe, expect, it } from 'vitest';
import { image, lintDockerfile } from '@dockwright/core';
import { detectJavaFiles, javaPreset, type FileContents } from '@dockwright/presets';

const digest = `sha256:${'1'.repeat(64)}`;
const jdk = image('registry.example.com/eclipse-temurin:17.0.13_11-jdk-jammy').pinDigest(digest);

const pom = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>\n<project xmlns="http://maven.apache.org/POM/4.0.0">\n  <modelVersion>4.0.0</modelVersion>\n${body}\n</project>\n`;
/** A stdlib-only Maven app: the main class in the jar plugin's manifest, the release as a property. */
const mavenPlain: FileContents = {
  'pom.xml': pom(`  <groupId>com.example</groupId>
  <artifactId>hello</artifactId>
  <version>1.0.0</version>
  <!-- <artifactId>not-this</artifactId> -->
  <properties>
    <maven.compiler.release>17</maven.compiler.release>
  </properties>
  <dependencies>
    <dependency><groupId>org.slf4j</groupId><artifactId>slf4j-api</artifactId><version>2.0.16</version></dependency>
  </dependencies>
  <build>
    <plugins>
      <plugin>
        <artifactId>maven-jar-plugin</artifactId>
        <version>3.3.0</version>
        <configuration><archive><manifest><mainClass>com.example.hello.Main</mainClass></manifest></archive></configuration>
      </plugin>
    </plugins>
  </build>`),
  'src/main/java/com/example/hello/Main.java': 'package com.example.hello;\n',
};
/** Spring Boot 3.3 through its parent, with the Maven wrapper and `java.version`. */
const mavenBoot: FileContents = {
  'pom.xml': pom(`  <parent>
    <groupId>org.springframework.boot</groupId>
    <artifactId>spring-boot-starter-parent</artifactId>
    <version>3.3.5</version>
  </parent>
  <artifactId>shop</artifactId>
  <properties><java.version>21</java.version></properties>
  <build><plugins><plugin><groupId>org.springframework.boot</groupId><artifactId>spring-boot-maven-plugin</artifactId></plugin></plugins></build>`),
  mvnw: '#!/bin/sh\n',
  '.mvn/wrapper/maven-wrapper.properties': 'distributionUrl=https://repo.maven.apache.org/maven2/org/apache/maven/apache-maven/3.9.9/apache-maven-3.9.9-bin.zip\n',
};
/** Gradle Kotlin DSL, application plugin, a toolchain, no wrapper. */
const gradleKts: FileContents = {
  'settings.gradle.kts': 'rootProject.name = "worker"\n',
  'build.gradle.kts': 'plugins {\n    application\n}\n\njava {\n    toolchain {\n        languageVersion = JavaLanguageVersion.of(21)\n    }\n}\n\napplication {\n    mainClass = "com.example.worker.App"\n}\n',
};
/** Gradle Groovy DSL, Spring Boot 3.1 (layertools, the old launcher), the wrapper, sourceCompatibility. */
const gradleBoot: FileContents = {
  'settings.gradle': "rootProject.name = 'legacy'\n",
  'build.gradle': "plugins {\n  id 'java'\n  id 'org.springframework.boot' version '3.1.12'\n}\n\njava {\n  sourceCompatibility = JavaVersion.VERSION_17\n}\n",
  gradlew: '#!/bin/sh\n',
  'gradle/wrapper/gradle-wrapper.properties': 'distributionUrl=https\\://services.gradle.org/distributions/gradle-8.11.1-bin.zip\n',
};

describe('detectJava', () => {
  it.each([
    ['Maven, plain jar: release property, manifest main class, comments ignored', mavenPlain, { buildTool: 'maven', name: 'hello', javaVersion: '17', mainClass: 'com.example.hello.Main', springBoot: false, wrapper: false }],
    ['Maven, Spring Boot parent and wrapper', mavenBoot, { buildTool: 'maven', name: 'shop', javaVersion: '21', springBoot: true, springBootVersion: '3.3.5', wrapper: true, buildFiles: ['pom.xml', 'mvnw', '.mvn'] }],
    ['Gradle Kotlin DSL: application plugin, toolchain', gradleKts, { buildTool: 'gradle', name: 'worker', javaVersion: '21', mainClass: 'com.example.worker.App', application: true, springBoot: false, wrapper: false }],
    ['Gradle Groovy DSL: Spring Boot plugin version, sourceCompatibility, wrapper', gradleBoot, { buildTool: 'gradle', name: 'legacy', javaVersion: '17', springBoot: true, springBootVersion: '3.1.12', wrapper: true }],
    ['a mvnw without .mvn/wrapper is not a wrapper', { ...mavenPlain, mvnw: '' }, { wrapper: false }],
    ['maven.compiler.release through a property, 1.8 as 8', { 'pom.xml': pom('<artifactId>old</artifactId><properties><v>1.8</v><maven.compiler.target>${v}</maven.compiler.target></properties>') }, { javaVersion: undefined }],
    ['<release> of the compiler plugin, start-class', { 'pom.xml': pom('<artifactId>x</artifactId><properties><start-class>a.B</start-class></properties><build><plugins><plugin><artifactId>maven-compiler-plugin</artifactId><configuration><release>11</release></configuration></plugin></plugins></build>') }, { javaVersion: '11', mainClass: 'a.B' }],
    ['Groovy mainClassName, jvmToolchain', { 'build.gradle': "apply plugin: 'application'\nmainClassName = 'a.Main'\nkotlin { jvmToolchain(17) }\n" }, { mainClass: 'a.Main', javaVersion: '17', application: true, name: 'app' }],
  ])('%s', (_, files, expected) => {
    expect(detectJavaFiles(files)).toMatchObject(expected);
  });
  it('both build tools: undefined, for the preset to ask', () => {
    expect(detectJavaFiles({ ...mavenPlain, ...gradleKts }).buildTool).toBeUndefined();
    expect(() => javaPreset(detectJavaFiles({ ...mavenPlain, ...gradleKts }))).toThrow(/DW9003 hello has both pom.xml and a Gradle build[^]*pass buildTool: 'maven' or 'gradle'/);
  });
  it.each([
    ['no build file', { 'Main.java': '' }, /DW9003 no pom.xml, build.gradle or build.gradle.kts in \.[^]*project root/],
    ['an aggregator POM', { 'pom.xml': pom('<artifactId>parent</artifactId><packaging>pom</packaging><modules><module>api</module></modules>') }, /DW9003 pom.xml is an aggregator[^]*module that builds the application jar/],
    ['a war', { 'pom.xml': pom('<artifactId>web</artifactId><packaging>war</packaging>') }, /DW9003 pom.xml has packaging war/],
  ])('refuses %s, saying what to do', (_, files, error) => {
    expect(() => detectJavaFiles(files)).toThrow(error);
  });
});

describe('javaPreset', () => {
  it('Maven plain jar: dependencies resolved and copied from pom.xml alone, then the jar, jdeps of the dependencies and of the jar to one module list, a jlink runtime from that list, as 65532', () => {
    expect(javaPreset(detectJavaFiles(mavenPlain), { images: { jdk }, port: 8080 }).dockerfile.render()).toMatchInlineSnapshot(`
      "FROM registry.example.com/eclipse-temurin:17.0.13_11-jdk-jammy@sha256:1111111111111111111111111111111111111111111111111111111111111111 AS deps
      WORKDIR /src
      COPY --from=maven:3.9.9 /usr/share/maven /usr/share/maven
      RUN --mount=type=cache,target=/root/.m2,sharing=locked \\
          --mount=type=bind,target=pom.xml,source=pom.xml \\
          mkdir -p /out/lib \\
          && /usr/share/maven/bin/mvn -B -q dependency:resolve dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory=/out/lib

      FROM deps AS build
      RUN --mount=type=bind,target=.,source=.,readwrite \\
          --mount=type=cache,target=/root/.m2,sharing=locked \\
          /usr/share/maven/bin/mvn -B -q -DskipTests package && mkdir -p /out && set -- $(ls target/*.jar | grep -v -e '-sources\\.jar$' -e '-javadoc\\.jar$' -e '-tests\\.jar$' -e '-plain\\.jar$' -e '/original-') && if [ "$#" -ne 1 ]; then echo "want one application jar in target, found: $*" >&2; exit 1; fi && cp "$1" /out/app.jar

      FROM registry.example.com/eclipse-temurin:17.0.13_11-jdk-jammy@sha256:1111111111111111111111111111111111111111111111111111111111111111 AS deps-modules
      RUN --mount=type=bind,target=/out/lib,source=/out/lib,from=deps \\
          set -- /out/lib/*.jar \\
          && if [ -e "$1" ]; then jdeps -J-XX:TieredStopAtLevel=1 -J-XX:+UseSerialGC --ignore-missing-deps -q --multi-release 17 --print-module-deps --class-path '/out/lib/*' "$@"; fi > /out/deps-modules

      FROM registry.example.com/eclipse-temurin:17.0.13_11-jdk-jammy@sha256:1111111111111111111111111111111111111111111111111111111111111111 AS modules
      RUN --mount=type=bind,target=/out/deps-modules,source=/out/deps-modules,from=deps-modules \\
          --mount=type=bind,target=/out/app.jar,source=/out/app.jar,from=build \\
          app="$(jdeps -J-XX:TieredStopAtLevel=1 -J-XX:+UseSerialGC --ignore-missing-deps -q --multi-release 17 --print-module-deps /out/app.jar)" \\
          && printf '%s,%s' "$(cat /out/deps-modules)" "$app" | tr , '\\n' | sort -u | grep . > /tmp/modules \\
          && paste -sd , /tmp/modules > /out/modules

      FROM registry.example.com/eclipse-temurin:17.0.13_11-jdk-jammy@sha256:1111111111111111111111111111111111111111111111111111111111111111 AS jre
      RUN --mount=type=bind,target=/out/modules,source=/out/modules,from=modules \\
          jlink --add-modules "$(cat /out/modules)" --strip-debug --no-man-pages --no-header-files --compress=2 --output /opt/java

      FROM debian:12.8-slim AS runtime
      ENV JAVA_HOME=/opt/java
      COPY --from=jre /opt/java /opt/java
      WORKDIR /app
      COPY --from=deps /out/lib/ ./lib/
      COPY --from=build /out/app.jar ./app.jar
      USER 65532:65532
      EXPOSE 8080
      CMD ["/opt/java/bin/java", "-XX:MaxRAMPercentage=75", "-cp", "/app/app.jar:/app/lib/*", "com.example.hello.Main"]
      "
    `);
  });
  it('Spring Boot with the Maven wrapper: the wrapper files first, the jar extracted into layers, a pinned JRE, port 8080', () => {
    const text = javaPreset(detectJavaFiles(mavenBoot)).dockerfile.render();
    expect(text).toContain('FROM eclipse-temurin:21.0.5_11-jdk-jammy AS deps');
    expect(text).toContain('FROM deps AS build');
    expect(text).toMatch(/--mount=type=bind,target=pom\.xml,source=pom\.xml \\\n {4}--mount=type=bind,target=mvnw,source=mvnw \\\n {4}--mount=type=bind,target=\.mvn,source=\.mvn \\\n {4}\.\/mvnw -B -q dependency:resolve/);
    expect(text).not.toContain('COPY --from=maven');
    expect(text).not.toContain('copy-dependencies');
    expect(text).toContain('RUN java -Djarmode=tools -jar /out/app.jar extract --layers --launcher --destination /out/layers');
    expect(text.match(/^COPY --from=build \/out\/layers\/[\w-]+\/ \.\/$/gm)).toEqual(['dependencies', 'spring-boot-loader', 'snapshot-dependencies', 'application'].map((l) => `COPY --from=build /out/layers/${l}/ ./`));
    expect(text).toContain('FROM eclipse-temurin:21.0.5_11-jre-jammy AS runtime');
    expect(text).toMatch(/EXPOSE 8080\nCMD \["java", "-XX:MaxRAMPercentage=75", "org\.springframework\.boot\.loader\.launch\.JarLauncher"\]\n$/);
  });
  it('Spring Boot before 3.3 with Gradle: layertools and the launcher of its version, the Gradle home in a cache mount', () => {
    const text = javaPreset(detectJavaFiles(gradleBoot)).dockerfile.render();
    expect(text).toContain('FROM eclipse-temurin:17.0.13_11-jdk-jammy AS build');
    expect(text).toContain('./gradlew --no-daemon -q dependencies --configuration runtimeClasspath > /dev/null');
    expect(text).toContain('--mount=type=cache,target=/root/.gradle,sharing=locked');
    expect(text).toContain('./gradlew --no-daemon -q bootJar -x test');
    expect(text).toContain('RUN java -Djarmode=layertools -jar /out/app.jar extract --destination /out/layers');
    expect(text).toContain('"org.springframework.boot.loader.JarLauncher"]');
  });
  it('Gradle application without a wrapper: Gradle copied from its pinned image, installDist, the dependencies in /app/lib', () => {
    const text = javaPreset(detectJavaFiles(gradleKts), { runtime: 'jre' }).dockerfile.render();
    expect(text).toContain('COPY --from=gradle:8.11.1 /opt/gradle /opt/gradle');
    expect(text).toContain('/opt/gradle/bin/gradle --no-daemon -q installDist -x test');
    expect(text).toContain('cp build/install/*/lib/*.jar /out/lib/ && rm -f "/out/lib/$(basename "$1")"');
    expect(text).toContain('FROM eclipse-temurin:21.0.5_11-jre-jammy AS runtime');
    expect(text).toContain('CMD ["java", "-XX:MaxRAMPercentage=75", "-cp", "/app/app.jar:/app/lib/*", "com.example.worker.App"]');
  });
  it.each([
    ['Maven', mavenPlain, '17', 'deps'],
    ['Gradle application', gradleKts, '21', 'build'],
  ])('%s: jdeps of the dependency jars alone, jdeps of the jar alone, their union in one file, and the jlink stage mounts that file alone (a source change that keeps the list keeps the runtime cached)', (_, files, release, libs) => {
    const text = javaPreset(detectJavaFiles(files), { runtime: 'jlink' }).dockerfile.render();
    const stages = new Map(text.split(/\n\n(?=FROM )/).map((s) => [/ AS ([\w-]+)\n/.exec(s)?.[1] ?? '', s] as const));
    const jdeps = `jdeps -J-XX:TieredStopAtLevel=1 -J-XX:+UseSerialGC --ignore-missing-deps -q --multi-release ${release} --print-module-deps`;
    // The dependencies' modules: keyed by the jars of /out/lib and nothing else of the build.
    const deps = stages.get('deps-modules') ?? '';
    expect(deps).toContain(`RUN --mount=type=bind,target=/out/lib,source=/out/lib,from=${libs} \\\n`);
    expect(deps).toContain(`then ${jdeps} --class-path '/out/lib/*' "$@"; fi > /out/deps-modules`);
    expect(deps.match(/from=/g)).toHaveLength(1);
    expect(deps).not.toContain('app.jar');
    // The app's modules from its jar, joined to the dependencies' list, sorted and without repeats.
    const union = stages.get('modules') ?? '';
    expect(union).toContain('--mount=type=bind,target=/out/deps-modules,source=/out/deps-modules,from=deps-modules \\\n');
    expect(union).toContain('--mount=type=bind,target=/out/app.jar,source=/out/app.jar,from=build \\\n');
    expect(union).toContain(`app="$(${jdeps} /out/app.jar)"`);
    expect(union).toContain("| tr , '\\n' | sort -u | grep . > /tmp/modules \\\n");
    expect(union).toContain('&& paste -sd , /tmp/modules > /out/modules');
    // jlink reads the one list: not the jar, not the build.
    const jre = stages.get('jre') ?? '';
    expect(jre).toMatch(/ AS jre\nRUN --mount=type=bind,target=\/out\/modules,source=\/out\/modules,from=modules \\\n {4}jlink --add-modules "\$\(cat \/out\/modules\)" /);
    expect(jre.match(/from=/g)).toHaveLength(1);
    expect(jre).not.toContain('jdeps');
    // The build stage computes no modules; the lists stay out of the image.
    expect(stages.get('build')).not.toContain('jdeps');
    expect(stages.get('runtime')).not.toContain('/out/modules');
    expect(stages.get('runtime')).toContain(`COPY --from=${libs} /out/lib/ ./lib/`);
  });
  it('modules given: no jdeps step, and jlink does not read the build (the runtime stage is cached across source changes); Java 21 compresses with zip-6', () => {
    const text = javaPreset(detectJavaFiles(gradleKts), { modules: ['java.base', 'jdk.httpserver'] }).dockerfile.render();
    expect(text).toMatch(/AS jre\nRUN jlink --add-modules java\.base,jdk\.httpserver --strip-debug --no-man-pages --no-header-files --compress=zip-6 --output \/opt\/java\n/);
    expect(text).not.toContain('jdeps');
    expect(text).not.toContain('/out/modules');
  });
  it('overrides: images, user, JVM flags, arguments, port, health check, labels', () => {
    const runtime = image('registry.example.com/debian:12.8-slim').pinDigest(digest);
    const text = javaPreset(detectJavaFiles(mavenPlain), {
      images: { jdk, buildTool: 'jdk', runtime },
      user: { uid: 10001, gid: 10001 },
      jvmFlags: ['-Xmx256m', '-Dfile.encoding=UTF-8'],
      args: ['--serve'],
      mainClass: 'com.example.hello.Other',
      port: 9000,
      healthcheck: { command: ['/opt/java/bin/java', '-cp', '/app/app.jar', 'com.example.hello.Probe'] },
      labels: { 'org.opencontainers.image.vendor': 'Example' },
    }).dockerfile.render();
    expect(text).toContain('    && mvn -B -q dependency:resolve dependency:copy-dependencies');
    expect(text).toContain('FROM registry.example.com/debian:12.8-slim@sha256:');
    expect(text).toMatch(/^USER 10001:10001$/m);
    expect(text).toContain('HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 CMD ["/opt/java/bin/java", "-cp", "/app/app.jar", "com.example.hello.Probe"]\n');
    expect(text).toContain('CMD ["/opt/java/bin/java", "-Xmx256m", "-Dfile.encoding=UTF-8", "-cp", "/app/app.jar:/app/lib/*", "com.example.hello.Other", "--serve"]');
    expect(text).toContain('LABEL org.opencontainers.image.vendor=Example');
  });
  it.each([
    ['no main class', { 'pom.xml': pom('<artifactId>x</artifactId>') }, {}, /DW9003 cannot tell the main class of x[^]*pass mainClass: 'com\.example\.Main'/],
    ['a Java release with no default image', mavenPlain, { javaVersion: '8' }, /DW9003 no default image for Java 8[^]*pass images: \{ jdk: image\('eclipse-temurin:8\./],
    ['jlink for Spring Boot without modules', mavenBoot, { runtime: 'jlink' }, /DW9003 jlink for a Spring Boot app needs its modules[^]*pass modules: \[/],
    ['a Gradle build without application or Spring Boot', { 'build.gradle': "plugins { id 'java' }\njar { manifest { attributes 'Main-Class': 'a.B' } }\n" }, {}, /DW9003 app applies neither the application nor the Spring Boot plugin[^]*id 'application'/],
    ['a JVM flag that is not a flag', mavenPlain, { jvmFlags: ['Xmx1g'] }, /DW9003 jvm flag "Xmx1g" is not a flag/],
    ['a JVM flag with a newline', mavenPlain, { jvmFlags: ['-Da=1\nRUN id'] }, /DW9003 jvm flag "-Da=1\\nRUN id" is not a flag/],
    ['a main class that is not a class name', mavenPlain, { mainClass: 'a b' }, /DW9003 mainClass "a b" is not a Java class name/],
    ['a module that is not a module name', mavenPlain, { modules: ['java.base', '$(id)'] }, /DW9003 modules must be module names/],
    ['a build tool that is not one', mavenPlain, { buildTool: 'ant' }, /DW9003 buildTool "ant" is not a Java build tool/],
    ['gradle for a Maven project', mavenPlain, { buildTool: 'gradle' }, /DW9003 hello has no build.gradle/],
  ])('refuses %s, naming the option', (_, files, options, error) => {
    expect(() => javaPreset(detectJavaFiles(files), options as never)).toThrow(error);
  });
  it('a port out of range is refused with the option named, not the builder call', () => {
    expect(() => javaPreset(detectJavaFiles(mavenPlain), { port: 70000 })).toThrow(/pass port: 8080 \(a number from 1 to 65535\) to javaPreset\(\)/);
  });
  it.each([
    ['Maven jlink', mavenPlain, {}],
    ['Maven Spring Boot JRE', mavenBoot, {}],
    ['Gradle Spring Boot', gradleBoot, {}],
    ['Gradle application jlink', gradleKts, { modules: ['java.base'] }],
  ])('%s: lints clean, runs as a numeric non-root user, exec-form CMD, pinned images', (_, files, options) => {
    const text = javaPreset(detectJavaFiles(files), options).dockerfile.render();
    expect(lintDockerfile(text).filter((d) => d.severity !== 'info')).toEqual([]);
    expect(text).toMatch(/^USER 65532:65532$/m);
    expect(text).toMatch(/^CMD \[/m);
    for (const from of text.match(/^FROM \S+/gm) ?? []) if (from !== 'FROM deps') /* a stage of the file */ expect(from).toMatch(/:\d+\.\d+\.\d+|:\d+\.\d+\.\d+_\d+|:12\.8-slim/);
  });
});
