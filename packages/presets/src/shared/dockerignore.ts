/** A `.dockerignore` file: patterns, and `!` exceptions, rendered one per line. */
export interface Dockerignore {
  readonly patterns: readonly string[];
  /** The file's text, with a header comment and one final newline. */
  render(): string;
}

/** What no image needs and what must never reach a build context. */
export const baseIgnores: readonly string[] = Object.freeze([
  '.git',
  '.gitignore',
  '.dockerignore',
  '**/Dockerfile',
  '**/*.dockerfile.ts',
  '.env',
  '.env.*',
  '**/*.pem',
  '**/*.key',
  '.npmrc',
  '.DS_Store',
  '.idea',
  '.vscode',
  'coverage',
  '**/*.log',
]);

/**
 * Builds a `.dockerignore` from the shared defaults and the preset's own patterns, without
 * duplicates, in a stable order (defaults first).
 *
 * @example
 * ```ts
 * dockerignore(['node_modules', 'dist']).render();
 * ```
 */
export function dockerignore(patterns: readonly string[], options: { readonly header?: string } = {}): Dockerignore {
  const all = Object.freeze([...new Set([...baseIgnores, ...patterns])]);
  return Object.freeze({
    patterns: all,
    render: () => `# ${options.header ?? 'Keep secrets, VCS data and build output out of the build context.'}\n${all.join('\n')}\n`,
  });
}
