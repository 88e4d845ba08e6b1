import type { CanvasNode, PositionedGraph } from '../canvas/model'

/**
 * The canvas as a standalone SVG document, built from the laid-out graph (not from the page's DOM): one rectangle and
 * its text lines per card, node boxes behind their pods, one curve per edge (dashed when not ready), as React Flow
 * draws them. Pure: no DOM, so it is unit-tested in Node; the PNG is this SVG rasterised (png.ts).
 */

export type SvgTheme = 'light' | 'dark'

interface Palette { bg: string; panel: string; border: string; text: string; muted: string; nodeBg: string; edge: string; accent: Record<string, string> }

const PALETTES: Record<SvgTheme, Palette> = {
  light: { bg: '#f5f6f8', panel: '#ffffff', border: '#cfd4dc', text: '#1f2933', muted: '#67717e', nodeBg: '#f1f4f8', edge: '#8b93a7',
    accent: { pod: '#0d9488', service: '#4f46e5', ingress: '#c2410c', client: '#64748b', router: '#64748b', node: '#cfd4dc' } },
  dark: { bg: '#111418', panel: '#181c21', border: '#3a424d', text: '#e4e7eb', muted: '#9aa4b1', nodeBg: '#20252c', edge: '#6b7385',
    accent: { pod: '#2dd4bf', service: '#a5b4fc', ingress: '#fb923c', client: '#9aa4b1', router: '#9aa4b1', node: '#3a424d' } },
}

const MARGIN = 20
const LINE = 14

/** Text for XML: the five characters XML reserves, and controls XML 1.0 cannot carry at all. */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!)
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
}

/** The title and the lines a card shows (the same columns as cards.tsx), whatever kind it is. */
export function cardText(n: CanvasNode): { title: string; badge: string; lines: string[] } {
  const v = n.data
  switch (v.kind) {
    case 'pod': return { title: v.name, badge: v.readyText, lines: [`${v.ip || '—'}  ${v.status}`] }
    case 'service': return { title: v.name, badge: v.type, lines: [`IP ${v.clusterIP}`, `${v.ports}`, ...(v.externalIP && v.externalIP !== '<none>' ? [`EXTERNAL ${v.externalIP}`] : [])] }
    case 'ingress': return { title: v.name, badge: v.className, lines: [`${v.hosts}${v.tls ? ' (TLS)' : ''}`, `${v.routes.length} rule(s)`] }
    case 'node': return { title: v.name, badge: v.controlPlane ? 'control plane' : 'worker', lines: [`${v.ip}  ${v.podCIDR}${v.ready ? '' : '  NotReady'}`] }
    case 'client':
    case 'router': return { title: v.name, badge: v.kind, lines: [v.ip] }
    default: {
      // kinds added later (group cards of large scenarios): their name, and a count when they have members
      const other = n.data as unknown as { kind: string; members?: unknown }
      const members = Array.isArray(other.members) ? other.members.length : undefined
      return { title: n.id.split('/').slice(-1)[0] ?? n.id, badge: other.kind, lines: members === undefined ? [] : [`${members}`] }
    }
  }
}

type Placed = CanvasNode & { ax: number; ay: number }

/** Absolute positions: React Flow and ELK give a child's position relative to its group box. */
function place(nodes: (CanvasNode & { x: number; y: number })[], positions: Record<string, { x: number; y: number }>): Placed[] {
  const byId = new Map(nodes.map((n) => [n.id, n]))
  const memo = new Map<string, { x: number; y: number }>()
  const abs = (n: CanvasNode & { x: number; y: number }, depth = 0): { x: number; y: number } => {
    const known = memo.get(n.id)
    if (known) return known
    const own = positions[n.id] ?? { x: n.x, y: n.y }
    const parent = n.parent ? byId.get(n.parent) : undefined
    const base = parent && depth < 8 ? abs(parent, depth + 1) : { x: 0, y: 0 }
    const at = { x: base.x + own.x, y: base.y + own.y }
    memo.set(n.id, at)
    return at
  }
  return nodes.map((n) => { const a = abs(n); return { ...n, ax: a.x, ay: a.y } })
}

const num = (v: number) => String(Math.round(v * 10) / 10)

