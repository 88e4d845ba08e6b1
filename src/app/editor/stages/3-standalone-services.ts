// Stage 3 of Monaco's load (see ../load.ts): standaloneCodeEditor.js's next imports, up to the standalone services
// (model service, theme service, keybindings, context menus, quick input).
import 'monaco-editor/esm/vs/editor/common/editorAction.js'
import 'monaco-editor/esm/vs/editor/standalone/browser/standaloneServices.js'
