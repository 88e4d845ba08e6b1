// Stage 6 of Monaco's load (see ../load.ts): the rest of editor.all.js's contributions and edcore.main.js's standalone
// ones (quick access, reference search), then the YAML grammar.
import 'monaco-editor/esm/vs/editor/edcore.main.js'
import 'monaco-editor/esm/vs/basic-languages/yaml/yaml.contribution.js'