/** The SVG of what the canvas draws (a large scenario's `drawn` view when there is one), with user-dragged positions. */
export function canvasSvg(graph: PositionedGraph, options: { positions?: Record<string, { x: number; y: number }>; theme?: SvgTheme; title?: string } = {}): { svg: string; width: number; height: number } {
  const view = (graph as PositionedGraph & { drawn?: PositionedGraph }).drawn ?? graph
  const p = PALETTES[options.theme ?? 'light']
  const placed = place(view.nodes, options.positions ?? {})
  const minX = Math.min(0, ...placed.map((n) => n.ax))
  const minY = Math.min(0, ...placed.map((n) => n.ay))
  const width = Math.ceil(Math.max(100, ...placed.map((n) => n.ax + n.width)) - minX + 2 * MARGIN)
  const height = Math.ceil(Math.max(60, ...placed.map((n) => n.ay + n.height)) - minY + 2 * MARGIN)
  const X = (x: number) => num(x - minX + MARGIN)
  const Y = (y: number) => num(y - minY + MARGIN)
  const byId = new Map(placed.map((n) => [n.id, n]))

  const out: string[] = []
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans CJK SC', sans-serif" font-size="11">`)
  if (options.title) out.push(`<title>${escapeXml(options.title)}</title>`)
  out.push(`<rect width="${width}" height="${height}" fill="${p.bg}"/>`)

  // node boxes first (they are behind), then the edges, then the cards: the canvas's stacking
  const boxes = placed.filter((n) => n.kind === 'node')
  const cards = placed.filter((n) => n.kind !== 'node')
  for (const n of boxes) out.push(card(n, p, X, Y, true))
  for (const e of view.edges) {
    const s = byId.get(e.source), t = byId.get(e.target)
    if (!s || !t) continue
    // React Flow's default (bezier) edge: from the source's right middle to the target's left middle
    const sx = s.ax + s.width, sy = s.ay + s.height / 2, tx = t.ax, ty = t.ay + t.height / 2
    const c = Math.max(30, Math.abs(tx - sx) / 2)
    out.push(`<path d="M${X(sx)} ${Y(sy)} C${X(sx + c)} ${Y(sy)} ${X(tx - c)} ${Y(ty)} ${X(tx)} ${Y(ty)}" fill="none" stroke="${p.edge}" stroke-width="1.2"${e.ready ? '' : ' stroke-dasharray="5 4"'}/>`)
  }
  for (const n of cards) out.push(card(n, p, X, Y, false))
  out.push('</svg>')
  return { svg: out.join('\n') + '\n', width, height }
}

// Average advance of the fonts used (11px bold sans, 10px sans and mono), to cut a text that would overflow its card
// as the canvas's CSS does with an ellipsis; SVG text has no overflow of its own.
const TITLE_CHAR = 6.9
const SMALL_CHAR = 6.1

/** The text cut to about `width` pixels, with an ellipsis when cut. */
export function fitText(text: string, width: number, charWidth: number): string {
  const max = Math.max(1, Math.floor(width / charWidth))
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`
}

function card(n: Placed, p: Palette, X: (x: number) => string, Y: (y: number) => string, box: boolean): string {
  const text = cardText(n)
  const badge = fitText(text.badge, n.width / 2, SMALL_CHAR)
  const title = fitText(text.title, n.width - 26 - (badge ? badge.length * SMALL_CHAR + 6 : 0), TITLE_CHAR)
  const lines = text.lines.map((l) => fitText(l, n.width - 18, SMALL_CHAR))
  const accent = p.accent[n.kind] ?? p.border
  // the full id as the group's title: the name a cut title lost, for viewers' tooltips and screen readers
  const parts = [`<g data-id="${escapeXml(n.id)}"><title>${escapeXml(n.id)}</title>`]
  parts.push(`<rect x="${X(n.ax)}" y="${Y(n.ay)}" width="${num(n.width)}" height="${num(n.height)}" rx="${box ? 10 : 6}" fill="${box ? p.nodeBg : p.panel}" stroke="${box ? p.border : accent}" stroke-width="${box ? 1 : 1.2}"${n.system ? ' stroke-dasharray="4 3"' : ''}/>`)
  if (!box) parts.push(`<rect x="${X(n.ax)}" y="${Y(n.ay)}" width="3" height="${num(n.height)}" fill="${accent}"/>`)
  const tx = n.ax + 10
  parts.push(`<text x="${X(tx)}" y="${Y(n.ay + 16)}" fill="${p.text}" font-weight="600">${escapeXml(title)}</text>`)
  if (badge) parts.push(`<text x="${X(n.ax + n.width - 8)}" y="${Y(n.ay + 16)}" fill="${p.muted}" text-anchor="end" font-size="10">${escapeXml(badge)}</text>`)
  lines.forEach((l, i) => parts.push(`<text x="${X(tx)}" y="${Y(n.ay + 16 + LINE * (i + 1))}" fill="${p.muted}" font-family="ui-monospace, 'DejaVu Sans Mono', Menlo, Consolas, monospace" font-size="10">${escapeXml(l)}</text>`))
  parts.push('</g>')
  return parts.join('')
}
