import { useApp } from '.'
import { shownResult } from './compileResult'
import type { PositionedGraph } from '../canvas/model'

/** The graph the canvas shows: the newest good compile's (the last good one while the YAML is broken). */
export function useShownGraph(): PositionedGraph | undefined {
  return useApp((s) => shownResult(s).result?.graph)
}
