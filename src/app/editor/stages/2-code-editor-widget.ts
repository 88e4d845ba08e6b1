// Stage 2 of Monaco's load (see ../load.ts): standaloneCodeEditor.js's imports up to the code editor widget (its
// view, view model and text model).
import 'monaco-editor/esm/vs/base/browser/ui/aria/aria.js'
import 'monaco-editor/esm/vs/base/common/lifecycle.js'
import 'monaco-editor/esm/vs/editor/browser/services/codeEditorService.js'
import 'monaco-editor/esm/vs/editor/browser/widget/codeEditor/codeEditorWidget.js'
