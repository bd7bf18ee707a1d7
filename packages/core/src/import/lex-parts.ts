/** A piece of a lexed word: literal text, or a variable reference. */
export type LexPart = string | { readonly variable: string };

/**
 * Reads a word as BuildKit's lexer does: quotes removed, escapes applied (inside double quotes
 * only `"`, `$` and the escape character are escaped), `$NAME` and `${NAME}` as variables.
 * `undefined` for what cannot be written as text and plain variables: `${NAME:-x}` and other
 * modifiers, `$1`, an unclosed quote or brace.
 *
 * @example
 * ```ts
 * lexParts('"a b"/$HOME', '\\'); // ['a b/', { variable: 'HOME' }]
 * ```
 */
export function lexParts(word: string, escape: string): LexPart[] | undefined {
  const parts: LexPart[] = [];
  let text = '';
  const flush = () => {
    if (text !== '') parts.push(text);
    text = '';
  };
  const variable = (at: number): number => {
    const brace = word[at + 1] === '{';
    const match = (brace ? /^\{([A-Za-z_][A-Za-z0-9_]*)\}/ : /^([A-Za-z_][A-Za-z0-9_]*)/).exec(word.slice(at + 1));
    if (match === null) return -1;
    flush();
    parts.push({ variable: match[1] as string });
    return at + match[0].length;
  };
  for (let i = 0; i < word.length; i++) {
    const c = word[i] as string;
    if (c === escape) {
      i++;
      if (i < word.length) text += word[i];
    } else if (c === "'") {
      const close = word.indexOf("'", i + 1);
      if (close < 0) return undefined;
      text += word.slice(i + 1, close);
      i = close;
    } else if (c === '"') {
      let closed = false;
      for (i++; i < word.length; i++) {
        const d = word[i] as string;
        if (d === '"') {
          closed = true;
          break;
        }
        if (d === '$') {
          const end = variable(i);
          if (end < 0) return undefined;
          i = end;
        } else if (d === escape && (word[i + 1] === '"' || word[i + 1] === '$' || word[i + 1] === escape)) {
          i++;
          text += word[i];
        } else text += d;
      }
      if (!closed) return undefined;
    } else if (c === '$') {
      const end = variable(i);
      if (end < 0) return undefined;
      i = end;
    } else text += c;
  }
  flush();
  return parts;
}

/**
 * The literal value of a word, or `undefined` when it refers to a variable or cannot be read.
 *
 * @example
 * ```ts
 * lexLiteral('"two words"', '\\'); // 'two words'
 * ```
 */
export function lexLiteral(word: string, escape: string): string | undefined {
  const parts = lexParts(word, escape);
  return parts?.every((p) => typeof p === 'string') === true ? parts.join('') : undefined;
}
