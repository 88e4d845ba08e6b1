import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { gallery } from '../scenarios/gallery.generated'
import { startCompilerWorker } from '../worker/client'
import { appStore } from './store'
import { registerCompiler } from './compiler'
import { startCompileLoop } from './store/compileLoop'
import { preferredLang } from './store/uiSlice'
import { App } from './App'
import { scenarioFromLocation } from './scenarioRoute'
import './styles.css'

const store = appStore.getState()
store.setLang(preferredLang(navigator.languages ?? [navigator.language]))
if (window.matchMedia?.('(prefers-color-scheme: dark)').matches) store.setTheme('dark')
store.loadScenario(scenarioFromLocation(location.hash, gallery, location.search))
// A scenario route typed or followed while the page is open (or Back) switches scenario too.
window.addEventListener('hashchange', () => {
  const next = scenarioFromLocation(location.hash, gallery, location.search)
  if (next.name !== appStore.getState().scenarioName) appStore.getState().loadScenario(next)
})

const compiler = startCompilerWorker((message) => appStore.getState().reportWorkerFailure(message))
registerCompiler(compiler.api)
startCompileLoop(appStore, (request) => compiler.api.compile(request))

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
