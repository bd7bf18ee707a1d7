import type { DockerfileNode } from '../ast/dockerfile.js';
import { forEachInstruction } from '../ast/instructions-with-paths.js';
import type { ByKind, InstructionNode } from '../ast/instructions.js';

/** A Dockerfile frontend version: `1.4`, or `1.7` of the labs channel. */
export interface FrontendVersion {
  readonly minor: number;
  readonly labs: boolean;
}

/** A feature that needs a newer frontend than the one built into Docker 20.10 (about 1.2). */
export interface Feature {
  readonly name: string;
  readonly version: FrontendVersion;
}

const v = (minor: number, labs = false): FrontendVersion => ({ minor, labs });

const none = (): Feature[] => [];

// What each instruction kind needs of the frontend: a table over every kind, so a new kind does not
// compile until it says what it needs. An ONBUILD's trigger is visited as its own instruction.
const FEATURES: ByKind<Feature[]> = {
  From: none,
  Run(node) {
    const f: Feature[] = [];
    if (node.command.form === 'heredoc') f.push({ name: 'RUN heredoc', version: v(4) });
    if (node.network !== undefined) f.push({ name: 'RUN --network', version: v(3) });
    if (node.security !== undefined) f.push({ name: 'RUN --security', version: v(20) });
    if (node.mounts.some((m) => m.type === 'secret' && m.env !== undefined)) f.push({ name: 'secret mount env=', version: v(10) });
    return f;
  },
  Copy(node) {
    const f: Feature[] = [];
    if (node.link === true) f.push({ name: 'COPY --link', version: v(4) });
    if (node.parents === true) f.push({ name: 'COPY --parents', version: v(20) });
    if (node.exclude.length > 0) f.push({ name: 'COPY --exclude', version: v(19) });
    return f;
  },
  Add(node) {
    const f: Feature[] = [];
    if (node.link === true) f.push({ name: 'ADD --link', version: v(4) });
    if (node.source.kind === 'url') f.push({ name: 'ADD --checksum', version: v(6) });
    if (node.source.kind === 'git') f.push({ name: 'ADD git', version: v(6) });
    return f;
  },
  Healthcheck: (node) => (node.startInterval === undefined ? [] : [{ name: 'HEALTHCHECK --start-interval', version: v(6) }]),
  OnBuild: none,
  Env: none,
  Label: none,
  Arg: none,
  Workdir: none,
  Expose: none,
  Volume: none,
  User: none,
  Cmd: none,
  Entrypoint: none,
  Shell: none,
  StopSignal: none,
  Comment: none,
  Waiver: none,
  Raw: none,
};

/** What one instruction needs of the frontend; a hand-made model's unknown node needs nothing. */
function featuresOf(node: InstructionNode): Feature[] {
  const of = FEATURES[node.kind] as ((n: InstructionNode) => Feature[]) | undefined;
  return of === undefined ? [] : of(node);
}

/**
 * Every feature of the AST that needs more than the built-in frontend, in file order (ONBUILD
 * triggers included).
 *
 * @example
 * ```ts
 * requiredFeatures(dockerfile(app).ast).map((f) => f.name); // ['COPY --link']
 * ```
 */
export function requiredFeatures(ast: Pick<DockerfileNode, 'stages'>): Feature[] {
  const found: Feature[] = [];
  forEachInstruction(ast, (node) => {
    const features = featuresOf(node);
    if (features.length > 0) found.push(...features);
  });
  return found;
}

/** The lowest frontend that covers all features, or undefined when the built-in one does. */
export function lowestVersion(features: readonly Feature[]): FrontendVersion | undefined {
  if (features.length === 0) return undefined;
  return {
    minor: Math.max(...features.map((f) => f.version.minor)),
    labs: features.some((f) => f.version.labs),
  };
}

/** `docker/dockerfile:1.4`, or `docker/dockerfile:1.7-labs`. */
export function frontendImage(version: FrontendVersion): string {
  return `docker/dockerfile:1.${version.minor}${version.labs ? '-labs' : ''}`;
}
