/**
 * The packages a bundled server loads at run time, found in the image itself: the bare imports of
 * its files (`from 'send'`, `import('sharp')`, `require('x')`; comment lines skipped), then each
 * package's dependencies, optional and peer dependencies as npm laid them out (nearest
 * node_modules first, as Node resolves). Only those package folders are copied to `<out>/node_modules`.
 * A symlinked package (a pnpm or workspace layout) makes it copy all of node_modules instead.
 */
const SCRIPT = [
  "const fs = require('fs'), p = require('path'), { builtinModules } = require('module');",
  'const [src, out] = process.argv.slice(1), root = process.cwd(), todo = [], seen = new Set();',
  'const files = (d) => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => e.isDirectory() ? files(p.join(d, e.name)) : /\\.[cm]?js$/.test(e.name) ? [p.join(d, e.name)] : []);',
  "for (const f of files(src)) for (const line of fs.readFileSync(f, 'utf8').split('\\n')) {",
  'if (/^\\s*(\\*|\\/\\/|\\/\\*)/.test(line)) continue;',
  'for (const m of line.matchAll(/(?:\\bfrom|\\bimport|\\brequire)\\s*\\(?\\s*([\'"])([^\'"\\s]+)\\1/g)) {',
  'const s = m[2]; if (/^[./]|^[a-z]+:/.test(s)) continue;',
  "const n = s.split('/').slice(0, s[0] === '@' ? 2 : 1).join('/'); if (!builtinModules.includes(n)) todo.push([n, root]);",
  '}',
  '}',
  "fs.mkdirSync(p.join(out, 'node_modules'), { recursive: true });",
  'while (todo.length > 0) {',
  'const [n, from] = todo.pop(); let dir;',
  "for (let d = from; ; d = p.dirname(d)) { const c = p.join(d, 'node_modules', n); if (fs.existsSync(p.join(c, 'package.json'))) { dir = c; break; } if (d === root) break; }",
  'if (dir === undefined || seen.has(dir)) continue; seen.add(dir);',
  "if (fs.lstatSync(dir).isSymbolicLink()) { fs.cpSync(p.join(root, 'node_modules'), p.join(out, 'node_modules'), { recursive: true, verbatimSymlinks: true }); console.log('a linked package: all of node_modules'); process.exit(0); }",
  "const j = JSON.parse(fs.readFileSync(p.join(dir, 'package.json'), 'utf8'));",
  "for (const k of ['dependencies', 'optionalDependencies', 'peerDependencies']) for (const x of Object.keys(j[k] || {})) todo.push([x, dir]);",
  "fs.cpSync(dir, p.join(out, p.relative(root, dir)), { recursive: true, filter: (s) => !p.relative(dir, s).split(p.sep).includes('node_modules') });",
  '}',
  "console.log(seen.size + ' packages the server imports');",
].join(' ');

/**
 * The exec-form RUN, in the app directory with the production node_modules, that copies the
 * packages the files under `dir` import (and theirs) to `<out>/node_modules`.
 *
 * @example
 * ```ts
 * stage('runtime-deps').from(prod).copy(built, '/app/dist/server', './dist/server').run(traceImportsCommand('dist/server', '/out'));
 * ```
 */
export function traceImportsCommand(dir: string, out: string): [string, ...string[]] {
  return ['node', '-e', SCRIPT, dir, out];
}
