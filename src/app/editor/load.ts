import type { ComponentType } from 'react'
import { appStore } from '../store'
import { syncModels } from './models'
import { afterFrame, nextTask } from './tasks'

/**
 * Monaco's modules, in the order one `import` of editor.api, edcore.main, the YAML grammar and monaco-yaml evaluates
 * them (stages.test.ts checks it against monaco-editor's own files), cut into stages. Evaluating an ES module graph
 * is one main-thread task: imported at once, Monaco was one task of about 200 ms CPU on a quiet 2-core machine
 * (v8.evaluateModule over about 1,000 modules, no single one over 15 ms). Each stage is its own dynamic import (its
 * own chunk) and takes 10 to 55 ms CPU; between stages the page handles input and paints (a pan or zoom of the canvas
 * while the editor loads stays smooth).
 */
const STAGES: (() => Promise<unknown>)[] = [
  () => import('./stages/1-editor-core'),
  () => import('./stages/2-code-editor-widget'),
  () => import('./stages/3-standalone-services'),
  () => import('./stages/4-editor-api'),
  () => import('./stages/5-contributions'),
  () => import('./stages/6-edcore'),
  () => import('./stages/7-monaco-yaml'),
  () => import('./schemas'),
]

/**
 * Loads the editor without a long task: Monaco's modules in stages, then its services, monaco-yaml's set-up, the
 * theme and the text models, each in a task of its own; the editor component last. Monaco's own menu texts
 * (nls.ts) must be in place before this starts.
 */
export async function loadEditor(): Promise<{ default: ComponentType }> {
  for (const stage of STAGES) {
    await stage()
    await nextTask()
  }
  const { setupMonaco, startServices, startTheme } = await import('./monaco')
  await nextTask()
  startServices()
  await nextTask()
  const monaco = setupMonaco()
  await nextTask()
  await startTheme(appStore.getState().theme === 'dark' ? 'vs-dark' : 'vs')
  // the page restyles for the theme's sheet in this frame, not inside the editor's first measurement
  await afterFrame()
  syncModels(monaco, appStore.getState())
  await nextTask()
  return import('./MonacoEditor')
}
