// The CLI's problems are core's one Issue shape in memory, and its --json documents keep the
// shapes they always had: an issue `{ code, message, hint, path, location? }`, a lint diagnostic
// `{ rule, severity, message, hint, line, column, endLine?, endColumn? }`. The real binary proves
// the documents; the printer's own cases prove the plain text is the same bytes as before.
import { lintDockerfile, type DockwrightIssue } from '@dockwright/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cliIssue, cliWhere } from '../src/errors/cli-issue.js';
import { issueAt } from '../src/errors/located-issue.js';
import { colors } from '../src/output/colors.js';
import { formatIssueLines } from '../src/output/format-failure.js';
import { formatProblems } from '../src/output/format-problems.js';
import { printJson, wireShape } from '../src/output/json-documents.js';
import { buildCli, cleanup, makeProject, runCli } from './support/cli.js';

vi.setConfig({ testTimeout: 60_000 });

const plain = colors(false);
const ISSUE_KEYS = ['code', 'message', 'hint', 'path'];
const keysOf = (value: object) => Object.keys(value);
// A builder issue as core makes it (core's `issue()`): the one shape and the older fields.
const issue = (code: DockwrightIssue['code'], message: string, hint: string): DockwrightIssue => ({ code, message, hint, path: {}, severity: 'error', where: { path: {} } });

describe('CLI issues in memory', () => {
  it('are errors placed in `where`: the file and position of their location, else their path', () => {
    expect(cliIssue('DWC3001', 'boom', 'fix it', {}, 'api.dockerfile.ts:12:7')).toMatchObject({ severity: 'error', where: { file: 'api.dockerfile.ts', range: { start: { line: 12, column: 7 } } } });
    expect(issueAt({ code: 'DWP1001', message: 'cannot read', hint: 'check' }, 'dockwright.policy.yaml').where).toEqual({ file: 'dockwright.policy.yaml' });
    expect(cliIssue('DWC1004', 'no such file', 'check the path').where).toEqual({});
    expect(cliWhere('DW3001', {})).toEqual({ path: {} });
    expect(cliWhere('DWC1003', { stage: 'app' })).toEqual({ path: { stage: 'app' } });
  });

  it('print as before, whether they carry `where` or are plain objects of the older fields', () => {
    const withWhere = cliIssue('DWC3001', 'SyntaxError: bad', 'fix it', {}, 'api.dockerfile.ts:3:1');
    const { where: _where, severity: _severity, ...older } = withWhere;
    expect(formatProblems([withWhere], plain, '  ')).toBe('  ✖ DWC3001 SyntaxError: bad (at api.dockerfile.ts:3:1)\n    → fix it\n');
    expect(formatProblems([older], plain, '  ')).toBe(formatProblems([withWhere], plain, '  '));
    const core = issue('DW3001', 'root', 'call .user(10001)');
    expect(formatIssueLines([core], plain, '', '⚠')).toBe('⚠ DW3001 root (Dockerfile)\n  → call .user(10001)\n');
    expect(formatProblems([core], plain)).toBe('✖ DW3001 root\n  → call .user(10001)\n');
  });
});

describe('--json documents keep their issue shapes', () => {
  it('wireShape leaves out what the one shape adds, and keeps the order of the rest', () => {
    const out: string[] = [];
    const diagnostics = lintDockerfile('FROM debian:12\nFORM x\nRUN cd /app\nUSER 1\n');
    printJson({ out: (t) => out.push(t) }, {
      schemaVersion: 1,
      command: 'lint',
      ok: false,
      exitCode: 1,
      summary: { files: 1, errors: 1, warnings: 1, infos: 0 },
      files: [{ file: 'Dockerfile', diagnostics }],
      issues: [cliIssue('DWC3004', 'cannot read x', 'check it', {}, 'x'), issue('DW3001', 'root', 'fix') as never],
    });
    const doc = JSON.parse(out.join('')) as { files: { diagnostics: object[] }[]; issues: object[] };
    expect(doc.issues.map(keysOf)).toEqual([[...ISSUE_KEYS, 'location'], ISSUE_KEYS]);
    const d = doc.files[0]?.diagnostics ?? [];
    expect(d.map(keysOf)).toEqual(diagnostics.map((x) => ['rule', 'severity', 'message', 'hint', 'line', 'column', ...(x.endLine === undefined ? [] : ['endLine']), ...(x.endColumn === undefined ? [] : ['endColumn'])]));
    expect(wireShape('', { code: 'x', message: 'y', other: 1 })).toEqual({ code: 'x', message: 'y', other: 1 });
  });

  describe('from the real binary', () => {
    let cli = '';
    beforeAll(async () => {
      cli = await buildCli();
    }, 60_000);
    afterAll(cleanup);

    it('render --json: the builder refusals, policy violations and warnings are { code, message, hint, path }', async () => {
      const dir = makeProject({
        'dockwright.policy.yaml': 'requireNumericUser: true\nrequirePinnedPackages: true\nrules:\n  DW5017: warn\n',
        'a/service.dockerfile.ts': "import { aptInstall, dockerfile, stage } from '@dockwright/core';\nexport default dockerfile(stage('app').from('debian:12.8-slim').run(aptInstall(['curl'])).user('www-data'));\n",
        'b/service.dockerfile.ts': "import { dockerfile, stage } from '@dockwright/core';\nexport default dockerfile(stage('app').from('debian:12.8-slim').workdir('app').user(1));\n",
      });
      const run = await runCli(cli, ['render', '--json'], dir);
      const report = JSON.parse(run.stdout) as { targets: { file: string; issues: object[]; warnings: object[] }[] };
      const byFile = Object.fromEntries(report.targets.map((t) => [t.file, t]));
      expect(byFile['a/service.dockerfile.ts']?.issues.map(keysOf)).toEqual([ISSUE_KEYS]);
      expect(byFile['a/service.dockerfile.ts']?.warnings.map(keysOf)).toEqual([ISSUE_KEYS]);
      expect(byFile['b/service.dockerfile.ts']?.issues.map(keysOf)).toEqual([ISSUE_KEYS]);
    });

    it('a usage error, lint and import --json: the same shapes as ever', async () => {
      const dir = makeProject({ Dockerfile: 'FROM debian:12.8-slim\nFORM x\nADD config.json /etc/app/\nUSER 1\n', 'Imported.Dockerfile': 'FROM debian:12.8-slim\nADD config.json /etc/app/\nUSER 1\n' });
      const usage = JSON.parse((await runCli(cli, ['render', '--chekc', '--json'], dir)).stdout) as { issues: object[] };
      expect(usage.issues.map(keysOf)).toEqual([ISSUE_KEYS]);
      const lint = JSON.parse((await runCli(cli, ['lint', '--json', 'Dockerfile'], dir)).stdout) as { files: { diagnostics: object[] }[] };
      const diagnostics = lint.files[0]?.diagnostics ?? [];
      expect(diagnostics.length).toBeGreaterThan(1);
      for (const d of diagnostics) expect(keysOf(d).filter((k) => !['endLine', 'endColumn'].includes(k))).toEqual(['rule', 'severity', 'message', 'hint', 'line', 'column']);
      const imported = JSON.parse((await runCli(cli, ['import', 'Imported.Dockerfile', '--json'], dir)).stdout) as { issues: object[] };
      expect(imported.issues.map(keysOf)).toEqual([[...ISSUE_KEYS, 'location']]);
    });
  });
});
