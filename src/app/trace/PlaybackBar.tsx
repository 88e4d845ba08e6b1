import { useEffect } from 'react'
import { appStore, useApp } from '../store'
import { useT } from '../i18n/t'
import { typingInto } from '../HelpDialog'
import { rerunCurrent } from './actions'
import { Icon } from './icons'
import { hopDurationMs } from './motion'
import { objectRef } from '../canvas/drawn'
import { isMachine } from './machines'
import { labelParts } from './packet'
import { SPEEDS, currentTrace, traceStore, useTrace } from './store'

/** Advances the played hop on a timer while playing (one state change per hop, never per frame). */
function usePlayer() {
  const playing = useTrace((s) => s.playing)
  const hop = useTrace((s) => s.hop)
  const speed = useTrace((s) => s.speed)
  useEffect(() => {
    if (!playing) return
    const timer = setTimeout(() => {
      const s = traceStore.getState()
      const n = currentTrace(s)?.hops.length ?? 0
      if (s.hop + 1 >= n) s.setPlaying(false)
      else traceStore.setState({ hop: s.hop + 1 })
    }, hopDurationMs(speed))
    return () => clearTimeout(timer)
  }, [playing, hop, speed])
}

/** Space plays or pauses, ← / → step, Home restarts, when a trace is loaded and the key is not for a field or a button. */
function usePlayerKeys() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return
      const target = e.target as HTMLElement | null
      if (typingInto(target)) return
      // A focused canvas object moves with the arrows; a dialog or the terminal keeps its keys.
      if (target?.closest?.('.react-flow__node, dialog[open], .xterm')) return
      // A focused button reacts to Space itself.
      if (e.key === ' ' && target?.closest?.('button, [role="tab"], a')) return
      const s = traceStore.getState()
      if (!currentTrace(s)) return
      if (e.key === ' ') s.togglePlay()
      else if (e.key === 'ArrowRight') s.step(1)
      else if (e.key === 'ArrowLeft') s.step(-1)
      else if (e.key === 'Home') s.restart()
      else return
      e.preventDefault()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
}

/** The player over the canvas: send, play / pause, step, restart, speed, and where the packet is. */
export function PlaybackBar() {
  const t = useT()
  usePlayer()
  usePlayerKeys()
  const trace = useTrace(currentTrace)
  const hop = useTrace((s) => s.hop)
  const playing = useTrace((s) => s.playing)
  const speed = useTrace((s) => s.speed)
  const busy = useTrace((s) => s.busy)
  const selection = useApp((s) => s.selection)
  const total = trace?.hops.length ?? 0
  const h = trace?.hops[hop]
  const parts = h ? labelParts(h) : undefined
  const s = traceStore.getState()

  const sendFrom = () => {
    const graph = appStore.getState().current?.graph
    const node = graph && selection ? objectRef(graph, selection) : undefined
    s.openComposer(node && isMachine(node) ? node.id : null)
  }

  return (
    <div className="trace-bar" role="toolbar" aria-label={t('trace.controls')} data-testid="trace-bar">
      <button type="button" className="tool-button primary" onClick={sendFrom} data-testid="trace-send" disabled={busy}>
        {busy ? t('trace.sending') : t('trace.send')}
      </button>
      {trace && (
        <>
          <button type="button" className="icon-button" onClick={() => s.restart()} aria-label={t('trace.restart')} title={t('trace.restart')} data-testid="trace-restart"><Icon name="restart" /></button>
          <button type="button" className="icon-button" onClick={() => s.step(-1)} aria-label={t('trace.stepBack')} title={t('trace.stepBack')} data-testid="trace-back" disabled={hop <= 0}><Icon name="back" /></button>
          <button type="button" className="icon-button" onClick={() => s.togglePlay()} data-testid="trace-play"
            aria-label={playing ? t('trace.pause') : t('trace.play')} title={playing ? t('trace.pause') : t('trace.play')}><Icon name={playing ? 'pause' : 'play'} /></button>
          <button type="button" className="icon-button" onClick={() => s.step(1)} aria-label={t('trace.stepForward')} title={t('trace.stepForward')} data-testid="trace-forward" disabled={hop >= total - 1}><Icon name="forward" /></button>
          <label className="trace-speed">
            <span className="visually-hidden">{t('trace.speed')}</span>
            <select value={speed} aria-label={t('trace.speed')} onChange={(e) => s.setSpeed(Number(e.target.value))} data-testid="trace-speed">
              {SPEEDS.map((x) => <option key={x} value={x}>{x}×</option>)}
            </select>
          </label>
          <span className="trace-position" data-testid="trace-position" aria-live="polite">
            {t('trace.hopOf', { n: hop + 1, total })}
            {parts && <span className="mono trace-position-packet"> {parts.src[1]} → {parts.dst[1]}</span>}
          </span>
          <button type="button" className="icon-button" onClick={() => void rerunCurrent()} aria-label={t('trace.rerun')} title={t('trace.rerun')} data-testid="trace-rerun"><Icon name="rerun" /></button>
          <button type="button" className="icon-button" onClick={() => traceStore.setState({ runId: null, hop: -1, playing: false })}
            aria-label={t('trace.close')} title={t('trace.close')} data-testid="trace-close"><Icon name="close" /></button>
        </>
      )}
    </div>
  )
}
