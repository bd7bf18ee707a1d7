// `pnpm examples`: the quick start's main job. Builds the `dockwright` CLI, renders every example
// (the builder programs beside their Dockerfiles, the pnpm monorepo and the organisation preset
// with the CLI, as a user runs it), says what it wrote, and prints one Dockerfile.
import { spawnSync } from 'node:child_process';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'tsup';
import { options } from '../packages/cli/tsup.config.js';
import { goApp } from '../examples/go-app/dockerfile.js';
import { nodeApp } from '../examples/node-app/dockerfile.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cliDir = join(root, 'packages/cli');
const bold = (text: string) => (process.stdout.isTTY && process.env['NO_COLOR'] === undefined ? `\u001b[1m${text}\u001b[22m` : text);

// 1. The CLI's JavaScript (its types are not needed to run it; `pnpm build` writes everything).
await build({ ...options, entry: [join(cliDir, 'src/cli.ts'), join(cliDir, 'src/index.ts')], outDir: join(cliDir, 'dist'), dts: false, silent: true, config: false });
console.log(`built     packages/cli/dist/cli.js (the dockwright command)`);

// 2. The builder programs, each written next to its source, atomically.
const programs = [
  { file: 'examples/node-app/Dockerfile', dockerfile: nodeApp },
  { file: 'examples/go-app/Dockerfile', dockerfile: goApp },
];
for (const { file, dockerfile } of programs) {
  const path = join(root, file);
  const text = dockerfile.render();
  const old = await readFile(path, 'utf8').catch(() => undefined);
  if (old === text) {
    console.log(`unchanged ${relative(root, path)}`);
    continue;
  }
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, path);
  console.log(`wrote     ${relative(root, path)} (${text.split('\n').length - 1} lines)`);
}

// 3. The projects whose targets the CLI renders: `dockwright render` in each.
let failed = false;
for (const project of ['examples/monorepo', 'examples/org-presets']) {
  console.log(`\n$ dockwright render --cwd ${project}`);
  const run = spawnSync(process.execPath, [join(cliDir, 'dist/cli.js'), 'render', '--cwd', join(root, project)], { stdio: 'inherit' });
  if (run.status !== 0) failed = true;
}

// 4. One of them in full.
const shown = 'examples/monorepo/services/api/Dockerfile';
console.log(`\n${bold(`${shown}:`)}\n`);
process.stdout.write(await readFile(join(root, shown), 'utf8'));
console.log(`\nEvery example's Dockerfile is beside its source; \`node packages/cli/dist/cli.js --help\` lists the commands.`);
if (failed) process.exitCode = 1;
