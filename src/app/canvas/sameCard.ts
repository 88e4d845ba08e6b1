import type { CanvasEdge, DrawnNode, Positioned } from './model'

/** Equality of plain data (what the worker sends: objects, arrays, strings, numbers, booleans). */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a)) {
    const bs = b as unknown[]
    return a.length === bs.length && a.every((x, i) => sameData(x, bs[i]))
  }
  const ka = Object.keys(a)
  const rb = b as Record<string, unknown>
  return ka.length === Object.keys(rb).length && ka.every((k) => Object.hasOwn(rb, k) && sameData((a as Record<string, unknown>)[k], rb[k]))
}

/**
 * Whether a card from a newer compile draws exactly as the one on the canvas: everything but its YAML range, which a
 * card does not show (a selection reads the newest graph's). An edit that adds a line above shifts every range, and
 * without this every card of 1000 × 10 was drawn again.
 */
export function sameCard(a: DrawnNode & Positioned, b: DrawnNode & Positioned): boolean {
  if (a === b) return true
  const { source: _a, ...restA } = a
  const { source: _b, ...restB } = b
  return sameData(restA, restB)
}

/** Whether an edge from a newer compile draws exactly as the one on the canvas. */
export function sameEdge(a: CanvasEdge, b: CanvasEdge): boolean {
  return a === b || sameData(a, b)
}
