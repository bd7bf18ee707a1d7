/** One challenge of a `WWW-Authenticate` header: its scheme (lowercase) and parameters. */
export interface AuthChallenge {
  /** `bearer`, `basic`, ... */
  readonly scheme: string;
  /** Parameter names lowercased: `realm`, `service`, `scope`, `error`. */
  readonly params: Readonly<Record<string, string>>;
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+/;

/**
 * Parses a `WWW-Authenticate` header (RFC 9110): one or more challenges, each a scheme and
 * comma-separated `name=value` parameters whose values are tokens or quoted strings with `\`
 * escapes. Anything it cannot read ends the parse; what was read before is returned.
 *
 * @example
 * ```ts
 * parseWwwAuthenticate('Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/node:pull"');
 * // [{ scheme: 'bearer', params: { realm: 'https://auth.docker.io/token', service: 'registry.docker.io', scope: 'repository:library/node:pull' } }]
 * ```
 */
export function parseWwwAuthenticate(header: string): AuthChallenge[] {
  const challenges: { scheme: string; params: Record<string, string> }[] = [];
  let rest = header;
  const skip = (chars: RegExp) => {
    rest = rest.replace(chars, '');
  };
  while (true) {
    skip(/^[\s,]+/);
    const scheme = TOKEN.exec(rest)?.[0];
    if (scheme === undefined) break;
    rest = rest.slice(scheme.length);
    const challenge = { scheme: scheme.toLowerCase(), params: {} as Record<string, string> };
    challenges.push(challenge);
    // Parameters until the next scheme (a token not followed by `=`).
    while (true) {
      skip(/^[\s,]+/);
      const name = TOKEN.exec(rest)?.[0];
      if (name === undefined) break;
      const after = rest.slice(name.length).replace(/^\s*/, '');
      if (!after.startsWith('=')) break; // the next challenge's scheme
      let value: string;
      let tail = after.slice(1).replace(/^\s*/, '');
      if (tail.startsWith('"')) {
        let i = 1;
        value = '';
        while (i < tail.length && tail[i] !== '"') {
          if (tail[i] === '\\' && i + 1 < tail.length) i += 1;
          value += tail[i];
          i += 1;
        }
        if (i >= tail.length) return challenges; // unterminated quote: stop here
        tail = tail.slice(i + 1);
      } else {
        value = /^[^\s,]*/.exec(tail)?.[0] ?? '';
        tail = tail.slice(value.length);
      }
      challenge.params[name.toLowerCase()] = value;
      rest = tail;
    }
  }
  return challenges;
}
