import { useLayoutEffect, useRef } from 'react'
import { ViewportPortal, useInternalNode } from '@xyflow/react'
import type { Hop } from '../../engine/trace/types'
import { hopDurationMs, prefersReducedMotion } from './motion'
import { isReturnHop, labelParts } from './packet'
import { currentTrace, useTrace } from './store'
import './trace.css'
import { useDrawnId } from '../canvas/useDrawnId'

type Point = { x: number; y: number }

/** A canvas node's centre in flow coordinates, or undefined when the canvas does not draw it. */
function useCentre(object: string | undefined): Point | undefined {
  // a large scenario draws some objects inside group cards: the hop points at the card
  const id = useDrawnId(object)
  const node = useInternalNode(id ?? '')
  if (!id || !node) return undefined
  const w = node.measured.width ?? node.width ?? 0
  const h = node.measured.height ?? node.height ?? 0
  return { x: node.internals.positionAbsolute.x + w / 2, y: node.internals.positionAbsolute.y + h / 2 }
}

/** Struck-through old value and the new one, highlighted, when a hop rewrote it (DNAT, SNAT, un-DNAT). */
function Changed({ pair, testid }: { pair: [string, string]; testid: string }) {
  if (pair[0] === pair[1]) return <span data-testid={testid}>{pair[1]}</span>
  return (
    <span className="packet-changed" data-testid={testid} data-changed="true">
      <s>{pair[0]}</s> <mark>{pair[1]}</mark>
    </span>
  )
}

/** The glow on the object where the current hop happens: a style rule by node id, so no card re-renders. */
function Glow({ id: object }: { id: string }) {
  const id = useDrawnId(object)
  const selector = `.react-flow__node[data-id="${CSS.escape(id)}"] > *`
  return <style>{`${selector} { box-shadow: 0 0 0 3px var(--trace-glow), 0 0 18px 4px var(--trace-glow-soft) !important; border-color: var(--trace-glow) !important; }`}</style>
}

/**
 * The packet on the canvas: a marker that glides (CSS transform transitions only, no layout per frame) from the
 * hop's `from` to its `to`, or sits at `at`, with the `src → dst` label; a temporary dashed edge where the graph has
 * none. Rendered inside React Flow's viewport so it pans and zooms with the cards.
 */
function Marker({ hop, duration }: { hop: Hop; duration: number }) {
  const at = useCentre(hop.at)
  const from = useCentre(hop.from)
  const to = useCentre(hop.to)
  const ref = useRef<HTMLDivElement>(null)
  const end = to ?? at
  const start = from && to ? from : undefined
  const reduced = prefersReducedMotion()

  useLayoutEffect(() => {
    const el = ref.current
    if (!el || !end) return
    const place = (p: Point, ms: number) => {
      el.style.transition = ms > 0 ? `transform ${ms}ms ease-in-out` : 'none'
      el.style.transform = `translate(${p.x}px, ${p.y}px)`
    }
    if (reduced) { place(end, 0); return }
    if (start) {
      place(start, 0)
      // The next frame starts the glide from `from`; the browser interpolates the transform on the compositor.
      const raf = requestAnimationFrame(() => place(end, Math.round(duration * 0.8)))
      return () => cancelAnimationFrame(raf)
    }
    place(end, Math.round(duration * 0.5))
  }, [hop, end?.x, end?.y, start?.x, start?.y, duration, reduced])

  if (!end) return null
  const parts = labelParts(hop)
  const back = isReturnHop(hop)
  return (
    <>
      {start && (
        <svg className="trace-edge" style={{ left: 0, top: 0 }} aria-hidden="true">
          <line x1={start.x} y1={start.y} x2={end.x} y2={end.y} className={back ? 'is-reply' : ''} />
        </svg>
      )}
      <div ref={ref} className={`packet-marker${back ? ' is-reply' : ''}`} data-testid="packet-marker" data-at={hop.at}>
        <span className="packet-dot" aria-hidden="true" />
        <span className="packet-label mono" data-testid="packet-label">
          <Changed pair={parts.src} testid="packet-src" /> → <Changed pair={parts.dst} testid="packet-dst" />
        </span>
      </div>
    </>
  )
}

export function TraceOverlay() {
  const trace = useTrace(currentTrace)
  const hopIndex = useTrace((s) => s.hop)
  const speed = useTrace((s) => s.speed)
  const hop = trace?.hops[hopIndex]
  if (!hop) return null
  return (
    <>
      <Glow id={hop.at} />
      <ViewportPortal>
        <Marker hop={hop} duration={hopDurationMs(speed)} />
      </ViewportPortal>
    </>
  )
}
