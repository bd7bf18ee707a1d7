// Renders every example's Dockerfile next to its source: `pnpm examples`.
import { readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { goApp } from '../examples/go-app/dockerfile.js';
import { nodeApp } from '../examples/node-app/dockerfile.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const targets = [
  { file: 'examples/node-app/Dockerfile', dockerfile: nodeApp },
  { file: 'examples/go-app/Dockerfile', dockerfile: goApp },
];

for (const { file, dockerfile } of targets) {
  const path = join(root, file);
  const text = dockerfile.render();
  const old = await readFile(path, 'utf8').catch(() => undefined);
  if (old === text) {
    console.log(`unchanged ${relative(root, path)}`);
    continue;
  }
  // Atomic: write a temporary file beside the target, then rename over it.
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, path);
  console.log(`wrote     ${relative(root, path)} (${text.split('\n').length - 1} lines)`);
}
