/** Pure helpers of the rule viewer (RuleText.tsx): which lines match, which rows a scroll position shows. */

/** Indices of the lines containing `query` (both already lower-cased), in order. */
export function matchingLines(lowered: readonly string[], query: string): number[] {
  const out: number[] = []
  for (let i = 0; i < lowered.length; i++) if (lowered[i].includes(query)) out.push(i)
  return out
}

/** The rows to draw for a scroll position: the visible ones plus a margin on each side, clamped to [0, count). */
export function visibleWindow(scrollTop: number, viewport: number, lineHeight: number, count: number, overscan = 20): { first: number; last: number } {
  const first = Math.max(0, Math.floor(scrollTop / lineHeight) - overscan)
  const last = Math.min(count, Math.ceil((scrollTop + viewport) / lineHeight) + overscan)
  return { first, last: Math.max(first, last) }
}
