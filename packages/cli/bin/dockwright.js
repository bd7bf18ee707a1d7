#!/usr/bin/env node
// The `dockwright` command: runs the built CLI. In a clone of the repository, where nothing is
// built yet, it says how to build it instead of failing with a module error.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.js', import.meta.url);
if (existsSync(cli)) await import(cli.href);
else {
  process.stderr.write('✖ dockwright is not built in this checkout\n  → run `npx --yes pnpm@10.34.8 --filter dockwright build` (or `pnpm examples`, which builds it)\n');
  process.exitCode = 1;
}
