/** An option of a command: `--name`, or `--name <value>` when it takes a value. */
export interface OptionSpec {
  readonly name: string;
  readonly short?: string;
  /** The placeholder of its value (`dir`), for an option that takes one. */
  readonly value?: string;
  readonly description: string;
  /** The option may be given several times; every value is kept, in order, in `ParsedArgs.lists`. */
  readonly multiple?: boolean;
}

/** A command: what `--help` shows and what the parser accepts. */
export interface CommandSpec {
  readonly name: 'render' | 'print' | 'lint' | 'fmt' | 'import' | 'lock' | 'init' | 'build' | 'bake';
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
    usage: 'dockwright render [paths...] [--check | --prune | --watch]',
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
      { name: 'watch', description: 'render again each time a target module, a file it imports, the configuration or a policy changes' },
      { name: 'force', description: 'overwrite a Dockerfile or ignore file dockwright did not write, and replace a symbolic link with the file (refused otherwise, DWC3008)' },
      { name: 'config', value: 'file', description: 'the configuration file (default: dockwright.config.ts, .mts, .js or .mjs in the current directory)' },
    ],
    examples: ['dockwright render', 'dockwright render services/api', 'dockwright render --check', 'dockwright render --check --json > report.json', 'dockwright render --prune', 'dockwright render --watch'],
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
  {
    name: 'init',
    summary: 'write a target for each service of a project: Node, Go, static binaries, a workspace\'s services',
    usage: 'dockwright init [dir] [--yes]',
    description: [
      'Finds the projects under the directory (default: the current one) with the presets\' own',
      'detection: a package.json with a start script (each service of a pnpm, npm or yarn',
      'workspace), a go.mod (each main package), or static executables, and writes a',
      '*.dockerfile.ts beside each, with the options you would change written out. A file that is',
      'there is never overwritten. On a terminal it shows the plan and asks first.',
    ],
    options: [{ name: 'yes', short: 'y', description: 'write without asking' }],
    examples: ['dockwright init', 'dockwright init services/api', 'dockwright init --yes --json'],
  },
  {
    name: 'build',
    summary: 'render, then build every target\'s image with the Docker engine',
    usage: 'dockwright build [paths...] [--tag <tag>] [--push | --load] [--platform <list>]',
    description: [
      'Renders the targets as `dockwright render` does, then builds each Dockerfile from its build',
      'context (a workspace service from the workspace root) with `docker buildx build`, or',
      '`DOCKER_BUILDKIT=1 docker build` when buildx is not there, and prints the image ids. A target',
      'built on another target\'s image builds after it. The client is $DOCKWRIGHT_DOCKER, else docker.',
      'Tags, platforms, arguments, secrets and caches also come from `build` in dockwright.config.ts;',
      'tags may use {name}, {version} and {commit}.',
    ],
    options: [
      { name: 'tag', short: 't', value: 'tag', multiple: true, description: 'tag each image (repeatable; default {name}:dev), e.g. registry.example.com/shop/{name}:{version}' },
      { name: 'platform', value: 'list', multiple: true, description: 'platforms to build for, e.g. linux/amd64,linux/arm64 (more than one needs buildx)' },
      { name: 'build-arg', value: 'name=value', multiple: true, description: 'a build argument (repeatable)' },
      { name: 'secret', value: 'spec', multiple: true, description: 'a build secret, as docker takes it: id=npmrc,src=$HOME/.npmrc or id=npmrc,env=NPMRC (repeatable)' },
      { name: 'target', value: 'stage', description: 'build this stage of each Dockerfile instead of its last' },
      { name: 'push', description: 'push every tag to its registry' },
      { name: 'load', description: 'load the images into the local engine (buildx; docker build always does)' },
      { name: 'network', value: 'mode', description: 'the network of RUN steps: default, host or none' },
      { name: 'cache-from', value: 'spec', multiple: true, description: 'an external cache to read, e.g. type=registry,ref=registry.example.com/shop/{name}:cache' },
      { name: 'cache-to', value: 'spec', multiple: true, description: 'an external cache to write (buildx)' },
      { name: 'no-cache', description: 'build every step again' },
      { name: 'concurrency', value: 'n', description: 'how many targets build at once (default 2)' },
      { name: 'dry-run', description: 'render and print the engine commands; build nothing' },
      { name: 'force', description: 'overwrite a Dockerfile or ignore file dockwright did not write, as `render --force` does (refused otherwise, DWC3008)' },
      { name: 'watch', description: 'render and build again the targets whose module or imported files change' },
      { name: 'config', value: 'file', description: 'the configuration file (default: dockwright.config.ts, .mts, .js or .mjs in the current directory)' },
    ],
    examples: [
      'dockwright build',
      'dockwright build services/api --tag registry.example.com/shop/api:1.4.0 --push',
      'dockwright build --secret id=npmrc,src=$HOME/.npmrc',
      'dockwright build --platform linux/amd64,linux/arm64 --push',
      'dockwright build --dry-run',
      'dockwright build --json > build.json',
    ],
  },
  {
    name: 'bake',
    summary: 'write docker-bake.json, so `docker buildx bake` builds every target on any builder',
    usage: 'dockwright bake [--force]',
    description: [
      'Renders every target, then writes the bake file (build.bakeFile in dockwright.config.ts, or',
      'docker-bake.json beside it): a default group of every target and, per target, its context,',
      'Dockerfile, tags, platforms, args, secrets, caches, and a target: context for each image',
      'another target builds. Settings come from the `build` key of the configuration only, so the',
      'file is the same on every machine; render keeps it current and render --check checks it.',
    ],
    options: [
      { name: 'force', description: 'overwrite a Dockerfile or ignore file dockwright did not write, as `render --force` does (refused otherwise, DWC3008)' },
      { name: 'config', value: 'file', description: 'the configuration file (default: dockwright.config.ts, .mts, .js or .mjs in the current directory)' },
    ],
    examples: ['dockwright bake', 'dockwright bake && docker buildx bake --push', 'COMMIT=$(git rev-parse --short=12 HEAD) docker buildx bake'],
  },
]);
