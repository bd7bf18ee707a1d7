import { flagValue } from '../lint-file.js';
import { defineRule, problem, type Problem } from '../rule.js';

/**
 * DW1005: `FROM --platform` with a constant pins one platform for every build, and
 * `--platform=$TARGETPLATFORM` only repeats the default. `variables` are the names used in it.
 *
 * @example
 * ```ts
 * fromPlatform('linux/amd64', [])?.message; // 'FROM --platform=linux/amd64 is a constant'
 * fromPlatform('$BUILDPLATFORM', ['BUILDPLATFORM']); // undefined
 * ```
 */
export function fromPlatform(shown: string, variables: readonly string[]): Problem | undefined {
  if (variables.length === 0) {
    return problem('DW1005', `FROM --platform=${shown} is a constant`, 'use platformArgs.BUILDPLATFORM for build stages, or build with --platform', 'use --platform=$BUILDPLATFORM for build stages, or pass --platform to the build');
  }
  if (variables.includes('TARGETPLATFORM')) {
    return problem('DW1005', 'FROM --platform=$TARGETPLATFORM is the default already', 'drop .platform(), or use platformArgs.BUILDPLATFORM to build on the host platform', 'drop --platform, or use --platform=$BUILDPLATFORM to build on the host platform');
  }
  return undefined;
}

/** DW1005 (BuildKit FromPlatformFlagConstDisallowed, RedundantTargetPlatform). */
export const fromPlatformRule = defineRule({
  id: 'DW1005',
  how: 'C',
  level: 'error',
  check({ file, report }) {
    for (const s of file.stages) {
      const value = flagValue(s.from, 'platform');
      if (value === undefined) continue;
      const variables = [...value.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1] as string);
      // BuildKit lets a stage named after its platform (`AS build-arm64`) pin it.
      const arch = value.split('/')[1];
      if (variables.length === 0 && arch !== undefined && s.name?.toLowerCase().includes(arch.toLowerCase())) continue;
      const found = fromPlatform(value, variables);
      if (found !== undefined) report(found, s.from.position);
    }
  },
});
