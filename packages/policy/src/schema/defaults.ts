/**
 * The packages `forbiddenPackages: true` refuses in the image. One list with the linter's, so
 * `dockwright lint` and a policy file agree; it lives in @dockwright/core.
 */
export { DEFAULT_FORBIDDEN_PACKAGES } from '@dockwright/core';

/**
 * The packages `forbidBuildTools: true` refuses in the final stage: compilers, build systems,
 * version control and headers belong in a build stage whose output is copied over. Besides these
 * names, any package ending in `-dev` (Debian, Alpine) or `-devel` (Fedora) counts.
 */
export const DEFAULT_BUILD_TOOLS: readonly string[] = Object.freeze([
  'autoconf',
  'automake',
  'build-base',
  'build-essential',
  'cargo',
  'clang',
  'cmake',
  'g++',
  'gcc',
  'gcc-c++',
  'git',
  'go',
  'golang',
  'gradle',
  'libtool',
  'make',
  'maven',
  'meson',
  'ninja-build',
  'pkg-config',
  'pkgconf',
  'rustc',
]);

/** Base images that are toolchains: a final stage built on one ships the whole toolchain. */
export const DEFAULT_BUILD_IMAGES: readonly string[] = Object.freeze(['buildpack-deps', 'gcc', 'golang', 'gradle', 'maven', 'rust']);
