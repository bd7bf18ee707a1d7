import type { LintDiagnostic, RuleLevel } from '@dockwright/core';

/** The findings of one file, with the path shown to the user. */
export interface LintedFile {
  readonly file: string;
  readonly diagnostics: readonly LintDiagnostic[];
}

/** What SARIF says about a rule: the catalogue's rules, and the parser's codes. */
export interface RuleDescriptor {
  readonly id: string;
  readonly title: string;
  readonly twins: readonly string[];
  readonly level: RuleLevel;
}

const LEVEL = { error: 'error', warning: 'warning', info: 'note', off: 'none' } as const;

/**
 * A SARIF 2.1.0 log of lint findings, for code scanning (GitHub, GitLab, Azure DevOps): one run,
 * every rule of the catalogue in `tool.driver.rules`, one result per finding with its file,
 * line and column relative to the repository root.
 *
 * @example
 * ```ts
 * const log = toSarif([{ file: 'Dockerfile', diagnostics }], rules, '0.1.0');
 * log.runs[0].results.length; // diagnostics.length
 * ```
 */
export function toSarif(files: readonly LintedFile[], rules: readonly RuleDescriptor[], version: string) {
  const index = new Map(rules.map((r, i) => [r.id, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'dockwright',
            version,
            informationUri: 'https://www.npmjs.com/package/dockwright',
            rules: rules.map((r) => ({
              id: r.id,
              name: r.id,
              shortDescription: { text: r.title },
              fullDescription: { text: `${r.title}${r.twins.length === 0 ? '' : ` (${r.twins.join(', ')})`}` },
              defaultConfiguration: { level: LEVEL[r.level] },
              properties: { tags: ['dockerfile', ...r.twins] },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: './' } },
        results: files.flatMap(({ file, diagnostics }) =>
          diagnostics.map((d) => ({
            ruleId: d.rule,
            ...(index.has(d.rule) ? { ruleIndex: index.get(d.rule) } : {}),
            level: LEVEL[d.severity],
            message: { text: `${d.message}. Fix: ${d.hint}` },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: encodeURI(file), uriBaseId: '%SRCROOT%' },
                  region: {
                    startLine: d.line,
                    startColumn: d.column,
                    ...(d.endLine === undefined ? {} : { endLine: d.endLine }),
                    ...(d.endColumn === undefined ? {} : { endColumn: d.endColumn }),
                  },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
}
