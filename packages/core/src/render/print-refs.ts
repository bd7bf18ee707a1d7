import type { BaseRef } from '../ast/image.js';
import { flagValue, quoteWord } from './quote.js';

/**
 * `name[:tag][@digest]`, a stage name, or `scratch`; a tag with ARGs is escaped for where it
 * stands: an argument of FROM (`word`) or a flag value (`--from=`, `--mount=...,from=`).
 */
export function printBaseRef(ref: BaseRef, context: 'word' | 'flag' = 'word'): string {
  switch (ref.kind) {
    case 'Scratch':
      return 'scratch';
    case 'StageRef':
      return ref.name;
    case 'ImageRef': {
      const tag = ref.tag === undefined ? '' : `:${context === 'flag' ? flagValue(ref.tag) : quoteWord(ref.tag)}`;
      const digest = ref.digest === undefined ? '' : `@${ref.digest}`;
      return `${ref.name}${tag}${digest}`;
    }
  }
}
