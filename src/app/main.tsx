import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { gallery } from '../scenarios/gallery.generated'
import { startCompilerWorker } from '../worker/client'
import { appStore } from './store'
import { registerCompiler } from './compiler'
import { startCompileLoop } from './store/compileLoop'
import { preferredLang } from './store/uiSlice'
import { App } from './App'
import './styles.css'

const store = appStore.getState()
store.setLang(preferredLang(navigator.languages ?? [navigator.language]))
if (window.matchMedia?.('(prefers-color-scheme: dark)').matches) store.setTheme('dark')
// The tutorial's first two labs open the playground, whatever order the gallery lists scenarios in.
const DEFAULT_SCENARIO = 'service-basics'
store.loadScenario(gallery.find((s) => s.name === DEFAULT_SCENARIO) ?? gallery[0])

const compiler = startCompilerWorker((message) => appStore.getState().reportWorkerFailure(message))
registerCompiler(compiler.api)
startCompileLoop(appStore, (request) => compiler.api.compile(request))

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
