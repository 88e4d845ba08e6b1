import * as Comlink from 'comlink'
import ELK from 'elkjs/lib/elk.bundled.js'
import { compileForCanvas, objectViewOf } from './compile'
import { latestOnly, yieldToQueuedMessages } from './latest'
import { setProxyMode } from './proxyMode'
import { inspectObject, completeLine, resetSessions, runAt, sendTargets, applyWhatIfTo, importText, kindScriptOf, whatIfActionsAt, loadTheRest } from './lazy'
import type { CompileReply, CompileRequest, CompilerApi } from './protocol'

// elk.bundled.js, evaluated inside a worker, installs itself as the worker's message handler (it expects to be the
// worker script). ELK is used in-process here, so take the handler back before comlink listens.
self.onmessage = null

const elk = new ELK()
const latest = latestOnly()

const api: CompilerApi = {
  async compile(request: CompileRequest): Promise<CompileReply> {
    const { seq } = request
    if (!latest.begin(seq)) return { seq, status: 'stale' }
    // An edit typed while this one waited in the queue supersedes it: let the queue run first.
    await yieldToQueuedMessages()
    if (latest.isStale(seq)) return { seq, status: 'stale' }
    try {
      const view = await compileForCanvas(request.files, elk)
      loadTheRest() // the shell, traces and what-ifs, once the first picture is on its way (lazy.ts)
      if (latest.isStale(seq)) return { seq, status: 'stale' }
      return { seq, status: 'done', ...view }
    } catch (e) {
      return { seq, status: 'failed', message: e instanceof Error ? e.message : String(e) }
    }
  },
  async setProxyMode(files, mode) {
    return setProxyMode(files, mode)
  },
  async run(request) {
    return runAt(request)
  },
  async sendTargets(files) {
    return sendTargets(files)
  },
  async complete(files, line, at) {
    return completeLine(files, line, at)
  },
  async objectView(files, id) {
    return objectViewOf(files, id)
  },
  async inspect(request) {
    return inspectObject(request)
  },
  async resetSimulation() {
    await resetSessions()
  },
  async whatIfActions(files, id) { return whatIfActionsAt(files, id) },
  async applyWhatIf(files, op) { return applyWhatIfTo(files, op) },
  async importManifests(text, redactSecrets) { return importText(text, redactSecrets) },
  async kindScript(scenario) { return kindScriptOf(scenario) },
}

Comlink.expose(api)
