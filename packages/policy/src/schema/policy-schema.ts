import { codes, type DockwrightCode } from '@dockwright/core';
import { z } from 'zod';

/**
 * How a rule is applied: `off`; reported without failing (`info`, `warn` or its other spelling
 * `warning`: exit 0); or an error (`error`: exit 1). The same words `dockwright lint` reads.
 */
export type RuleSeverity = 'off' | 'info' | 'warn' | 'warning' | 'error';

// A registry host (with a port, or `localhost`), optionally followed by a path prefix.
const HOST = '(?:localhost|[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+|[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?=:))(?::\\d{1,5})?';
const REGISTRY = new RegExp(`^${HOST}(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$`);
const LABEL_KEY = /^[a-z0-9](?:[a-z0-9._-]*[a-z0-9])?$/;
const PACKAGE = /^[a-z0-9][a-z0-9+._-]*$/;

const registry = z.string().regex(REGISTRY, {
  error: 'is not a registry: write a host such as docker.io, ghcr.io or registry.example.com:5000, optionally with a path such as ghcr.io/acme',
});
const labelKey = z.string().regex(LABEL_KEY, { error: 'is not a label key: lowercase letters, digits, dots and dashes, such as org.opencontainers.image.source' });
const packageName = z.string().regex(PACKAGE, { error: 'is not a package name: lowercase letters, digits and + . _ -' });

const packageSet = (what: string) =>
  z.union([
    z.boolean(),
    z.strictObject({
      defaults: z.boolean().optional().meta({ description: `Start from Dockwright's default list of ${what} (default true).` }),
      add: z.array(packageName).optional().meta({ description: `More ${what} to refuse.` }),
      allow: z.array(packageName).optional().meta({ description: `${what[0]?.toUpperCase()}${what.slice(1)} of the default list to accept after all.` }),
    }),
  ]);

// Rule codes: the ones this version knows, listed, so that an editor refuses `DW9999` as the
// runtime does (the schema is versioned with the package, and regenerated with it).
const ruleCodes = Object.keys(codes).filter((code) => /^DW\d{4}$/.test(code)) as [DockwrightCode, ...DockwrightCode[]];

// A partial map: a file names only the codes it changes.
const rulesMap = z.partialRecord(z.enum(ruleCodes), z.enum(['off', 'info', 'warn', 'warning', 'error'])) as unknown as z.ZodType<Partial<Record<DockwrightCode, RuleSeverity>>>;

/**
 * The zod schema of a `dockwright.policy.yaml` file. Every setting is optional; a rule is on when
 * its setting turns it on, as an error unless `rules` says `warn` or `off`.
 *
 * @example
 * ```ts
 * policySchema.safeParse({ requireDigests: true, rules: { DW1010: 'warn' } }).success; // true
 * ```
 */
export const policySchema = z
  .strictObject({
    $schema: z.string().optional().meta({ description: 'The JSON Schema of this file, for editors.' }),
    extends: z
      .union([z.string().min(1), z.array(z.string().min(1))])
      .optional()
      .meta({
        description:
          'Policies this one builds on, applied in order before this file: a path relative to this file (./base.policy.yaml), or a package and file (@acme/dockwright-presets/dockwright.policy.yaml). Settings here replace theirs; `rules` entries are merged.',
        examples: ['@acme/dockwright-presets/dockwright.policy.yaml', ['../dockwright.policy.yaml']],
      }),
    allowedRegistries: z
      .array(registry)
      .optional()
      .meta({
        description: 'DW1009: the registries images may come from. An entry is a host, or a host and path prefix; images without a registry are docker.io (official images are docker.io/library).',
        examples: [['docker.io/library', 'ghcr.io/acme', 'registry.acme.example']],
      }),
    requireDigests: z.boolean().optional().meta({ description: 'DW1010: every image (FROM, COPY --from, RUN --mount from) is pinned by digest: name:tag@sha256:...' }),
    requirePinnedSyntax: z.boolean().optional().meta({ description: 'DW1011: a `# syntax` frontend, when there is one, is pinned by digest (the frontend image runs code during the build).' }),
    forbidBuildTools: packageSet('build tools')
      .optional()
      .meta({ description: 'DW2008: no compilers, build systems, git or -dev/-devel packages installed in the final stage, and no toolchain base image (golang, rust, gcc, maven, gradle, buildpack-deps) under it. true for the defaults, or { add, allow, defaults }.' }),
    requireNumericUser: z.boolean().optional().meta({ description: 'DW3007: the final USER is a numeric uid (and gid), which Kubernetes runAsNonRoot can verify.' }),
    forbidRoot: z.boolean().optional().meta({ description: 'DW3008: the final stage never runs as root, not even with allowRoot(reason).' }),
    requirePinnedPackages: z.boolean().optional().meta({ description: 'DW5017: packages installed by apt, apk, dnf/yum, pip, npm/pnpm/yarn, gem and go install name a version.' }),
    forbiddenPackages: packageSet('forbidden packages')
      .optional()
      .meta({ description: 'DW5022: packages the image must not contain (SSH servers, sudo, editors, debuggers by default). true for the defaults, or { add, allow, defaults }.' }),
    requiredLabels: z
      .array(labelKey)
      .optional()
      .meta({ description: 'DW6019: labels the final image must set.', examples: [['org.opencontainers.image.source', 'org.opencontainers.image.revision']] }),
    requireHealthcheck: z.boolean().optional().meta({ description: 'DW6020: the final image has a HEALTHCHECK, or says there is none with healthcheck(\'none\').' }),
    rules: rulesMap.optional().meta({
      description:
        'Severity by rule code: off, info or warn (reported, exit 0; warning is another spelling of warn) or error (exit 1). For the policy rules it overrides the setting; `dockwright lint` reads the same map for every rule.',
      examples: [{ DW5017: 'warn', DW6020: 'off' }],
    }),
  })
  .meta({ title: 'Dockwright policy', description: 'An organisation policy for Dockerfiles rendered or linted by Dockwright (dockwright.policy.yaml).' });

/** A policy file's content, as written (every key optional). */
export type PolicyInput = z.infer<typeof policySchema>;

/** The settings of a package list: `true` for the defaults, or defaults plus `add` minus `allow`. */
export type PackageSetInput = NonNullable<PolicyInput['forbiddenPackages']>;
