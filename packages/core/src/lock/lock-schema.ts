import { PLATFORM } from './lockfile.js';

/** The version of @dockwright/core, which the lockfile schema's `$id` names (a test keeps it equal to package.json's). */
const VERSION = '0.1.0';

/**
 * Where the lockfile's JSON Schema of this version is published: its `$id`.
 *
 * @example
 * ```ts
 * LOCKFILE_SCHEMA_ID; // 'https://unpkg.com/@dockwright/core@0.1.0/schema/dockwright.lock.schema.json'
 * ```
 */
export const LOCKFILE_SCHEMA_ID = `https://unpkg.com/@dockwright/core@${VERSION}/schema/dockwright.lock.schema.json`;

/**
 * The JSON Schema (draft 2020-12) of `dockwright.lock.yaml`, for editors and for tools that read
 * the file. It states what `parseLockfile()` checks, with one difference it cannot express: a
 * key must also be the normalised name (`docker.io/library/node:22`, never `node:22`), which only
 * `lockKey()` knows. The package ships it as `@dockwright/core/lock-schema.json`.
 *
 * @example
 * ```ts
 * writeFileSync('dockwright.lock.schema.json', `${JSON.stringify(lockfileJsonSchema(), null, 2)}\n`);
 * ```
 */
export function lockfileJsonSchema(): Record<string, unknown> {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: LOCKFILE_SCHEMA_ID,
    title: 'dockwright.lock.yaml',
    description: 'The digest each locked image tag pointed to when it was locked. Written by `dockwright lock`; do not edit by hand.',
    type: 'object',
    properties: {
      version: { description: 'The format version; this dockwright reads 1.', enum: [1, '1'] },
      images: {
        description: 'Every locked image by its normalised registry/repository:tag.',
        type: 'object',
        propertyNames: {
          description: 'A normalised registry/repository:tag, such as docker.io/library/node:22.11-bookworm-slim.',
          pattern: '^(?:localhost|[a-z0-9-]+(?:\\.[a-z0-9-]+)+|[a-z0-9-]+:[0-9]+)(?::[0-9]+)?(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)+:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$',
        },
        additionalProperties: {
          type: 'object',
          properties: {
            digest: { description: 'The digest of what the tag pointed to: for a multi-platform image, its index.', type: 'string', pattern: '^sha256:[0-9a-f]{64}$' },
            mediaType: { description: 'The media type of that manifest.', type: 'string', minLength: 1 },
            platforms: { description: 'The platforms it covers, os/arch[/variant]; empty when unknown.', type: 'array', items: { type: 'string', pattern: PLATFORM.source } },
          },
          required: ['digest', 'mediaType', 'platforms'],
          additionalProperties: false,
        },
      },
    },
    required: ['version', 'images'],
    additionalProperties: false,
  };
}
