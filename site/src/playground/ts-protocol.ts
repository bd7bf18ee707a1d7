// Messages between the page and the TypeScript worker.

/** A type error or warning in the program, by character offsets. */
export interface TsDiagnostic {
  readonly from: number;
  readonly to: number;
  readonly severity: 'error' | 'warning' | 'info';
  readonly message: string;
  /** TypeScript's code, such as 2345. */
  readonly code: number;
}

export interface TsCompletion {
  readonly name: string;
  readonly kind: string;
  readonly sortText: string;
  readonly insertText?: string;
  /** Offsets the completion replaces, when not the word before the cursor. */
  readonly replace?: { readonly from: number; readonly to: number };
}

export type TsRequest =
  | { readonly id: number; readonly type: 'update'; readonly code: string; readonly path: string }
  | { readonly id: number; readonly type: 'diagnostics' }
  | { readonly id: number; readonly type: 'completions'; readonly pos: number }
  | { readonly id: number; readonly type: 'details'; readonly pos: number; readonly name: string }
  | { readonly id: number; readonly type: 'quickinfo'; readonly pos: number };

export type TsResponse =
  | { readonly id: number; readonly type: 'ready' }
  | { readonly id: number; readonly type: 'diagnostics'; readonly diagnostics: readonly TsDiagnostic[]; readonly ms: number }
  | { readonly id: number; readonly type: 'completions'; readonly from: number; readonly entries: readonly TsCompletion[] }
  | { readonly id: number; readonly type: 'details'; readonly detail: string; readonly documentation: string }
  | { readonly id: number; readonly type: 'quickinfo'; readonly info?: { readonly from: number; readonly to: number; readonly text: string; readonly documentation: string } }
  | { readonly id: number; readonly type: 'error'; readonly message: string };

/** The virtual files the worker loads: TypeScript's libs, the Dockwright sources, ambient globals. */
export interface TypeFiles {
  readonly files: Readonly<Record<string, string>>;
  /** Module names to their entry file, as compilerOptions.paths. */
  readonly paths: Readonly<Record<string, string>>;
}
