import type { GalleryScenario } from '../../scenarios/types'
import { appStore } from '../store'
import type { AppState } from '../store'
import { DEFAULT_SCENARIO } from '../scenarioRoute'
import { createAutosaver, deserialize, openSavedStore, serialize } from './persist'
import { routeOf, type Route } from './route'

/** Quiet time before a change is written (typing does not write per key); a hidden page writes at once. */
const SAVE_DELAY_MS = 400

// The codec (fflate and its dictionary) is not on the first-paint path: it loads when a link or file arrives.
const loadOpener = () => import('../share/open')

/**
 * Puts the user's work on screen at start and keeps it saved: the saved workspaces come back (the last one open,
 * with its unsaved edits), an explicit `#scenario=`/`?scenario=` route or a `#s=` link wins without destroying them,
 * every later change is written after a pause, and storage trouble is told once while the page goes on in memory.
 */
export async function startWorkspaces(gallery: GalleryScenario[]): Promise<void> {
  const store = () => appStore.getState()
  const fallback = gallery.find((s) => s.name === DEFAULT_SCENARIO) ?? gallery[0]
  const opened = await openSavedStore({ indexedDB: () => window.indexedDB, localStorage: () => window.localStorage })
  const saved = deserialize(await opened.store.read().catch(() => null))
  const saver = createAutosaver(opened.store, {
    delayMs: SAVE_DELAY_MS,
    onProblem: (problem) => store().notify(`workspace.storage.${problem}`),
  })
  if (opened.problem) {
    store().notify(`workspace.storage.${opened.problem}`)
    saver.markReported()
  }

  const route = routeOf(location.hash, location.search, gallery)
  if (saved) appStore.setState({ workspaceList: saved })
  if (route.kind === 'scenario') store().openGallery(route.scenario)
  else store().restoreWorkspaces(saved ?? { workspaces: [], currentId: '', nextId: 1 }, fallback)

  appStore.subscribe((s, prev) => {
    if (changed(s, prev)) saver.schedule(() => serialize(appStore.getState().workspaceSnapshot()))
  })
  // a closing or hidden tab writes what is pending now (a crash loses at most the last SAVE_DELAY_MS)
  window.addEventListener('pagehide', () => void saver.flush())
  document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') void saver.flush() })

  window.addEventListener('hashchange', () => void follow(routeOf(location.hash, location.search, gallery)))
  listenForDroppedFiles()
  if (route.kind === 'share') await follow(route)
}

function changed(s: AppState, prev: AppState): boolean {
  return s.files !== prev.files || s.positions !== prev.positions || s.activeFile !== prev.activeFile
    || s.workspaceList !== prev.workspaceList || s.workspaceId !== prev.workspaceId
}

async function follow(route: Route): Promise<void> {
  if (route.kind === 'scenario') {
    if (route.scenario.name !== appStore.getState().scenarioName) appStore.getState().openGallery(route.scenario)
    return
  }
  if (route.kind !== 'share') return
  const { openShareLink } = await loadOpener()
  const ok = await openShareLink(route.hash)
  // Opened: the work now lives in a workspace; a reload must not open the link again over later edits.
  // Refused: the address goes back to plain, so a reload does not show the refusal again.
  if (location.hash === route.hash) history.replaceState(null, '', location.pathname + location.search)
  void ok
}

/** A `.kubehops.json` dropped anywhere on the page opens like a link. Other files are left to other drop targets. */
function listenForDroppedFiles() {
  const hasFiles = (e: DragEvent) => !!e.dataTransfer && [...e.dataTransfer.types].includes('Files')
  window.addEventListener('dragover', (e) => { if (hasFiles(e)) e.preventDefault() })
  window.addEventListener('drop', (e) => {
    if (!hasFiles(e)) return
    // the browser would otherwise navigate to the dropped file, leaving the page
    e.preventDefault()
    const file = [...(e.dataTransfer?.files ?? [])].find((f) => /\.json$/i.test(f.name))
    if (file) void loadOpener().then(({ openShareFile }) => openShareFile(file))
  })
}
