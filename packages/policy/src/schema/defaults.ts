/**
 * The packages `forbiddenPackages: true` refuses in the image. One list with the linter's, so
 * `dockwright lint` and a policy file agree; it lives in @dockwright/core.
 */
export { DEFAULT_FORBIDDEN_PACKAGES } from '@dockwright/core';

/**
 * The packages `forbidBuildTools: true` refuses in the final stage (compilers, build systems,
 * version control, and `*-dev` / `*-devel` header packages), and the toolchain base images. One
 * list with the rule's (DW2008 in @dockwright/core), so `dockwright lint` and a policy agree.
 */
export { DEFAULT_BUILD_TOOLS, DEFAULT_BUILD_IMAGES } from '@dockwright/core';
