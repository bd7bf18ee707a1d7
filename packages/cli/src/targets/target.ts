/** One target module and where its files go. */
export interface Target {
  /** The module, absolute. */
  readonly file: string;
  /** The directory its files are written to, absolute: the module's own unless configured. */
  readonly outDir: string;
  /** Whether to write the .dockerignore the target exports. */
  readonly dockerignore: boolean;
}
