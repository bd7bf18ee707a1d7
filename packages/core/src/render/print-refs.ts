import type { BaseRef } from '../ast/image.js';
import { quoteWord } from './quote.js';

/** `name[:tag][@digest]`, a stage name, or `scratch`. */
export function printBaseRef(ref: BaseRef): string {
  switch (ref.kind) {
    case 'Scratch':
      return 'scratch';
    case 'StageRef':
      return ref.name;
    case 'ImageRef': {
      const tag = ref.tag === undefined ? '' : `:${quoteWord(ref.tag)}`;
      const digest = ref.digest === undefined ? '' : `@${ref.digest}`;
      return `${ref.name}${tag}${digest}`;
    }
  }
}
