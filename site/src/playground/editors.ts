// The playground's CodeMirror editors: TypeScript for the program, Dockerfile and plain text.
import { javascript } from '@codemirror/lang-javascript';
import { StreamLanguage } from '@codemirror/language';
import { dockerFile } from '@codemirror/legacy-modes/mode/dockerfile';
import { EditorState, type Extension } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';
import { indentWithTab } from '@codemirror/commands';
import { basicSetup } from 'codemirror';

export type Language = 'typescript' | 'dockerfile' | 'text';

const languages: Record<Language, () => Extension> = {
  typescript: () => javascript({ typescript: true }),
  dockerfile: () => StreamLanguage.define(dockerFile),
  text: () => [],
};

/** An editor in `parent` that calls `onChange` with the whole text after every change. */
export function createEditor(parent: HTMLElement, options: { text: string; language: Language; label: string; extensions?: Extension[]; onChange: (text: string) => void }): EditorView {
  return new EditorView({
    parent,
    state: EditorState.create({
      doc: options.text,
      extensions: [
        basicSetup,
        keymap.of([indentWithTab]),
        languages[options.language](),
        EditorView.contentAttributes.of({ 'aria-label': options.label }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) options.onChange(update.state.doc.toString());
        }),
        ...(options.extensions ?? []),
      ],
    }),
  });
}

/** Replaces an editor's whole text (an example picked, a link opened). */
export function setText(view: EditorView, text: string): void {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
}
