import { isImageName, isTag, splitImageRef } from '../../images/image-name.js';
import { defineRule, problem, type Problem } from '../rule.js';

// ARGs BuildKit defines itself, usable in FROM without a declaration.
const AUTOMATIC = new Set(['BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT', 'TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT', 'TARGETSTAGE', 'BUILDKIT_SBOM_SCAN_STAGE']);

/**
 * DW1006: an ARG used in FROM needs a default, or a build without `--build-arg` pulls an
 * invalid reference.
 *
 * @example
 * ```ts
 * fromArgWithoutDefault('NODE_VERSION').message; // 'ARG NODE_VERSION used in FROM has no default'
 * ```
 */
export function fromArgWithoutDefault(name: string): Problem {
  return problem('DW1006', `ARG ${name} used in FROM has no default`, `give it one: arg('${name}', { default: '...' })`, `give it one before the first FROM: ARG ${name}=...`);
}

/**
 * DW1006: with the defaults of its ARGs, the tag must be a pinned, valid tag.
 *
 * @example
 * ```ts
 * fromArgTag('node', 'latest')?.code; // 'DW1006'
 * fromArgTag('node', '22')?.code; // undefined
 * ```
 */
export function fromArgTag(name: string, resolved: string): Problem | undefined {
  if (resolved !== 'latest' && isTag(resolved)) return undefined;
  return problem('DW1006', `with its defaults, the tag of "${name}" would be "${resolved}"`, 'give the ARGs defaults that make a pinned, valid tag');
}

/**
 * DW1006 from `image(tpl...)`: image environment variables do not exist in FROM.
 *
 * @example
 * ```ts
 * fromArgNotHandle().code; // 'DW1006'
 * ```
 */
export function fromArgNotHandle(): Problem {
  return problem('DW1006', 'an image tag may only use ARG handles', 'use arg(...) handles in FROM; image environment variables do not exist there');
}

/**
 * DW1006 in a Dockerfile: a variable in FROM that no global ARG declares (BuildKit UndefinedArgInFrom).
 *
 * @example
 * ```ts
 * fromArgUndeclared('BASE').code; // 'DW1006'
 * ```
 */
export function fromArgUndeclared(name: string): Problem {
  return problem('DW1006', `FROM uses $${name}, which no ARG before the first FROM declares`, `declare it before the first FROM with a default: ARG ${name}=...`);
}

/** DW1006 (BuildKit InvalidDefaultArgInFrom, UndefinedArgInFrom). */
export const fromArgDefaultRule = defineRule({
  id: 'DW1006',
  how: 'C',
  level: 'error',
  check({ file, report }) {
    const globals = new Map<string, string | undefined>();
    for (const g of file.globals) if (g.keyword === 'ARG') for (const p of g.pairs) globals.set(p.key, p.value);
    // As BuildKit's InvalidDefaultArgInFrom: an ARG without a default is empty; only a reference
    // that is invalid that way is a problem (`busybox:1.37${VARIANT}` is fine).
    const withDefaults = (base: string) =>
      base.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (_all, braced: string | undefined, fallback: string | undefined, bare: string | undefined) => {
        const value = globals.get((braced ?? bare) as string);
        return value === undefined || value === '' ? (fallback ?? '') : value;
      });
    const valid = (ref: string) => {
      const { name, tag } = splitImageRef(ref);
      return isImageName(name) && (tag === undefined || isTag(tag));
    };
    for (const s of file.stages) {
      const names = new Set([...s.base.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1] as string));
      for (const name of names) {
        if (AUTOMATIC.has(name)) continue;
        if (!globals.has(name)) report(fromArgUndeclared(name), s.from.position);
        // `${VAR:-default}` carries its own default.
        else if (globals.get(name) === undefined && !new RegExp(`\\$\\{${name}:?-`).test(s.base) && !valid(withDefaults(s.base))) report(fromArgWithoutDefault(name), s.from.position);
      }
    }
  },
});
