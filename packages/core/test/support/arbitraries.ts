// Adversarial inputs for the property tests.
import fc from 'fast-check';
import { imageEnv, tpl, type TemplateWithVars } from '@dockwright/core';
import { normalizeParts, type Lexed } from './buildkit-lexer.js';

/** Characters and short sequences that mean something to a Dockerfile reader, a lexer or a shell. */
export const PRINTABLE_ADVERSARIAL = [
  '"', "'", '$', '\\', '=', ' ', '-', '--', '#', '[', ']', '{', '}', ',', '`', '<<', '<', '>', '|', '&&', ';', '(', ')',
  '*', '?', '~', '!', '%', '@', ':', '/', '.', '_', '+',
  '${', '$A', '${A}', '$(', '\\\\', '\\"', '\\$', ' \\', 'EOF', 'RUN ', 'FROM ', '["a"]',
  'a', 'Z', '0', '9', 'é', '😀', '中', '文', 'ש', 'ب', '\u202e', '\u200b', '\u0301',
  // Unicode blanks that Go's unicode.IsSpace knows and ASCII-only readers do not; and a BOM.
  '\u00a0', '\u3000', '\u2003', '\ufeff',
] as const;

/** What a one-line slot must refuse: line breaks of every kind, NUL, other controls, lone surrogates. */
export const CONTROL = ['\r', '\n', '\r\n', '\\\n', '\0', '\t', '\u000b', '\u000c', '\u0001', '\u001b', '\u007f', '\u0085', '\u2028', '\u2029', '\ud800', '\udfff'] as const;

const printableUnit = fc.constantFrom(...PRINTABLE_ADVERSARIAL);
const anyUnit = fc.oneof({ arbitrary: printableUnit, weight: 4 }, { arbitrary: fc.constantFrom(...CONTROL), weight: 1 });

/** Printable adversarial text (no control characters): what a slot should usually render. */
export function printable(maxLength = 24): fc.Arbitrary<string> {
  return fc.string({ unit: printableUnit, maxLength });
}

/**
 * Hostile text: mostly printable adversarial units, some with control characters and line
 * breaks, arbitrary code points, graphemes, long values (a few KiB), and the empty string.
 */
export function hostile(maxLength = 24): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: printable(maxLength), weight: 6 },
    { arbitrary: fc.string({ unit: anyUnit, maxLength }), weight: 2 },
    { arbitrary: fc.string({ unit: 'binary', maxLength }), weight: 1 },
    { arbitrary: fc.string({ unit: 'grapheme', maxLength }), weight: 1 },
    { arbitrary: fc.string({ unit: printableUnit, minLength: 500, maxLength: 2500 }), weight: 1 },
    { arbitrary: fc.constant(''), weight: 1 },
  );
}

/** Hostile text that is a one-liner with a given prefix some of the time (e.g. `/` for absolute paths). */
export function withPrefix(prefix: string, text: fc.Arbitrary<string> = hostile()): fc.Arbitrary<string> {
  return fc.oneof({ arbitrary: text.map((t) => prefix + t), weight: 3 }, { arbitrary: text, weight: 1 });
}

/** Variable names: valid ones, and hostile ones (which must be refused, never rendered). */
export function varName(): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,11}$/), weight: 4 },
    { arbitrary: hostile(12), weight: 1 },
    { arbitrary: fc.constantFrom('X}\nRUN evil', 'A B', '1A', 'A-B', 'A}', '', 'A"', 'PATH'), weight: 1 },
  );
}

/** Argv elements of exec forms: anything but NUL may appear (JSON escapes it). */
export function argv(): fc.Arbitrary<[string, ...string[]]> {
  return fc.tuple(hostile(), fc.array(hostile(), { maxLength: 3 })).map(([first, rest]) => [first, ...rest]);
}

/** Parts of a template: literal text and variable names, in any order. */
export type PartSpec = { readonly literal: string } | { readonly variable: string };

export function templateParts(literal: fc.Arbitrary<string> = hostile(12)): fc.Arbitrary<PartSpec[]> {
  return fc.array(
    fc.oneof({ arbitrary: literal.map((l): PartSpec => ({ literal: l })), weight: 2 }, { arbitrary: varName().map((v): PartSpec => ({ variable: v })), weight: 1 }),
    { minLength: 1, maxLength: 4 },
  );
}

/** How many runs each property makes; DOCKWRIGHT_FC_RUNS overrides (e.g. 20000 for a long soak). */
export function runs(base: number): number {
  const override = Number(process.env.DOCKWRIGHT_FC_RUNS);
  return Number.isFinite(override) && override > 0 ? override : base;
}

/**
 * fast-check parameters. Seeds are random (fast-check prints the seed and path of any failure);
 * DOCKWRIGHT_FC_SEED replays one, and is printed when used.
 */
export function params(base: number): { numRuns: number; seed?: number } {
  const seed = process.env.DOCKWRIGHT_FC_SEED;
  if (seed !== undefined && seed !== '') {
    console.log(`fast-check: DOCKWRIGHT_FC_SEED=${seed}`);
    return { numRuns: runs(base), seed: Number(seed) };
  }
  return { numRuns: runs(base) };
}

/** A template made with tpl`...` from part specs (variables as imageEnv handles), and what it should read back as. */
export function makeTemplate(spec: readonly PartSpec[]): { template: TemplateWithVars; expected: Lexed } {
  const strings: string[] = [''];
  const values: ReturnType<typeof imageEnv>[] = [];
  for (const p of spec) {
    if ('literal' in p) strings[strings.length - 1] += p.literal;
    else {
      values.push(imageEnv(p.variable));
      strings.push('');
    }
  }
  const raw = Object.assign([...strings], { raw: [...strings] }) as unknown as TemplateStringsArray;
  return {
    template: tpl(raw, ...values),
    expected: normalizeParts(spec.map((p) => ('literal' in p ? p.literal : { name: p.variable }))),
  };
}
