import type { Lang } from '../../engine/i18n/types'
import type { GalleryScenario } from '../../scenarios/types'
import { gallery } from '../../scenarios/gallery.generated'
import { appStore } from '../store'
import { getCompiler } from '../compiler'
import { translate } from '../i18n/t'
import { runLine } from '../trace/actions'
import { traceStore } from '../trace/store'
import type { IncomingWork } from '../workspace/slice'
import { decodeShare, decodeShareFile } from './codec'
import { LIMITS } from './limits'
import { shareErrorMessage } from './messages'
import type { DecodeResult, ShareState } from './types'

/**
 * Opening a link or a `.kubehops.json` file (loaded lazily: it brings the codec). A refused one changes nothing and
 * says why; an accepted one becomes a workspace of its own (the user's current work kept), then the sender's earlier
 * runs are replayed on a fresh simulation (unseen), the request is sent again and the trace is put on the same hop.
 */

/** The workspace a shared state becomes: named after its gallery scenario when it has one. */
export function incomingOf(state: ShareState, lang: Lang, entries: GalleryScenario[] = gallery): IncomingWork {
  const entry = entries.find((g) => g.name === state.scenario)
  const name = entry
    ? translate('share.sharedName', lang, { name: entry.title[lang] || entry.title.en })
    : translate('share.untitled', lang)
  return {
    name,
    origin: entry ? entry.name : '',
    files: state.files,
    activeFile: state.activeFile ?? state.files[0]?.path ?? '',
    positions: state.positions,
  }
}

export async function openShareLink(hash: string): Promise<boolean> {
  return open(decodeShare(hash))
}

/** A file picked or dropped. Its size is checked before it is read. */
export async function openShareFile(file: File): Promise<boolean> {
  const store = appStore.getState()
  if (!/\.json$/i.test(file.name)) {
    store.notify('share.notKubehops', { name: file.name })
    return false
  }
  // a UTF-8 file holds at most 4 bytes per character
  if (file.size > LIMITS.fileChars * 4) return open({ ok: false, error: 'too-large' })
  let text: string
  try {
    text = await file.text()
  } catch {
    return open({ ok: false, error: 'corrupt' })
  }
  return open(decodeShareFile(text))
}

async function open(result: DecodeResult): Promise<boolean> {
  const store = appStore.getState()
  if (!result.ok) {
    const { code, params } = shareErrorMessage(result.error)
    store.notify(code, params)
    return false
  }
  const work = incomingOf(result.state, store.lang)
  const { keptDraft } = store.openIncoming(work)
  // the same content already in the list is reopened as it was: still show the tab the sender was looking at
  if (result.state.activeFile) appStore.getState().setActiveFile(result.state.activeFile)
  store.notify('share.opened', { name: work.name }, 'status')
  if (keptDraft) store.notify('share.kept', {}, 'status')
  await replay(result.state)
  return true
}

/** Waits for the compile of the text now on screen (the newest request's reply), or gives up after `ms`. */
function compiled(ms: number) {
  const done = () => {
    const s = appStore.getState()
    return s.current && s.current.seq === s.requestedSeq ? s.current : undefined
  }
  return new Promise<ReturnType<typeof done>>((resolve) => {
    const now = done()
    if (now) return resolve(now)
    const timer = setTimeout(() => { unsubscribe(); resolve(undefined) }, ms)
    const unsubscribe = appStore.subscribe(() => {
      const r = done()
      if (r) { clearTimeout(timer); unsubscribe(); resolve(r) }
    })
  })
}

/** The worker's handle: main.tsx registers it once its chunk has loaded, which may be after a link is opened. */
async function compilerReady(ms: number) {
  for (let waited = 0; waited <= ms; waited += 50) {
    const compiler = getCompiler()
    if (compiler) return compiler
    await new Promise((r) => setTimeout(r, 50))
  }
  return undefined
}

async function replay(state: ShareState): Promise<void> {
  const compiler = await compilerReady(30_000)
  if (!compiler) return
  if (state.proxyMode) {
    // The mode travels in the YAML already (the switch edits it); a link made by hand may name another one.
    const result = await compiled(20_000)
    if (result && result.kubeProxy.mode !== state.proxyMode) {
      const files = await compiler.setProxyMode(appStore.getState().files, state.proxyMode)
      appStore.getState().setFiles(files)
    }
  }
  if (!state.request) return
  // The same seed as the sender's: a fresh simulation (conntrack, affinity, the random stream), then the runs the
  // sender made on it before the shown one, in order, so the shown request meets the same draws and state. They
  // run in the worker only: no animation, output discarded, not in the visible run list.
  await compiler.resetSimulation()
  if (state.history?.length) traceStore.getState().setBusy(true)
  try {
    for (const h of state.history ?? []) {
      const { files, lang } = appStore.getState()
      await compiler.run({ files, where: h.from, line: h.command, lang, ...(h.repeat ? { repeat: h.repeat } : {}) })
    }
  } catch {
    // the worker failed mid-history (it reports through the supervisor): the shown request still runs below
  }
  const reply = await runLine(state.request.from, state.request.command, { play: false })
  if (!reply || reply.traces.length === 0) return
  traceStore.getState().setHop(state.hop)
  traceStore.getState().setTab('events')
}
