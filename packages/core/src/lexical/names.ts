/** Stage names as BuildKit accepts them, lowercase only (StageNameCasing). */
export const STAGE_NAME = /^[a-z][a-z0-9-_.]*$/;
/** Names BuildKit reserves for itself. */
export const RESERVED_STAGE_NAMES: ReadonlySet<string> = new Set(['scratch', 'context']);
/** ENV and ARG names: what a POSIX shell can read back as a variable. */
export const VAR_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Label keys: lowercase reverse-DNS style (hadolint DL3048). */
export const LABEL_KEY = /^[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?$/;

// BuildKit's SecretsUsedInArgOrEnv: a `_`-separated word from the deny list, unless one from the allow list.
// `gpg`, `pgp` and `id` are ours: GPG_KEY in official images and RABBITMQ_PGP_KEY_ID hold public
// key fingerprints and ids, and a *_KEY_ID names a key rather than holding it.
const SECRET_WORD = /(?:^|_)(?:apikey|auth|credentials?|key|password|pword|passwd|secret|token)(?:_|$)/i;
const SECRET_EXEMPT = /(?:^|_)(?:public|file|version|gpg|pgp)(?:_|$)|_id$/i;

/**
 * True for names BuildKit's SecretsUsedInArgOrEnv check would flag.
 *
 * @example
 * ```ts
 * looksLikeSecret('GITHUB_TOKEN'); // true
 * looksLikeSecret('TOKEN_FILE'); // false
 * ```
 */
export function looksLikeSecret(name: string): boolean {
  return SECRET_WORD.test(name) && !SECRET_EXEMPT.test(name);
}
