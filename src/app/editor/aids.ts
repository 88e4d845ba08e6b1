import type * as MonacoApi from 'monaco-editor/esm/vs/editor/editor.api.js'

/** Files past this many characters are generated ones (the 1000 × 10 scenario), not typed by hand. */
export const LARGE_MODEL_CHARS = 100_000

/** The editor's costly reading aids, on for files people type and off for generated ones. */
export function editorAidsFor(length: number): MonacoApi.editor.IEditorOptions {
  const large = length > LARGE_MODEL_CHARS
  return {
    unicodeHighlight: { ambiguousCharacters: !large, invisibleCharacters: !large, nonBasicASCII: false },
    guides: { bracketPairs: false, indentation: !large },
    folding: !large,
  }
}

/**
 * The text model's share of the aids. Bracket-pair colours are a model option: the editor's `bracketPairColorization`
 * only reaches a model through the configuration it is created from (the standalone configuration service's change
 * event compares the new configuration with a copy that shares its objects, so the model service sees no change), and
 * with it on, the first frame of the 424 KB generated file built the whole bracket tree: 120 ms of main thread.
 */
export function modelAidsFor(length: number): MonacoApi.editor.ITextModelUpdateOptions {
  return { bracketColorizationOptions: { enabled: length <= LARGE_MODEL_CHARS, independentColorPoolPerBracketType: false } }
}
