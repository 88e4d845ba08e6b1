import { useMemo } from 'react'
import { everyObject } from '../canvas/drawn'
import { useShownGraph } from '../store/useShownGraph'
import { isMachine } from './machines'

/** The machines of the shown scenario (clients, routers, nodes, pods, folded ones included) a request or a terminal can start on. */
export function useMachines() {
  const graph = useShownGraph()
  return useMemo(() => (graph ? everyObject(graph) : []).filter(isMachine), [graph])
}
