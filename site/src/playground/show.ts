// Shows results in the page: problems with their codes, hints and doc links; lint findings.
import type { LintDiagnostic } from '@dockwright/core';
import type { ShownIssue } from './run-program.js';
import type { TsDiagnostic } from './ts-protocol.js';

/** The docs page of a code: every DW code has one. */
export const codePage = (code: string) => `docs/codes/${code}.html`;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function codeLink(code: string): HTMLElement {
  const a = el('a', 'code', code);
  if (/^DW\d{4}$/.test(code)) a.href = codePage(code);
  return a;
}

/** The problems of a run: code (linked to its page), message, where, and the hint. */
export function showIssues(list: HTMLElement, issues: readonly ShownIssue[]): void {
  list.replaceChildren(
    ...issues.map((issue) => {
      const item = el('li', 'issue');
      if (issue.code !== undefined) item.append(codeLink(issue.code), ' ');
      item.append(el('span', 'message', issue.message));
      if (issue.where !== undefined) item.append(' ', el('span', 'where', `(${issue.where})`));
      if (issue.line !== undefined) item.append(' ', el('span', 'where', `(line ${issue.line})`));
      if (issue.hint !== undefined) item.append(el('div', 'hint', `→ ${issue.hint}`));
      return item;
    }),
  );
}

/** Type errors, with the program line of each. */
export function showTypeErrors(list: HTMLElement, diagnostics: readonly TsDiagnostic[], lineAt: (pos: number) => number): void {
  list.replaceChildren(
    ...diagnostics.map((d) => {
      const item = el('li', `issue ts-${d.severity}`);
      item.append(el('span', 'code', `ts(${d.code})`), ' ', el('span', 'where', `line ${lineAt(d.from)}`), ' ', el('span', 'message', d.message));
      return item;
    }),
  );
}

/** Lint findings of the Dockerfile tab. */
export function showFindings(list: HTMLElement, findings: readonly LintDiagnostic[]): void {
  list.replaceChildren(
    ...findings.map((f) => {
      const item = el('li', `issue severity-${f.severity}`);
      item.append(el('span', 'where', `${f.line}:${f.column}`), ' ', el('span', `severity ${f.severity}`, f.severity), ' ', codeLink(f.rule), ' ', el('span', 'message', f.message));
      item.append(el('div', 'hint', `→ ${f.hint}`));
      return item;
    }),
  );
}
