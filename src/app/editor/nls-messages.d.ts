// monaco-editor's language bundles set globalThis._VSCODE_NLS_MESSAGES / _VSCODE_NLS_LANGUAGE and export nothing.
declare module 'monaco-editor/esm/nls.messages.zh-cn.js'
