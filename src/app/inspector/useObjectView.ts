import { useEffect, useMemo, useRef, useState } from 'react'
import type { ObjectId } from '../../engine/core/ids'
import { appStore, useApp } from '../store'
import { isGood } from '../store/compileResult'
import { useShownGraph } from '../store/useShownGraph'
import { getCompiler } from '../compiler'
import { objectView, type ObjectView } from '../canvas/neighbourhood'

/**
 * The selected object and its neighbours, as the inspector shows them. A small scenario's page holds every object, so
 * the view is computed here; a large one's page holds the drawn picture and rows for the folded objects, so the
 * worker, which has the whole graph, answers (for the newest good compile; while the YAML is broken the last answer
 * stays, as the canvas does). An answer to an older question is dropped; `loading` while the worker's answer is due.
 */
export function useObjectView(selection: ObjectId | null): { view?: ObjectView; loading: boolean } {
  const current = useApp((s) => s.current)
  const graph = useShownGraph()
  const folded = graph?.folded !== undefined
  const local = useMemo(() => (graph && !folded && selection ? objectView(graph, selection) : undefined), [graph, folded, selection])
  const [answer, setAnswer] = useState<{ selection: ObjectId; view?: ObjectView }>()
  const asked = useRef(0)
  const good = current !== undefined && isGood(current)

  useEffect(() => {
    if (!folded || !selection || !good) return
    const compiler = getCompiler()
    if (!compiler) return
    const n = ++asked.current
    compiler.objectView(appStore.getState().files, selection).then(
      (view) => { if (n === asked.current) setAnswer({ selection, ...(view ? { view } : {}) }) },
      // a restarted or failing worker: the supervisor's banner says so; the inspector shows nothing for it
      () => { if (n === asked.current) setAnswer({ selection }) },
    )
  }, [folded, selection, good, current])

  if (!folded) return { ...(local ? { view: local } : {}), loading: false }
  if (answer?.selection === selection) return { ...(answer.view ? { view: answer.view } : {}), loading: false }
  return { loading: selection !== null }
}
