// Monaco through its lean entry points: the editor API and its features (edcore.main: editor.all plus the standalone
// quick-access and find contributions) and the YAML grammar only. `import * from 'monaco-editor'` (editor.main) would
// bundle every language and its worker, about 9 MB. load.ts has evaluated all of these in stages before this module
// is imported; the imports here are what this module uses.
import * as monaco from 'monaco-editor/esm/vs/editor/editor.api.js'
import 'monaco-editor/esm/vs/editor/edcore.main.js'
import 'monaco-editor/esm/vs/basic-languages/yaml/yaml.contribution.js'
import { configureMonacoYaml } from 'monaco-yaml'
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker.js?worker'
import YamlWorker from './yaml.worker.ts?worker'
import { manifestSchemas } from './schemas'
import { publishYamlChecksPaused, schemaChecksFit } from '../faults/yamlChecks'

export type Monaco = typeof monaco

function workerFor(label: string): Worker {
  return label === 'yaml' ? new YamlWorker() : new EditorWorker()
}

interface LegacyWorkerOptions {
  moduleId?: string
  label?: string
  createData?: unknown
  host?: Record<string, unknown>
  keepIdleModels?: boolean
}

/**
 * monaco-yaml (through monaco-worker-manager) asks for a worker the old way, `createWebWorker({moduleId, label,
 * createData})`; the editor API only takes a ready `worker`. monaco-editor's full entry (editor.main) bridges the two,
 * the lean entry does not, and without the bridge YAML validation silently does nothing ("Missing requestHandler or
 * method: doValidation"). Same protocol as editor.main's bridge: the worker's first message is a wake-up, the
 * second carries createData for the language service.
 */
function legacyCreateWebWorker(opts: LegacyWorkerOptions) {
  const worker = workerFor(opts.label ?? 'editorWorkerService')
  worker.postMessage('ignore')
  worker.postMessage(opts.createData)
  return monaco.editor.createWebWorker({ worker, host: opts.host, keepIdleModels: opts.keepIdleModels })
}

let configured = false

/**
 * Starts the standalone services (the instantiation service and the model, configuration and language services
 * behind it), which the first Monaco call otherwise starts inside whatever task makes it: the load does this in a task
 * of its own.
 */
export function startServices(): void {
  monaco.editor.getModels()
}

/**
 * Sets the theme and puts its stylesheet (133 KB: token colours and codicons) in the page. Monaco adds that sheet when
 * its first editor or colorized element registers with the theme service; inside `editor.create` it made the editor's
 * first measurement restyle the whole page (2,800 elements of the 1000 × 10 canvas, 84 ms). Colorizing an empty,
 * detached element registers it without an editor, so the restyle happens in the next frame instead.
 */
export function startTheme(theme: 'vs' | 'vs-dark'): Promise<void> {
  return monaco.editor.colorizeElement(document.createElement('pre'), { mimeType: 'yaml', theme })
}

/** Sets Monaco up once per page: its workers (bundled, same origin: no CDN) and monaco-yaml. */
export function setupMonaco(): Monaco {
  if (configured) return monaco
  configured = true
  ;(globalThis as { MonacoEnvironment?: unknown }).MonacoEnvironment = {
    getWorker: (_moduleId: string, label: string) => workerFor(label),
  }
  // monaco-yaml gets a view of Monaco whose createWebWorker speaks the old protocol; the page's Monaco is untouched.
  const monacoForYaml = {
    ...monaco,
    editor: { ...monaco.editor, createWebWorker: legacyCreateWebWorker },
  } as unknown as Monaco
  const yaml = configureMonacoYaml(monacoForYaml, {
    enableSchemaRequest: false,
    isKubernetes: true,
    validate: true,
    completion: true,
    hover: true,
    schemas: manifestSchemas,
  })
  pauseChecksOnLargeYaml((on) => void yaml.update({ validate: on }))
  return monaco
}

/** monaco-yaml's validation off while the YAML models hold more than faults/yamlChecks.ts allows, on again below. */
function pauseChecksOnLargeYaml(setValidation: (on: boolean) => void) {
  let validating = true
  const check = () => {
    const total = monaco.editor.getModels().reduce((n, m) => n + (m.getLanguageId() === 'yaml' ? m.getValueLength() : 0), 0)
    const fits = schemaChecksFit(total)
    if (fits === validating) return
    validating = fits
    setValidation(fits)
    publishYamlChecksPaused(!fits)
  }
  monaco.editor.onDidCreateModel((model) => {
    model.onDidChangeContent(check)
    check()
  })
  monaco.editor.onWillDisposeModel(() => queueMicrotask(check))
}
