/**
 * The packages `forbiddenPackages: true` refuses in the image: remote shells and SSH servers (an
 * open door into a container), privilege tools (a container should not change user), editors
 * (images are rebuilt, never edited) and debuggers that can attach to processes. Names as Debian,
 * Alpine and Fedora spell them.
 */
export const DEFAULT_FORBIDDEN_PACKAGES: readonly string[] = Object.freeze([
  // remote access
  'dropbear',
  'openssh',
  'openssh-server',
  'ssh',
  'telnetd',
  // privilege
  'doas',
  'sudo',
  // editors
  'emacs',
  'emacs-nox',
  'joe',
  'mg',
  'nano',
  'neovim',
  'vim',
  'vim-enhanced',
  'vim-nox',
  'vim-tiny',
  // debuggers and tracers
  'gdb',
  'ltrace',
  'strace',
]);

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
