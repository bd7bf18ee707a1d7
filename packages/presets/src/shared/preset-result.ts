import type { Dockerfile } from '@dockwright/core';
import type { Dockerignore } from './dockerignore.js';

/** What every preset returns: the Dockerfile, its `.dockerignore`, and the context it expects. */
export interface PresetResult {
  readonly dockerfile: Dockerfile;
  readonly dockerignore: Dockerignore;
  /** The build context, relative to the project directory (`.`, or the monorepo root). */
  readonly context: string;
  /** What the preset chose that the user may want to change (an install without a lockfile, an end-of-life Node). */
  readonly notes?: readonly string[];
}
