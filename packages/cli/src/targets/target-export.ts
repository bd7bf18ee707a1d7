import type { Dockerfile } from '@dockwright/core';

/** A `.dockerignore` as presets return it (anything with `render()`), or its text. */
export type DockerignoreSource = { render(): string } | string;

/**
 * One file of a target that exports several: written to `path`, relative to the module's
 * directory (or the configured `outDir`). A preset result can be spread into it:
 * `{ path: 'Dockerfile.api', ...nodePreset(project) }`.
 */
export interface TargetEntry {
  readonly path: string;
  readonly dockerfile: Dockerfile;
  readonly dockerignore?: DockerignoreSource;
  /** The build context relative to the Dockerfile's directory (`.`, `../..`), as presets return it. */
  readonly context?: string;
  /** What the preset chose that the user may want to change; `render` prints them. */
  readonly notes?: readonly string[];
}

/** What a preset returns: `{ dockerfile, dockerignore, context }`. */
export interface PresetLike {
  readonly dockerfile: Dockerfile;
  readonly dockerignore?: DockerignoreSource;
  readonly context?: string;
  readonly notes?: readonly string[];
}

/** What a target module may default-export. */
export type TargetExport = Dockerfile | PresetLike | readonly TargetEntry[];
