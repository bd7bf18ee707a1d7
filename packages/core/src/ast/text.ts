/** A reference to a build variable (an ARG or a base image's ENV), rendered as `${NAME}`. */
export interface VarRef {
  readonly kind: 'VarRef';
  readonly name: string;
}

/** Literal text mixed with variable references; literal parts are escaped when rendered. */
export interface Template {
  readonly kind: 'Template';
  readonly parts: readonly (string | VarRef)[];
}

/** A value that is either plain literal text or a template with variables. */
export type Text = string | Template;

/** The literal text of a Text, with each variable written as `${NAME}` (for messages and checks). */
export function textToDisplay(text: Text): string {
  if (typeof text === 'string') return text;
  return text.parts.map((p) => (typeof p === 'string' ? p : `\${${p.name}}`)).join('');
}

/** The names of the variables a Text refers to, in order. */
export function textVars(text: Text): readonly string[] {
  if (typeof text === 'string') return [];
  return text.parts.flatMap((p) => (typeof p === 'string' ? [] : [p.name]));
}
