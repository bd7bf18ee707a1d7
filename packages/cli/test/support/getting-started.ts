// The first section of docs/getting-started.md, read as data, so the tests run exactly what it
// shows: the project's files, each command (after `npx`), and the output shown after it.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeProject, repoRoot } from './cli.js';

export interface GuideStep {
  /** The command as the guide writes it, `npx` left out: `['dockwright', 'init']`, `['docker', 'run', ...]`. */
  readonly argv: readonly string[];
  /** The ```text block that follows it, if there is one. */
  readonly output?: string;
}

export interface Guide {
  readonly files: Readonly<Record<string, string>>;
  readonly install: string;
  readonly steps: readonly GuideStep[];
}

/**
 * The section "From a project to an image": the files it names (`package.json`: then a block),
 * the install line, and every other command of its ```sh blocks with the output shown after it.
 *
 * @example
 * ```ts
 * readGuide().steps.map((s) => s.argv.join(' ')); // ['dockwright init', 'dockwright render', 'dockwright build', ...]
 * ```
 */
export function readGuide(): Guide {
  const text = readFileSync(join(repoRoot, 'docs', 'getting-started.md'), 'utf8');
  const section = text.slice(text.indexOf('## From a project to an image'), text.indexOf('## Writing the Dockerfile yourself'));
  const blocks = [...section.matchAll(/(?:^`([^`]+)`:\n\n)?^```(\w+)\n([\s\S]*?)^```$/gm)].map((m) => ({ file: m[1], lang: m[2] ?? '', body: m[3] ?? '' }));
  const files: Record<string, string> = {};
  let install = '';
  const steps: { argv: string[]; output?: string }[] = [];
  for (const b of blocks) {
    if (b.file !== undefined) files[b.file] = b.body;
    else if (b.lang === 'sh') {
      for (const line of b.body.split('\n').map((l) => l.replace(/\s+#.*$/, '').trim()).filter((l) => l !== '')) {
        if (line.startsWith('npm install')) install = line;
        else if (!line.startsWith('mkdir')) steps.push({ argv: line.replace(/^npx /, '').split(/\s+/) });
      }
    } else if (b.lang === 'text') {
      const last = steps.at(-1);
      if (last !== undefined) last.output = b.body;
    }
  }
  return { files, install, steps };
}

/**
 * The guide's new project, as `npm install --save-dev dockwright @dockwright/core @dockwright/presets`
 * leaves it, except that the packages are this repository's, linked into node_modules (they are
 * not published from here), so package.json and package-lock.json do not list them: the lockfile
 * is npm's own, made by `npm install --package-lock-only` for the app's own dependency.
 * Returns the project's directory, `hello`.
 */
export function guideProject(guide: Guide): string {
  // `mkdir hello && cd hello`: the directory's name is the image's.
  const dir = join(makeProject(Object.fromEntries(Object.entries(guide.files).map(([f, t]) => [`hello/${f}`, t]))), 'hello');
  const lock = spawnSync('npm', ['install', '--package-lock-only', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: dir, encoding: 'utf8' });
  if (lock.status !== 0) throw new Error(`npm install --package-lock-only failed: ${lock.stderr}`);
  // npm names the project after its directory when package.json is read: keep the guide's name.
  writeFileSync(join(dir, 'package.json'), guide.files['package.json'] ?? '');
  return dir;
}
