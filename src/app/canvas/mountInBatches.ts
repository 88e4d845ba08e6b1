import { useEffect, useRef, useState } from 'react'

/** Cards mounted per task when a picture brings many new ones (React Flow renders, then measures, each card). */
export const MOUNT_BATCH = 40

interface Mountable { id: string; parentId?: string }

/**
 * The order new cards mount in: cards that stand alone (node boxes, Services, clients) first, so the first batches
 * already span the whole picture (fitting the view is right early) and every child finds its parent mounted; then
 * the cards inside them. Order within each part is kept.
 */
export function mountOrder<N extends Mountable>(nodes: N[]): N[] {
  return [...nodes.filter((n) => !n.parentId), ...nodes.filter((n) => n.parentId)]
}

/**
 * The next list to hand React Flow: the new picture's cards that are mounted already (in their new form), plus the
 * next `batch` of those that are not, in mount order. The picture's own order is kept.
 */
export function nextBatch<N extends Mountable>(picture: N[], mounted: ReadonlySet<string>, batch: number): N[] {
  const admit = new Set(mountOrder(picture.filter((n) => !mounted.has(n.id))).slice(0, batch).map((n) => n.id))
  return picture.filter((n) => mounted.has(n.id) || admit.has(n.id))
}

/**
 * React Flow's nodes for a picture, mounted a batch per task when the picture brings more than a batch of new cards
 * (a large scenario opening): one task rendering and measuring 200 cards took longer than the 200 ms a page may
 * freeze; forty at a time stay far below. An edit that keeps the cards hands the whole picture over at once, as does a
 * small scenario. `setNodes` is React Flow's own (drags change the list between pictures). `mounting` is true until
 * the last batch is in.
 */
export function useMountInBatches<N extends Mountable>(picture: N[]): { nodes: N[]; setNodes: React.Dispatch<React.SetStateAction<N[]>>; mounting: boolean } {
  const [nodes, setNodes] = useState<N[]>(() => nextBatch(picture, new Set(), MOUNT_BATCH))
  const [mounting, setMounting] = useState(false)
  const shown = useRef(nodes)
  shown.current = nodes

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const step = () => {
      const mounted = new Set(shown.current.map((n) => n.id))
      const next = nextBatch(picture, mounted, MOUNT_BATCH)
      shown.current = next
      setNodes(next)
      const done = next.length === picture.length
      setMounting(!done)
      if (!done) timer = setTimeout(step, 0)
    }
    step()
    return () => clearTimeout(timer)
  }, [picture])

  return { nodes, setNodes, mounting }
}
