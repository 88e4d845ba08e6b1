// Stage 4 of Monaco's load (see ../load.ts): the rest of editor.api.js (the standalone editor and languages API),
// then editor.all.js's first contributions, in its own order.
import 'monaco-editor/esm/vs/editor/editor.api.js'
import 'monaco-editor/esm/vs/editor/browser/coreCommands.js'
import 'monaco-editor/esm/vs/editor/browser/widget/codeEditor/codeEditorWidget.js'
import 'monaco-editor/esm/vs/editor/browser/widget/diffEditor/diffEditor.contribution.js'
import 'monaco-editor/esm/vs/editor/contrib/anchorSelect/browser/anchorSelect.js'
import 'monaco-editor/esm/vs/editor/contrib/bracketMatching/browser/bracketMatching.js'
import 'monaco-editor/esm/vs/editor/contrib/caretOperations/browser/caretOperations.js'
import 'monaco-editor/esm/vs/editor/contrib/caretOperations/browser/transpose.js'
import 'monaco-editor/esm/vs/editor/contrib/clipboard/browser/clipboard.js'
import 'monaco-editor/esm/vs/editor/contrib/codeAction/browser/codeActionContributions.js'
import 'monaco-editor/esm/vs/editor/contrib/codelens/browser/codelensController.js'
