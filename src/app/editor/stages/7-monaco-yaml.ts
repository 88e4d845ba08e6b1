// Stage 7 of Monaco's load (see ../load.ts): monaco-yaml (its language-service client, the LSP type conversions).
import 'monaco-yaml'
