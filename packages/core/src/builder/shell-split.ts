/**
 * Trims what a POSIX shell ignores at the ends of a command, spaces and tabs, and nothing else:
 * a BOM or a no-break space is part of the first or last word to the shell.
 */
export function trimBlanks(text: string): string {
  return text.replace(/^[ \t]+|[ \t]+$/g, '');
}

/**
 * Splits a one-line shell script on the `&&` that chain commands, outside quotes, so each command
 * renders on its own line. Anything it cannot read with certainty stays one command.
 */
export function splitAndChain(script: string): string[] {
  const parts: string[] = [];
  let quote: '"' | "'" | undefined;
  let start = 0;
  for (let i = 0; i < script.length; i += 1) {
    const c = script[i];
    if (quote === "'") {
      if (c === "'") quote = undefined;
    } else if (c === '\\') {
      i += 1;
    } else if (quote === '"') {
      if (c === '"') quote = undefined;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '&' && script[i + 1] === '&') {
      parts.push(script.slice(start, i));
      start = i + 2;
      i += 1;
    } else if (c === '(' || c === '{' || c === '`' || (c === '$' && script[i + 1] === '(')) {
      // Subshells and groups: splitting inside them would change the meaning.
      return [trimBlanks(script)];
    }
  }
  if (quote !== undefined) return [trimBlanks(script)];
  parts.push(script.slice(start));
  const trimmed = parts.map((p) => trimBlanks(p));
  return trimmed.some((p) => p === '') ? [trimBlanks(script)] : trimmed;
}
