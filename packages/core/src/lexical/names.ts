/** Stage names as BuildKit accepts them, lowercase only (StageNameCasing). */
export const STAGE_NAME = /^[a-z][a-z0-9-_.]*$/;
/** Names BuildKit reserves for itself. */
export const RESERVED_STAGE_NAMES: ReadonlySet<string> = new Set(['scratch', 'context']);
/** ENV and ARG names: what a POSIX shell can read back as a variable. */
export const VAR_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Label keys: lowercase reverse-DNS style (hadolint DL3048). */
export const LABEL_KEY = /^[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?$/;

/** A refusal's code, message and hint, before a place is known. */
export interface NameProblem {
  readonly code: 'DW6009' | 'DW6010';
  readonly message: string;
  readonly hint: string;
}

/**
 * DW6009's one message, for the rule, the builder and the printers alike: a name that is not an
 * ENV or ARG name (or, for `variable`, a `$NAME` a template or image reference uses).
 *
 * @example
 * ```ts
 * badVariableName('ENV', 'my-var').message; // '"my-var" is not a valid ENV name'
 * ```
 */
export function badVariableName(keyword: 'ENV' | 'ARG' | 'variable', name: string): NameProblem {
  return { code: 'DW6009', message: `${JSON.stringify(name)} is not a valid ${keyword} name`, hint: 'use letters, digits and _, not starting with a digit' };
}

/**
 * DW6010's one message for a malformed label key, for the rule, the builder and the printers alike.
 *
 * @example
 * ```ts
 * badLabelKey('Com Example').message; // '"Com Example" is not a valid label key'
 * ```
 */
export function badLabelKey(key: string): NameProblem {
  return { code: 'DW6010', message: `${JSON.stringify(key)} is not a valid label key`, hint: LABEL_KEY_HINT };
}

/** DW6010's hint, also for a key in a namespace Docker keeps. */
export const LABEL_KEY_HINT = 'use lowercase reverse-DNS keys such as org.opencontainers.image.source';

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
