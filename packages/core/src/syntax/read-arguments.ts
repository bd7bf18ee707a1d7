import { readJsonArray } from './json-array.js';
import { isBlank, isSpace, skipSpaces } from './scan.js';
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

/** BuildKit's parseHealthConfig: the type word, then the command (JSON or shell). */
function healthcheck(line: string, start: number, end: number): ReadArguments {
  let sep = start;
  while (sep < end && !isSpace(line.charCodeAt(sep))) sep++;
  if (sep === start) return shell([]);
  const rest = maybeJson(line, skipSpaces(line, sep, end), end);
  return { ...rest, args: [{ value: line.slice(start, sep), start, end: sep }, ...rest.args] };
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
