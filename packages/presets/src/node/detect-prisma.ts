// What the Node preset reads from a Prisma project: where the schema is, the datasource, and
// whether the generated client loads the Rust query engine (which links OpenSSL).

/** A project's use of Prisma, as detection found it. */
export interface NodePrisma {
  /** The schema, relative to the project (`prisma/schema.prisma`); absent when none was found. */
  readonly schema?: string;
  /** The datasource provider (`sqlite`, `postgresql`, ...). */
  readonly provider?: string;
  /** The datasource URL: `env("DATABASE_URL")` gives `{ env: 'DATABASE_URL' }`, a literal gives `{ literal }`. */
  readonly url?: { readonly env: string } | { readonly literal: string };
  /** True when a generator uses the Rust query engine (`prisma-client-js` without `engineType = "client"`). */
  readonly queryEngine: boolean;
  /** The generated client's directory relative to the project, when a generator sets `output`. */
  readonly output?: string;
  /** True when `prisma` (the CLI) is a production dependency: it can then run at start. */
  readonly cliInProduction: boolean;
  /** The migrations directory beside the schema, relative to the project, when it has Prisma's `migration_lock.toml`. */
  readonly migrations?: string;
}

type Block = { readonly kind: string; readonly fields: Readonly<Record<string, string>> };

/** `datasource db { provider = "sqlite" }` -> [{ kind: 'datasource', fields: { provider: '"sqlite"' } }]. */
function blocksOf(schema: string): Block[] {
  const text = schema.replace(/\/\/.*$/gm, '');
  const blocks: Block[] = [];
  for (const m of text.matchAll(/^\s*(datasource|generator)\s+\w+\s*\{([^}]*)\}/gm)) {
    const fields: Record<string, string> = {};
    for (const line of (m[2] ?? '').split(/\r?\n/)) {
      const f = /^\s*(\w+)\s*=\s*(.+?)\s*$/.exec(line);
      if (f !== null) fields[f[1] ?? ''] = f[2] ?? '';
    }
    blocks.push({ kind: m[1] ?? '', fields });
  }
  return blocks;
}

const unquote = (v: string | undefined): string | undefined => (v === undefined ? undefined : /^"(.*)"$/.exec(v)?.[1]);

function depsOf(pkg: Record<string, unknown>, field: string): Record<string, unknown> {
  const v = pkg[field];
  return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
}

/** `dir/rel` with `.` and `..` resolved (`prisma` + `../generated` -> `generated`); above `dir`'s root stays `..`. */
export function joinPosix(dir: string, rel: string): string {
  const parts = dir === '.' ? [] : dir.split('/');
  for (const p of rel.split('/')) {
    // Above the project stays `..`, so that a caller can tell an output outside it.
    if (p === '..') parts.length === 0 || parts[parts.length - 1] === '..' ? parts.push('..') : parts.pop();
    else if (p !== '.' && p !== '') parts.push(p);
  }
  return parts.join('/') || '.';
}

/**
 * Reads the Prisma use of a project: none unless `prisma` or `@prisma/client` is a dependency.
 * The schema is package.json's `prisma.schema`, else `prisma/schema.prisma`, else `schema.prisma`.
 *
 * @example
 * ```ts
 * detectPrisma(pkg, (p) => readFileSync(p, 'utf8'))?.provider; // 'sqlite'
 * ```
 */
export function detectPrisma(pkg: Record<string, unknown>, read: (path: string) => string | undefined): NodePrisma | undefined {
  const prod = depsOf(pkg, 'dependencies');
  const all = { ...depsOf(pkg, 'devDependencies'), ...prod };
  if (!('prisma' in all) && !('@prisma/client' in all)) return undefined;
  const config = pkg['prisma'];
  const configured = typeof config === 'object' && config !== null ? (config as Record<string, unknown>)['schema'] : undefined;
  const candidates = typeof configured === 'string' ? [configured.replace(/^\.\//, '')] : ['prisma/schema.prisma', 'schema.prisma'];
  const cliInProduction = 'prisma' in prod;
  for (const schema of candidates) {
    const text = read(schema);
    if (text === undefined) continue;
    const blocks = blocksOf(text);
    const source = blocks.find((b) => b.kind === 'datasource')?.fields;
    const generators = blocks.filter((b) => b.kind === 'generator').map((b) => b.fields);
    const rawUrl = source?.['url'];
    const env = rawUrl === undefined ? undefined : /^env\(\s*"([A-Za-z_][A-Za-z0-9_]*)"\s*\)$/.exec(rawUrl)?.[1];
    const literal = unquote(rawUrl);
    const js = generators.filter((g) => unquote(g['provider']) === 'prisma-client-js');
    const queryEngine = js.some((g) => unquote(g['engineType']) !== 'client');
    const out = generators.map((g) => unquote(g['output'])).find((o) => o !== undefined);
    const schemaDir = schema.includes('/') ? schema.slice(0, schema.lastIndexOf('/')) : '.';
    const provider = unquote(source?.['provider']);
    const migrations = joinPosix(schemaDir, 'migrations');
    const migrated = read(`${migrations}/migration_lock.toml`) !== undefined;
    return Object.freeze({
      schema,
      ...(provider === undefined ? {} : { provider }),
      ...(env !== undefined ? { url: { env } } : literal !== undefined ? { url: { literal } } : {}),
      queryEngine,
      ...(out === undefined ? {} : { output: joinPosix(schemaDir, out) }),
      cliInProduction,
      ...(migrated ? { migrations } : {}),
    });
  }
  return Object.freeze({ queryEngine: true, cliInProduction });
}
