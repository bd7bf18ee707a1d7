/** An option of a command: `--name`, or `--name <value>` when it takes a value. */
export interface OptionSpec {
  readonly name: string;
  readonly short?: string;
  /** The placeholder of its value (`dir`), for an option that takes one. */
  readonly value?: string;
  readonly description: string;
}

/** A command: what `--help` shows and what the parser accepts. */
export interface CommandSpec {
  readonly name: 'render' | 'print' | 'lint' | 'fmt' | 'import' | 'lock';
  readonly summary: string;
  readonly usage: string;
  readonly description: readonly string[];
  readonly options: readonly OptionSpec[];
  readonly examples: readonly string[];
}

/** Options every command takes. */
export const globalOptions: readonly OptionSpec[] = Object.freeze([
  { name: 'cwd', value: 'dir', description: 'run as if started in <dir>' },
  { name: 'json', description: 'print one JSON document on stdout instead of text' },
  { name: 'quiet', short: 'q', description: 'print only problems' },
  { name: 'no-color', description: 'never colour the output (as NO_COLOR=1 does)' },
  { name: 'help', short: 'h', description: 'show help' },
]);

/** The commands, in the order help lists them. */
export const commandSpecs: readonly CommandSpec[] = Object.freeze([
  {
    name: 'render',
    summary: 'write every target\'s Dockerfile and .dockerignore, or check that they are current',
    usage: 'dockwright render [paths...] [--check | --prune]',
    description: [
      'Targets are the files listed in dockwright.config.ts, or else every *.dockerfile.ts',
      '(.mts, .js, .mjs) under the paths given (default: the current directory), skipping',
      'node_modules, dist and dot-directories. A file is written only when its content changed,',
      'through a temporary file renamed over it.',
      'Each Dockerfile is checked against the nearest dockwright.policy.yaml, if there is one.',
      'A generated file whose target module is gone, or no longer writes it, is reported (DWC3006).',
      'A file there that dockwright did not write, or a symbolic link, is left alone (DWC3008) unless --force.',
    ],
    options: [
      { name: 'check', description: 'write nothing; print a diff of every stale or hand-edited file, list generated files without a target, and exit 1 if there is one' },
      { name: 'prune', description: 'also delete generated files whose target module is gone or no longer writes them' },
      { name: 'force', description: 'overwrite a Dockerfile or ignore file dockwright did not write, and replace a symbolic link with the file (refused otherwise, DWC3008)' },
      { name: 'config', value: 'file', description: 'the configuration file (default: dockwright.config.ts, .mts, .js or .mjs in the current directory)' },
    ],
    examples: ['dockwright render', 'dockwright render services/api', 'dockwright render --check', 'dockwright render --check --json > report.json', 'dockwright render --prune'],
  },
  {
    name: 'print',
    summary: 'print one target\'s Dockerfile on stdout',
    usage: 'dockwright print <file> [--path <path>] [--dockerignore]',
    description: ['Prints exactly what `dockwright render` writes for the target, and writes nothing.'],
    options: [
      { name: 'path', value: 'path', description: 'for a target that exports a list, the entry to print (its `path`)' },
      { name: 'dockerignore', description: 'print the .dockerignore instead of the Dockerfile' },
    ],
    examples: ['dockwright print services/api/service.dockerfile.ts', 'dockwright print build.dockerfile.ts --path Dockerfile.dev'],
  },
  {
    name: 'lint',
    summary: 'judge written Dockerfiles with the rule catalogue',
    usage: 'dockwright lint [files...] [--format text|json|sarif]',
    description: [
      'Lints each file given, every Dockerfile (Dockerfile, Dockerfile.<name>, <name>.Dockerfile)',
      'under each directory given (default: the current directory), or stdin for `-`. Exits 1 when',
      'a finding is an error. A `# dockwright:allow DWxxxx <reason>` comment above an instruction',
      'waives that rule there; so do `# hadolint ignore=DL3008` and BuildKit\'s `# check=skip=...`',
      'for their twins. --from-hadolint reads a .hadolint.yaml (ignored, override, trustedRegistries,',
      'label-schema, strict-labels, failure-threshold, no-fail) on top of the policy.',
    ],
    options: [
      { name: 'format', value: 'format', description: 'text (default), json, or sarif (SARIF 2.1.0, for code scanning)' },
      { name: 'from-hadolint', value: 'file', description: 'also apply a hadolint configuration file, such as .hadolint.yaml' },
    ],
    examples: ['dockwright lint', 'dockwright lint services/api/Dockerfile', 'dockwright lint --format sarif > dockwright.sarif', 'cat Dockerfile | dockwright lint -', 'dockwright lint --from-hadolint .hadolint.yaml'],
  },
  {
    name: 'fmt',
    summary: 'format written Dockerfiles in the canonical format, or check that they are',
    usage: 'dockwright fmt [paths...] [--check]',
    description: [
      'Formats each file given (a directory means every Dockerfile, Dockerfile.<name> and',
      '<name>.Dockerfile in it; no path means the current directory) without changing what it builds, and writes',
      'the files that changed through a temporary file renamed over them. A file BuildKit would',
      'refuse is reported with its line and column and left as it is.',
    ],
    options: [{ name: 'check', description: 'write nothing; print a diff of every file that is not formatted and exit 1 if there is one' }],
    examples: ['dockwright fmt', 'dockwright fmt Dockerfile services/api', 'dockwright fmt --check', 'dockwright fmt --check --json > fmt.json'],
  },
  {
    name: 'import',
    summary: 'turn a written Dockerfile into TypeScript that uses the builder',
    usage: 'dockwright import <Dockerfile>',
    description: [
      'Prints a *.dockerfile.ts module on stdout whose default export renders the same',
      'instructions. An instruction the builder cannot express without breaking a rule is kept',
      'as a raw() line with the reason "imported as is", so you see what to fix.',
    ],
    options: [],
    examples: ['dockwright import Dockerfile > app.dockerfile.ts', 'dockwright import services/api/Dockerfile --json'],
  },
  {
    name: 'lock',
    summary: 'resolve locked images to digests in dockwright.lock.yaml, or check that it is current',
    usage: 'dockwright lock [paths...] [--check] | dockwright lock --update [image...]',
    description: [
      'Collects the locked images of every target (.locked(), or dockerfile(app, { locked: true })),',
      'asks their registries which digest each tag points to, and records it with the platforms it',
      'covers. Without options only images missing from the lockfile are resolved; unused entries',
      'are dropped. Nothing is written unless every image resolved. Credentials come from',
      'DOCKER_AUTH_CONFIG, $DOCKER_CONFIG/config.json or ~/.docker/config.json.',
    ],
    options: [
      { name: 'check', description: 'write nothing; exit 1 if an image is missing from the lockfile, its tag moved, or an entry is unused' },
      { name: 'update', description: 'resolve every locked image again (or only the images named), and record the new digests' },
      { name: 'platform', value: 'list', description: 'platforms every image must cover, e.g. linux/amd64,linux/arm64 (refuses single-platform images)' },
      { name: 'timeout', value: 'seconds', description: 'how long to wait for each registry request (default 30)' },
      { name: 'config', value: 'file', description: 'the configuration file (default: dockwright.config.ts, .mts, .js or .mjs in the current directory)' },
    ],
    examples: ['dockwright lock', 'dockwright lock --check', 'dockwright lock --update node', 'dockwright lock --platform linux/amd64,linux/arm64'],
  },
]);
