// The part of sucrase's parser (shipped, without its own declarations at these paths) that
// guard-loops.ts reads: the tokens of a program and its scopes.
declare module 'sucrase/dist/esm/parser/index.js' {
  export interface Token {
    readonly type: number;
    readonly start: number;
    readonly end: number;
  }
  export interface Scope {
    readonly startTokenIndex: number;
    readonly endTokenIndex: number;
    readonly isFunctionScope: boolean;
  }
  export function parse(input: string, isJSXEnabled: boolean, isTypeScriptEnabled: boolean, isFlowEnabled: boolean): { tokens: Token[]; scopes: Scope[] };
}
declare module 'sucrase/dist/esm/parser/tokenizer/types.js' {
  export const TokenType: Record<'parenL' | 'parenR' | 'bracketL' | 'bracketR' | 'braceL' | 'braceR' | 'dollarBraceL' | 'semi' | 'arrow' | 'name' | '_while' | '_for', number>;
}
