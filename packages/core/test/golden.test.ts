import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cases } from './golden/cases.js';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'golden');
const update = process.env['UPDATE_GOLDEN'] === '1';

describe('golden Dockerfiles', () => {
  for (const [name, make] of Object.entries(cases)) {
    it(name, () => {
      const text = make().render();
      const file = join(dir, `${name}.Dockerfile`);
      if (update || !existsSync(file)) {
        if (!update) throw new Error(`missing golden file ${name}.Dockerfile: run with UPDATE_GOLDEN=1 and review it`);
        writeFileSync(file, text);
      }
      expect(text).toBe(readFileSync(file, 'utf8'));
      // Rendering is pure: a second render of a fresh build gives the same bytes.
      expect(make().render()).toBe(text);
    });
  }
});
