import type { ObjectId } from '../../engine/core/ids'
import { appStore } from '../store'
import { shownResult } from '../store/compileResult'
import { drawnIndex } from './drawn'
import { isGroupId } from './collapse'
import { expandStore } from './expandStore'

/**
 * Selects a canvas object everywhere: the store's selection, and its YAML lines in the editor. Objects inside a
 * group card are selected from its list; a group card itself is not an object, so choosing it opens or closes it.
 */
export function selectObject(id: ObjectId) {
  if (isGroupId(id)) {
    expandStore.getState().toggle(id)
    return
  }
  const s = appStore.getState()
  s.select(id, 'canvas')
  const result = shownResult(s).result
  if (!result) return
  const index = drawnIndex(result.graph)
  const node = index.byId.get(id)
  // a pod a controller made points at its workload's YAML; an object the YAML wrote at its own
  const sourceObject = node?.sourceObject ?? index.folded.get(id)?.sourceObject ?? id
  const src = node?.source ?? result.objects.find((o) => o.id === sourceObject)?.range
  if (src) s.revealInEditor(src, true)
}
