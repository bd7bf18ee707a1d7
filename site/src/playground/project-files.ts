// The in-page project description: one text with a `--- path` line before each file, so a
// project of a few manifests is edited in one editor and travels in the URL as one string.

/**
 * Files from the files format.
 *
 * @example
 * ```ts
 * parseProjectFiles('--- package.json\n{"name":"api"}\n--- package-lock.json\n{}\n');
 * // { 'package.json': '{"name":"api"}\n', 'package-lock.json': '{}\n' }
 * ```
 */
export function parseProjectFiles(text: string): Record<string, string> {
  const bodies = new Map<string, string[]>();
  let current: string[] | undefined;
  const lines = text.split('\n');
  if (text.endsWith('\n')) lines.pop();
  for (const line of lines) {
    const header = /^--- (\S.*?)\s*$/.exec(line);
    if (header !== null) bodies.set(header[1] as string, (current = []));
    else current?.push(line);
  }
  return Object.fromEntries([...bodies].map(([path, body]) => [path, body.length === 0 ? '' : `${body.join('\n')}\n`]));
}

/**
 * The files format of a set of files.
 *
 * @example
 * ```ts
 * formatProjectFiles({ 'package.json': '{"name":"api"}\n' }); // '--- package.json\n{"name":"api"}\n'
 * ```
 */
export function formatProjectFiles(files: Readonly<Record<string, string>>): string {
  return Object.entries(files)
    .map(([path, body]) => `--- ${path}\n${body.endsWith('\n') || body === '' ? body : `${body}\n`}`)
    .join('');
}
