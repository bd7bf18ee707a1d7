import { flagValue } from '../lint-file.js';
import { instructionsOf } from '../lint-helpers.js';
import { defineRule, problem, type Problem } from '../rule.js';

// Files that hold credentials by convention; matched against the last path component.
const SECRET_FILES = /^(?:\.env(?:\.[\w-]+)?|\.npmrc|\.pypirc|\.netrc|\.git-credentials|\.dockercfg|credentials(?:\.json)?|id_(?:rsa|dsa|ecdsa|ed25519)|[\w.-]+\.(?:pem|key|p12|pfx|jks|keystore)|secrets?\.(?:json|ya?ml|env|txt))$/i;
// Public halves and examples are not secrets.
const NOT_SECRET = /(?:\.pub|\.example|\.sample|\.template|\.dist)$|^\.env\.(?:example|sample|template|dist|defaults?)$/i;

/**
 * DW4003: a source path that names a credentials file (`.env`, `.npmrc`, `id_rsa`, `*.pem`, ...).
 *
 * @example
 * ```ts
 * secretFileCopy('.npmrc')?.code; // 'DW4003'
 * secretFileCopy('package.json'); // undefined
 * ```
 */
export function secretFileCopy(source: string): Problem | undefined {
  const name = source.replace(/\/+$/, '').split('/').at(-1) ?? '';
  if (!SECRET_FILES.test(name) || NOT_SECRET.test(name)) return undefined;
  return problem(
    'DW4003',
    `${source} looks like a secret file; copying it stores it in the image`,
    "mount it for the one step that needs it: .withMounts(secretMount('npmrc', { target: '/root/.npmrc' })), and list it in .dockerignore",
    'mount it for the one step that needs it (RUN --mount=type=secret,id=...,target=...) and list it in .dockerignore',
  );
}

/** DW4003: COPY or ADD of a credentials file from the build context. */
export const secretFileCopyRule = defineRule({
  id: 'DW4003',
  how: 'L',
  level: 'warning',
  check({ file, report }) {
    for (const i of instructionsOf(file, 'COPY', 'ADD')) {
      // Files from another stage were made in the build, not taken from the context.
      if (flagValue(i, 'from') !== undefined) continue;
      for (const source of i.args.slice(0, -1)) {
        const found = secretFileCopy(source);
        if (found !== undefined) report(found, i.position);
      }
    }
  },
});
