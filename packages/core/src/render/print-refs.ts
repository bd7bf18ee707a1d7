import type { BaseRef } from '../ast/image.js';
import { isDigest, isImageName } from '../images/image-name.js';
import { STAGE_NAME } from '../lexical/names.js';
import { flagValue, quoteWord, token } from '../lexical/quote.js';

/**
 * `name[:tag][@digest]`, a stage name, or `scratch`; a tag with ARGs is escaped for where it
 * stands: an argument of FROM (`word`) or a flag value (`--from=`, `--mount=...,from=`).
 */
export function printBaseRef(ref: BaseRef, context: 'word' | 'flag' = 'word'): string {
  switch (ref.kind) {
    case 'Scratch':
      return 'scratch';
    case 'StageRef':
      return token(ref.name, (n) => STAGE_NAME.test(n), 'a stage name');
    case 'ImageRef': {
      const tag = ref.tag === undefined ? '' : `:${context === 'flag' ? flagValue(ref.tag) : quoteWord(ref.tag)}`;
      const digest = ref.digest === undefined ? '' : `@${token(ref.digest, isDigest, 'a digest')}`;
      return `${token(ref.name, isImageName, 'an image name')}${tag}${digest}`;
    }
  }
}
