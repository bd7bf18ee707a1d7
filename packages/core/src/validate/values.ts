/** Signal names (`SIGTERM`, `SIGRTMIN+3`) or numbers. */
export const SIGNAL = /^(?:SIG[A-Z0-9]+(?:[+-]\d+)?|\d{1,2})$/;
/** Octal file modes such as `755` or `0644`. */
export const OCTAL_MODE = /^0?[0-7]{3,4}$/;
/** User and group names (shadow's rules, a little narrower) or numeric ids. */
export const USER_NAME = /^(?:[a-z_][a-z0-9_-]{0,31}|\d{1,10})$/;
/** Values allowed in `--mount` options: no CSV or lexer metacharacters. */
export const MOUNT_VALUE = /^[A-Za-z0-9_./@:+~%-]+$/;
/** Package names of apt, apk and dnf. */
export const PACKAGE_NAME = /^[a-z0-9][a-z0-9+._-]*$/;
/** Package versions (Debian's include an epoch `1:` and `~`). */
export const PACKAGE_VERSION = /^[A-Za-z0-9][A-Za-z0-9.+~:_-]*$/;
