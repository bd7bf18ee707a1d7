/**
 * The version of the `--json` documents' shape. It changes only when a field is removed, renamed
 * or changes meaning; new fields keep it. Every document carries it as `schemaVersion`.
 *
 * @example
 * ```ts
 * JSON.parse(stdout).schemaVersion === JSON_SCHEMA_VERSION;
 * ```
 */
export const JSON_SCHEMA_VERSION = 1;
