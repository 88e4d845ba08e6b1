import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { gallery } from '../scenarios/gallery.generated'
import { appStore } from './store'
import { registerCompiler } from './compiler'
import { startCompileLoop } from './store/compileLoop'
import { preferredLang } from './store/uiSlice'
import { App } from './App'
import { startWorkspaces } from './workspace/boot'
import { publishWorkerStatus, registerWorkerRetry } from './faults/status'
import './styles.css'

const store = appStore.getState()
store.setLang(preferredLang(navigator.languages ?? [navigator.language]))
if (window.matchMedia?.('(prefers-color-scheme: dark)').matches) store.setTheme('dark')
// The saved workspaces, a `#scenario=` route or a `#s=` share link (workspace/boot.ts; it also follows hash changes).
void startWorkspaces(gallery)

// The worker's client (comlink and the supervisor that restarts a hung or crashed worker, src/worker/supervisor.ts)
// is its own small chunk, fetched while React renders the first screen: it stays out of the initial JavaScript.
import('../worker/client').then(({ startCompilerWorker }) => {
  const compiler = startCompilerWorker({ onStatus: publishWorkerStatus, deliverCompile: (reply) => appStore.getState().receiveCompile(reply) })
  registerWorkerRetry(compiler.retry)
  registerCompiler(compiler.api)
  startCompileLoop(appStore, (request) => compiler.api.compile(request))
}, (e: unknown) => appStore.getState().reportWorkerFailure(e instanceof Error ? e.message : String(e)))

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
