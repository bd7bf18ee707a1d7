// The TypeScript language service for the playground, in a worker: the same checker as tsc and an
// editor, over the Dockwright sources, so completion and the type errors (`node:latest`, a root
// final stage) are the ones a real editor shows.
import ts from 'typescript';
import type { TsCompletion, TsDiagnostic, TsRequest, TsResponse, TypeFiles } from './ts-protocol.js';

declare const self: { postMessage(message: TsResponse): void; onmessage: ((event: { data: TsRequest }) => void) | null; location: { href: string } };

const files = new Map<string, { text: string; version: number }>();
let program = '/project/dockerfile.ts';
let ready: Promise<ts.LanguageService> | undefined;

function options(paths: TypeFiles['paths']): ts.CompilerOptions {
  return {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2023.d.ts'],
    strict: true,
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
    skipLibCheck: true,
    noEmit: true,
    types: [],
    baseUrl: '/',
    paths: Object.fromEntries(Object.entries(paths).map(([name, file]) => [name, [file]])),
  };
}

async function start(): Promise<ts.LanguageService> {
  const response = await fetch(new URL('types.json', self.location.href));
  const types = (await response.json()) as TypeFiles;
  for (const [path, text] of Object.entries(types.files)) files.set(path, { text, version: 0 });
  const compilerOptions = options(types.paths);
  const dirs = new Set<string>();
  for (const path of files.keys()) for (let d = path.slice(0, path.lastIndexOf('/')); d !== ''; d = d.slice(0, d.lastIndexOf('/'))) dirs.add(d);
  const host: ts.LanguageServiceHost = {
    getCompilationSettings: () => compilerOptions,
    getScriptFileNames: () => [program, '/globals.d.ts'],
    getScriptVersion: (path) => String(files.get(path)?.version ?? 0),
    getScriptSnapshot: (path) => {
      const file = files.get(path);
      return file === undefined ? undefined : ts.ScriptSnapshot.fromString(file.text);
    },
    getCurrentDirectory: () => '/',
    getDefaultLibFileName: () => '/lib/lib.es2023.d.ts',
    fileExists: (path) => files.has(path),
    readFile: (path) => files.get(path)?.text,
    directoryExists: (path) => dirs.has(path.replace(/\/$/, '')) || path === '/',
    getDirectories: () => [],
  };
  return ts.createLanguageService(host, ts.createDocumentRegistry());
}

const message = (d: ts.DiagnosticMessageChain | string) => ts.flattenDiagnosticMessageText(d, '\n');

function diagnostics(service: ts.LanguageService): TsDiagnostic[] {
  const all = [...service.getSyntacticDiagnostics(program), ...service.getSemanticDiagnostics(program)];
  return all.map((d) => ({
    from: d.start ?? 0,
    to: (d.start ?? 0) + (d.length ?? 0),
    severity: d.category === ts.DiagnosticCategory.Error ? 'error' : d.category === ts.DiagnosticCategory.Warning ? 'warning' : 'info',
    message: message(d.messageText),
    code: d.code,
  }));
}

function completions(service: ts.LanguageService, pos: number): { from: number; entries: TsCompletion[] } {
  const text = files.get(program)?.text ?? '';
  let from = pos;
  while (from > 0 && /[\w$]/.test(text[from - 1] ?? '')) from--;
  const info = service.getCompletionsAtPosition(program, pos, { includeCompletionsWithInsertText: true, includeCompletionsForModuleExports: false });
  const entries = (info?.entries ?? []).slice(0, 400).map((e): TsCompletion => ({
    name: e.name,
    kind: e.kind,
    sortText: e.sortText,
    ...(e.insertText === undefined ? {} : { insertText: e.insertText }),
    ...(e.replacementSpan === undefined ? {} : { replace: { from: e.replacementSpan.start, to: e.replacementSpan.start + e.replacementSpan.length } }),
  }));
  return { from, entries };
}

const parts = (p: readonly ts.SymbolDisplayPart[] | undefined) => (p ?? []).map((x) => x.text).join('');

async function answer(request: TsRequest): Promise<TsResponse> {
  ready ??= start();
  const service = await ready;
  switch (request.type) {
    case 'update': {
      program = request.path;
      const was = files.get(program);
      files.set(program, { text: request.code, version: (was?.version ?? 0) + 1 });
      return { id: request.id, type: 'ready' };
    }
    case 'diagnostics': {
      const t0 = performance.now();
      const found = diagnostics(service);
      return { id: request.id, type: 'diagnostics', diagnostics: found, ms: performance.now() - t0 };
    }
    case 'completions':
      return { id: request.id, type: 'completions', ...completions(service, request.pos) };
    case 'details': {
      const d = service.getCompletionEntryDetails(program, request.pos, request.name, undefined, undefined, undefined, undefined);
      return { id: request.id, type: 'details', detail: parts(d?.displayParts), documentation: parts(d?.documentation) };
    }
    case 'quickinfo': {
      const q = service.getQuickInfoAtPosition(program, request.pos);
      if (q === undefined) return { id: request.id, type: 'quickinfo' };
      return { id: request.id, type: 'quickinfo', info: { from: q.textSpan.start, to: q.textSpan.start + q.textSpan.length, text: parts(q.displayParts), documentation: parts(q.documentation) } };
    }
  }
}

self.onmessage = (event) => {
  answer(event.data).then(
    (response) => self.postMessage(response),
    (error: unknown) => self.postMessage({ id: event.data.id, type: 'error', message: error instanceof Error ? error.message : String(error) }),
  );
};
