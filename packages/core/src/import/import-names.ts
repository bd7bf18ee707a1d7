import { arg, imageEnv, tpl, type Arg, type TemplateWithVars, type Variable } from '../builder/variables.js';
import { jsString, literal, templateText, type Code } from './code.js';
import type { LexPart } from './lex-parts.js';

// Names the module imports or TypeScript reserves: a variable must not shadow them.
const RESERVED = ['arg', 'bindMount', 'cacheMount', 'secretMount', 'sshMount', 'tmpfsMount', 'dockerfile', 'image', 'imageEnv', 'scratch', 'stage', 'tpl', 'default', 'new', 'class', 'function', 'import', 'export', 'const', 'let', 'var', 'return', 'delete', 'in', 'do', 'if', 'for', 'while', 'switch', 'case', 'try', 'catch', 'this', 'void', 'with', 'yield', 'enum', 'await', 'package', 'public'];

/**
 * The variables of one generated module (stages and ARG handles) and the values they stand for.
 * One per import: names are unique within the module.
 *
 * @example
 * ```ts
 * const names = new ImportNames();
 * names.arg('GO', '1.23').code; // 'go'
 * names.declarations; // ["const go = arg('GO', { default: '1.23' });"]
 * ```
 */
export class ImportNames {
  readonly #used = new Set<string>(RESERVED);
  readonly #args = new Map<string, Code<Arg>>();
  /** The `const` lines of the ARG handles, in the order they were made. */
  readonly declarations: string[] = [];

  /** A fresh identifier from a Dockerfile name (`build-env` gives `buildEnv`). */
  identifier(name: string, suffix: string): string {
    const words = name.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w !== '');
    let base = words.map((w, i) => (i === 0 ? w : w[0]?.toUpperCase() + w.slice(1))).join('') || suffix.toLowerCase();
    if (/^[0-9]/.test(base)) base = `${suffix.toLowerCase()}${base}`;
    let id = base;
    for (let n = 2; this.#used.has(id); n++) id = n === 2 && !this.#used.has(`${base}${suffix}`) ? `${base}${suffix}` : `${base}${n}`;
    this.#used.add(id);
    return id;
  }

  /** The handle of an ARG; one per name and default, declared at the top of the module. */
  arg(name: string, defaultValue: string | undefined): Code<Arg> {
    const key = `${name}\u0000${defaultValue ?? ''}\u0000${defaultValue === undefined}`;
    const known = this.#args.get(key);
    if (known !== undefined) return known;
    const id = this.identifier(name, 'Arg');
    const value = arg(name, defaultValue === undefined ? {} : { default: defaultValue });
    this.declarations.push(`const ${id} = arg(${jsString(name)}${defaultValue === undefined ? '' : `, { default: ${jsString(defaultValue)} }`});`);
    const handle = { code: id, value };
    this.#args.set(key, handle);
    return handle;
  }

  /** The handle of a declared ARG by name (the latest declaration), if any. */
  argNamed(name: string): Code<Arg> | undefined {
    let found: Code<Arg> | undefined;
    for (const [key, handle] of this.#args) if (key.startsWith(`${name}\u0000`)) found = handle;
    return found;
  }

  /** A text with variables as a `tpl` template (ARG handles, or the base image's environment); plain text as a string. */
  text(parts: readonly LexPart[]): Code<string | TemplateWithVars> {
    return parts.every((p) => typeof p === 'string') ? literal(parts.join('')) : this.template(parts);
  }

  /** A text as a `tpl` template, its variables as ARG handles or `imageEnv()`. */
  template(parts: readonly LexPart[]): Code<TemplateWithVars> {
    const strings: string[] = [''];
    const values: Variable[] = [];
    const codes: string[] = [];
    for (const part of parts) {
      if (typeof part === 'string') strings[strings.length - 1] += part;
      else {
        const handle = this.argNamed(part.variable);
        values.push(handle?.value ?? imageEnv(part.variable));
        codes.push(handle?.code ?? `imageEnv(${jsString(part.variable)})`);
        strings.push('');
      }
    }
    const code = `tpl\`${strings.map((s, i) => `${templateText(s)}${i < codes.length ? `\${${codes[i]}}` : ''}`).join('')}\``;
    return { code, value: tpl(Object.assign([...strings], { raw: [...strings] }), ...values) };
  }
}
