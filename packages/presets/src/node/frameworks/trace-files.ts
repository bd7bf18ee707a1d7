/**
 * The files a Node server loads at run time, found in the image itself by reading its sources:
 * from the server's files and entry points, every literal `import`/`require` specifier is resolved
 * the way Node resolves it (both `import.meta.resolve` and `require.resolve`, so both `exports`
 * conditions), and followed. Only those files (with every package.json and licence of their
 * packages) are copied to `<out>/node_modules`. A package that can load what a reader cannot see
 * (a computed `require(x)`, `__dirname`, `require.resolve`, `import.meta.url`, a native addon) is
 * copied whole, and its dependencies are followed from their entry points.
 * A symlinked file (a pnpm or workspace layout) makes it copy all of node_modules instead.
 */
const SCRIPT = [
  "import fs from 'fs'; import p from 'path'; import { builtinModules, createRequire } from 'module'; import { pathToFileURL, fileURLToPath } from 'url';",
  "const [src, out, ...entries] = process.argv.slice(1), root = process.cwd(), nm = p.join(root, 'node_modules');",
  'const walk = (d) => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => e.isDirectory() ? walk(p.join(d, e.name)) : [p.join(d, e.name)]);',
  "const own = (pkg) => walk(pkg).filter((x) => !p.relative(pkg, x).split(p.sep).includes('node_modules'));",
  'const isJs = (f) => /\\.[cm]?js$/.test(f), files = new Set(), pkgs = new Set(), whole = new Set(), expanded = new Set();',
  'const todo = [...walk(p.resolve(src)).filter(isJs), ...entries.map((e) => p.resolve(e))];',
  "const pkgOf = (f) => { if (!f.startsWith(nm + p.sep)) return undefined; const s = f.split(p.sep), i = s.lastIndexOf('node_modules'); return s.slice(0, i + (s[i + 1].startsWith('@') ? 3 : 2)).join(p.sep); };",
  "const resolve = (s, from) => { for (const r of [() => createRequire(from).resolve(s), () => fileURLToPath(import.meta.resolve(s, pathToFileURL(from).href))]) { try { const t = r(); if (p.isAbsolute(t) && fs.statSync(t).isFile()) todo.push(p.resolve(t)); } catch {} } };",
  'const dynamic = /\\b(?:require|import)\\s*\\(\\s*[^\'"\\s)]|\\b__dirname\\b|\\b__filename\\b|\\brequire\\.resolve\\b|\\bimport\\.meta\\.(?:url|dirname|filename)\\b/;',
  'const native = (pkg) => own(pkg).some((x) => /\\.node$|[\\\\/]binding\\.gyp$/.test(x));',
  'for (;;) {',
  'while (todo.length > 0) {',
  'const f = todo.pop(); if (files.has(f)) continue; files.add(f);',
  "if (fs.realpathSync(f) !== f) { fs.cpSync(nm, p.join(out, 'node_modules'), { recursive: true, verbatimSymlinks: true }); console.log('a linked package: all of node_modules'); process.exit(0); }",
  'const pkg = pkgOf(f);',
  'if (pkg !== undefined && !pkgs.has(pkg)) { pkgs.add(pkg); if (native(pkg)) whole.add(pkg); }',
  'if (!isJs(f)) continue;',
  "for (const line of fs.readFileSync(f, 'utf8').split('\\n')) {",
  'if (/^\\s*(\\*|\\/\\/|\\/\\*)/.test(line)) continue;',
  'if (pkg !== undefined && dynamic.test(line)) whole.add(pkg);',
  'for (const m of line.matchAll(/(?:\\bfrom|\\bimport|\\brequire)\\s*\\(?\\s*([\'"])([^\'"\\s]+)\\1/g)) {',
  "const s = m[2]; if (!/^[a-z]+:/.test(s) && !builtinModules.includes(s.split('/')[0])) resolve(s, f);",
  '}',
  '}',
  '}',
  'const next = [...whole].filter((w) => !expanded.has(w)); if (next.length === 0) break;',
  'for (const w of next) {',
  'expanded.add(w); todo.push(...own(w).filter(isJs));',
  "const j = JSON.parse(fs.readFileSync(p.join(w, 'package.json'), 'utf8'));",
  "for (const k of ['dependencies', 'optionalDependencies', 'peerDependencies']) for (const x of Object.keys(j[k] || {})) resolve(x, p.join(w, 'package.json'));",
  '}',
  '}',
  "fs.mkdirSync(p.join(out, 'node_modules'), { recursive: true });",
  'let copied = 0;',
  'for (const pkg of pkgs) {',
  "const picked = whole.has(pkg) ? own(pkg) : own(pkg).filter((x) => files.has(x) || /^(package\\.json|licen[cs]e.*)$/i.test(p.basename(x)));",
  'for (const x of picked) { const to = p.join(out, p.relative(root, x)); fs.mkdirSync(p.dirname(to), { recursive: true }); fs.copyFileSync(x, to); copied++; }',
  '}',
  "console.log(pkgs.size + ' packages the server loads (' + whole.size + ' of them whole), ' + copied + ' files');",
].join(' ');

/**
 * The exec-form RUN, in the app directory with the production node_modules, that copies the
 * files the server under `dir` and the `entries` load (and the files those load) to
 * `<out>/node_modules`.
 *
 * @example
 * ```ts
 * stage('runtime-deps').from(prod).copy(built, '/app/build/server', './build/server')
 *   .run(traceFilesCommand('build/server', '/out', ['node_modules/@remix-run/serve/dist/cli.js']));
 * ```
 */
export function traceFilesCommand(dir: string, out: string, entries: readonly string[]): [string, ...string[]] {
  // import.meta.resolve(specifier, parent), from a file other than the script's, is behind this flag.
  return ['node', '--experimental-import-meta-resolve', '--input-type=module', '-e', SCRIPT, dir, out, ...entries];
}
