// The frame every page of the site shares: head, header with the search box, and the footer.

export interface PageOptions {
  readonly title: string;
  /** The path from the page to the site root (`''`, `'../'`, `'../../'`). */
  readonly root: string;
  readonly body: string;
  readonly current: 'playground' | 'docs';
  readonly scripts?: readonly string[];
  readonly description?: string;
  /** Markup for the head, before the stylesheet: an inline script there runs without waiting for it. */
  readonly head?: string;
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A whole HTML page.
 *
 * @example
 * ```ts
 * page({ title: 'Presets', root: '../', body: '<h1>Presets</h1>', current: 'docs' });
 * ```
 */
export function page(options: PageOptions): string {
  const { root } = options;
  const scripts = [...(options.scripts ?? []), `${root}assets/search.js`].map((s) => `<script type="module" src="${s}"></script>`).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)} · Dockwright</title>
<meta name="description" content="${escapeHtml(options.description ?? 'Dockerfiles as typed code: a TypeScript library and CLI whose builders cannot express the usual Dockerfile mistakes.')}">
${options.head ?? ''}<link rel="stylesheet" href="${root}assets/site.css">
${scripts}
</head>
<body data-root="${root}">
<header class="top">
  <a class="brand" href="${root}index.html">Dockwright</a>
  <nav>
    <a href="${root}index.html"${options.current === 'playground' ? ' aria-current="page"' : ''}>Playground</a>
    <a href="${root}docs/index.html"${options.current === 'docs' ? ' aria-current="page"' : ''}>Docs</a>
    <a href="${root}docs/codes/index.html">Error codes</a>
  </nav>
  <div class="search"><input type="search" id="search" placeholder="Search the docs" aria-label="Search the docs" autocomplete="off"><ol id="search-results" hidden></ol></div>
</header>
${options.body}
</body>
</html>
`;
}

export { escapeHtml };
