import type { DockerfileNode } from '../ast/dockerfile.js';
import { instructionsWithPaths } from '../ast/instructions-with-paths.js';
import type { FromInstruction, Instruction } from '../ast/instructions.js';

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

// The compiler proves a new instruction kind has its case below; a hand-made model's unknown node needs nothing.
const noKind = (_node: never): Feature[] => [];

/** What one instruction needs of the frontend (an ONBUILD's trigger is visited as its own instruction). */
function featuresOf(node: FromInstruction | Instruction): Feature[] {
  switch (node.kind) {
    case 'Run': {
      const f: Feature[] = [];
      if (node.command.form === 'heredoc') f.push({ name: 'RUN heredoc', version: v(4) });
      if (node.network !== undefined) f.push({ name: 'RUN --network', version: v(3) });
      if (node.security !== undefined) f.push({ name: 'RUN --security', version: v(20) });
      if (node.mounts.some((m) => m.type === 'secret' && m.env !== undefined)) f.push({ name: 'secret mount env=', version: v(10) });
      return f;
    }
    case 'Copy': {
      const f: Feature[] = [];
      if (node.link === true) f.push({ name: 'COPY --link', version: v(4) });
      if (node.parents === true) f.push({ name: 'COPY --parents', version: v(20) });
      if (node.exclude.length > 0) f.push({ name: 'COPY --exclude', version: v(19) });
      return f;
    }
    case 'Add': {
      const f: Feature[] = [];
      if (node.link === true) f.push({ name: 'ADD --link', version: v(4) });
      if (node.source.kind === 'url') f.push({ name: 'ADD --checksum', version: v(6) });
      if (node.source.kind === 'git') f.push({ name: 'ADD git', version: v(6) });
      return f;
    }
    case 'Healthcheck':
      return node.startInterval === undefined ? [] : [{ name: 'HEALTHCHECK --start-interval', version: v(6) }];
    case 'From':
    case 'OnBuild':
    case 'Env':
    case 'Label':
    case 'Arg':
    case 'Workdir':
    case 'Expose':
    case 'Volume':
    case 'User':
    case 'Cmd':
    case 'Entrypoint':
    case 'Shell':
    case 'StopSignal':
    case 'Comment':
    case 'Waiver':
    case 'Raw':
      return [];
    default:
      return noKind(node);
  }
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
  return instructionsWithPaths(ast).flatMap((at) => featuresOf(at.node));
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
