import { readJsonArray } from './json-array.js';
import { isBlank, skipSpaces } from './scan.js';
import { splitBlanks, splitWords, type Word } from './split-words.js';

/** A key/value pair of ENV or LABEL with its span in the logical line. */
export interface PairSpan {
  readonly key: string;
  readonly value: string;
  readonly separator: '=' | '';
  readonly start: number;
  readonly end: number;
}

/** The arguments of one instruction as BuildKit's line parsers read them. */
export interface ReadArguments {
  form: 'json' | 'shell';
  jsonFallback: boolean;
  args: Word[];
  pairs: PairSpan[];
  /** A problem BuildKit's parser refuses, with its span. */
  problem?: { message: string; hint: string; start: number; end: number };
}

const NOT_STRINGS = {
  message: 'a JSON array here may only hold strings',
  hint: 'write every element as a "string", or drop the brackets for shell form',
};

function shell(args: Word[]): ReadArguments {
  return { form: 'shell', jsonFallback: false, args, pairs: [] };
}

/** BuildKit's parseMaybeJSON: a JSON array of strings, else the whole text as one argument. */
function maybeJson(line: string, start: number, end: number): ReadArguments {
  if (start >= end) return shell([]);
  const json = readJsonArray(line, start, end);
  if (json.kind === 'strings') return { form: 'json', jsonFallback: false, args: [...json.values], pairs: [] };
  if (json.kind === 'not-strings') return { ...shell([]), problem: { ...NOT_STRINGS, start, end } };
  return { form: 'shell', jsonFallback: line.charCodeAt(start) === 0x5b, args: [{ value: line.slice(start, end), start, end }], pairs: [] };
}

/** BuildKit's parseMaybeJSONToList (ADD, COPY, VOLUME): JSON array, else blank-separated words. */
function maybeJsonList(line: string, start: number, end: number): ReadArguments {
  if (start >= end) return shell([]);
  const json = readJsonArray(line, start, end);
  if (json.kind === 'strings') return { form: 'json', jsonFallback: false, args: [...json.values], pairs: [] };
  if (json.kind === 'not-strings') return { ...shell([]), problem: { ...NOT_STRINGS, start, end } };
  return { ...shell(splitBlanks(line, start, end)), jsonFallback: line.charCodeAt(start) === 0x5b };
}

/** BuildKit's parseNameVal (ENV, LABEL): `k=v` pairs, or the legacy `KEY name value`. */
function nameValues(keyword: string, line: string, start: number, end: number, escape: number): ReadArguments {
  const words = splitWords(line.slice(0, end), start, escape);
  if (words.length === 0) return shell([]);
  const first = words[0] as Word;
  if (!first.value.includes('=')) {
    let keyEnd = start;
    while (keyEnd < end && !isBlank(line.charCodeAt(keyEnd))) keyEnd++;
    let valueStart = keyEnd;
    while (valueStart < end && isBlank(line.charCodeAt(valueStart))) valueStart++;
    if (keyEnd >= end) {
      return {
        ...shell(words),
        problem: { message: `${keyword} must have two arguments`, hint: `write ${keyword} ${line.slice(start, end)}=value`, start, end },
      };
    }
    const key = { value: line.slice(start, keyEnd), start, end: keyEnd };
    const value = { value: line.slice(valueStart, end), start: valueStart, end };
    return { ...shell([key, value]), pairs: [{ key: key.value, value: value.value, separator: '', start, end }] };
  }
  const pairs: PairSpan[] = [];
  for (const word of words) {
    const eq = word.value.indexOf('=');
    if (eq < 0) {
      return {
        ...shell(words),
        pairs,
        problem: { message: `cannot find = in "${word.value}"; write name=value`, hint: `write ${word.value}=value, or quote a value that holds blanks`, start: word.start, end: word.end },
      };
    }
    const key = word.value.slice(0, eq);
    if (key === '' && keyword === 'ENV') {
      return { ...shell(words), pairs, problem: { message: 'ENV names can not be blank', hint: 'write NAME=value', start: word.start, end: word.end } };
    }
    pairs.push({ key, value: word.value.slice(eq + 1), separator: '=', start: word.start, end: word.end });
  }
  return { ...shell(words), pairs };
}

/** True when the UTF-8 encoding of code point `cp` holds a byte that Go reads as a space (0x85, 0xA0). */
function holdsSpaceByte(cp: number): boolean {
  const cont = (shift: number) => 0x80 | ((cp >> shift) & 0x3f);
  if (cp < 0x80) return false;
  if (cp < 0x800) return cont(0) === 0x85 || cont(0) === 0xa0;
  if (cp < 0x10000) return [cont(6), cont(0)].some((b) => b === 0x85 || b === 0xa0);
  return [cont(12), cont(6), cont(0)].some((b) => b === 0x85 || b === 0xa0);
}

/**
 * BuildKit's parseHealthConfig: the type word, then the command (JSON or shell). BuildKit finds
 * the end of the type byte by byte, so a non-ASCII blank after `CMD` (`CMD\u00a0x`) leaves part of
 * its bytes in the type, which is then no known type.
 */
function healthcheck(line: string, start: number, end: number): ReadArguments {
  let sep = start;
  while (sep < end) {
    const cp = line.codePointAt(sep) as number;
    if (cp < 0x80 ? isBlank(cp) || cp === 0x0a : holdsSpaceByte(cp)) break;
    sep += cp > 0xffff ? 2 : 1;
  }
  if (sep === start) return shell([]);
  // A type cut inside a character keeps that character, so it reads as the unknown type it is.
  const typeEnd = sep < end && line.charCodeAt(sep) >= 0x80 ? sep + 1 : sep;
  const rest = maybeJson(line, skipSpaces(line, typeEnd, end), end);
  return { ...rest, args: [{ value: line.slice(start, typeEnd), start, end: typeEnd }, ...rest.args] };
}

/**
 * Reads the arguments of `keyword` (upper case) from `line.slice(start, end)`, dispatching like
 * BuildKit's parser. ONBUILD is handled by the caller.
 *
 * @example
 * ```ts
 * readArguments('CMD', 'CMD ["a"]', 4, 9, 0x5c).form; // 'json'
 * ```
 */
export function readArguments(keyword: string, line: string, start: number, end: number, escape: number): ReadArguments {
  switch (keyword) {
    case 'RUN':
    case 'CMD':
    case 'ENTRYPOINT':
    case 'SHELL':
      return maybeJson(line, start, end);
    case 'ADD':
    case 'COPY':
    case 'VOLUME':
      return maybeJsonList(line, start, end);
    case 'ENV':
    case 'LABEL':
      return nameValues(keyword, line, start, end, escape);
    case 'ARG':
      return shell(splitWords(line.slice(0, end), start, escape));
    case 'FROM':
    case 'EXPOSE':
      return shell(start < end ? splitBlanks(line, start, end) : []);
    case 'HEALTHCHECK':
      return healthcheck(line, start, end);
    default:
      // MAINTAINER, STOPSIGNAL, USER, WORKDIR, and unknown keywords: the text as one value.
      return shell(start < end ? [{ value: line.slice(start, end), start, end }] : []);
  }
}
