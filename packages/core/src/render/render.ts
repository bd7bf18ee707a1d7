import type { DockerfileNode } from '../ast/dockerfile.js';
import { DockwrightError } from '../errors/dockwright-error.js';
import { issue } from '../errors/issue.js';
import { unresolvedLocks } from '../images/locked-images.js';
import { checkArgument, dockerfileNode, throwIfAny } from '../validate/arguments.js';
import { printArg } from './print-metadata.js';
import { printFrom, printInstruction } from './print-instruction.js';
import { commentText, token } from '../lexical/quote.js';

// BuildKit refuses a physical line of 64 KiB or more.
const MAX_LINE_BYTES = 64 * 1024 - 1;
// A first comment of this shape would be read as a parser directive.
const DIRECTIVE_LIKE = /^#\s*[A-Za-z][A-Za-z0-9]*\s*=/;

/**
 * Renders a Dockerfile AST to its canonical text: directives, header, global ARGs, then stages
 * separated by one blank line; LF only, one final newline. Pure: same AST, same bytes.
 *
 * @example
 * ```ts
 * const text = render(dockerfile(app).ast);
 * ```
 */
export function render(ast: DockerfileNode): string {
  throwIfAny([checkArgument('render()', 'the AST', ast, dockerfileNode, {}, 'pass dockerfile(stage).ast, or an AST of that shape')]);
  const [missing, ...more] = unresolvedLocks(ast).map((l) =>
    issue('DW1013', `image ${l.written} is locked but has no digest yet`, 'run `dockwright lock`, then render with the lockfile: `dockwright render`, dockerfile(app, { lockfile }) or resolveLocks(ast, lockfile)', l.path),
  );
  if (missing !== undefined) throw new DockwrightError([missing, ...more]);
  const sections: string[] = [];
  if (ast.syntax !== undefined) sections.push(`# syntax=${token(ast.syntax, (s) => /^[\w./:@-]+$/.test(s), 'a # syntax frontend')}`);
  if (ast.header.length > 0) sections.push(ast.header.map((l) => (l === '' ? '#' : `# ${commentText(l, 'a header line')}`)).join('\n'));
  if (ast.args.length > 0) sections.push(ast.args.map(printArg).join('\n'));
  for (const stage of ast.stages) {
    sections.push([printFrom(stage.from, stage.name), ...stage.instructions.map(printInstruction)].join('\n'));
  }
  // With no directive, a blank first line ends the directive block before a comment that looks like one.
  const lead = ast.syntax === undefined && DIRECTIVE_LIKE.test(sections[0] ?? '') ? '\n' : '';
  const text = `${lead}${sections.join('\n\n')}\n`;
  assertLineLengths(text);
  return text;
}

const encoder = new TextEncoder();

function byteLength(line: string): number {
  return encoder.encode(line).length;
}

function assertLineLengths(text: string): void {
  // A UTF-16 unit is at most 3 bytes of UTF-8: a short text cannot hold a long line.
  if (text.length * 3 <= MAX_LINE_BYTES) return;
  const lines = text.split('\n');
  const index = lines.findIndex((l) => byteLength(l) > MAX_LINE_BYTES);
  if (index >= 0) {
    throw new DockwrightError([
      issue('DW7002', `line ${index + 1} is ${byteLength(lines[index] ?? '')} bytes long`, 'keep values under 64 KiB; ship large content as a file and COPY it'),
    ]);
  }
}
