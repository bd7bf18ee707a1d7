/**
 * A word as a POSIX shell reads it back unchanged: as it is when it holds only characters no
 * shell treats specially, else in single quotes (a quote inside written as `'\''`).
 *
 * @example
 * ```ts
 * shellWord('services/api/Dockerfile'); // 'services/api/Dockerfile'
 * shellWord('my app/Dockerfile');       // "'my app/Dockerfile'"
 * ```
 */
export function shellWord(word: string): string {
  if (word !== '' && /^[\w@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replaceAll("'", "'\\''")}'`;
}
