import type * as MonacoApi from 'monaco-editor/esm/vs/editor/editor.api.js'

/** Files past this many characters are generated ones (the 1000 × 10 scenario), not typed by hand. */
export const LARGE_MODEL_CHARS = 100_000

/** The editor's costly reading aids, on for files people type and off for generated ones. */
export function editorAidsFor(length: number): MonacoApi.editor.IEditorOptions {
  const large = length > LARGE_MODEL_CHARS
  return {
    unicodeHighlight: { ambiguousCharacters: !large, invisibleCharacters: !large, nonBasicASCII: false },
    bracketPairColorization: { enabled: !large },
    guides: { bracketPairs: false, indentation: !large },
    folding: !large,
  }
}
