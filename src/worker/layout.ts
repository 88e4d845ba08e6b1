import type { ElkNode, LayoutOptions } from 'elkjs/lib/elk-api'
import type { CanvasEdge, DrawnKind, DrawnNode, Positioned } from '../app/canvas/model'

/** The part of ELK's API the layout uses (elk.bundled's ELK in the worker and in Node tests). */
export interface ElkLayouter {
  layout(graph: ElkNode): Promise<ElkNode>
}

/** Room above a node box's pods for its header (name, IP, pod CIDR). */
export const GROUP_HEADER = 46
const GROUP_MIN = { width: 240, height: 96 }

/** Left to right: the outside world, Ingresses, Services, then the cluster's machines with their pods. */
const PARTITION: Record<DrawnKind, number> = {
  client: 0, router: 0, ingress: 1, service: 2, serviceGroup: 2, node: 3, pod: 3, podGroup: 3,
}

/** More node boxes than this are packed in a grid (a layout-only box) rather than stacked in one tall column. */
export const GRID_FROM = 12
const GRID_ID = 'layout:machines'
const GRID_OPTIONS: LayoutOptions = {
  'elk.algorithm': 'rectpacking',
  'elk.aspectRatio': '1.6',
  'elk.spacing.nodeNode': '28',
  'elk.padding': '[top=0,left=0,bottom=0,right=0]',
  'elk.partitioning.partition': String(PARTITION.node),
}

const ROOT_OPTIONS: LayoutOptions = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.partitioning.activate': 'true',
  // Clients have no edges yet: packed as separate components they would ignore the partitions.
  'elk.separateConnectedComponents': 'false',
  'elk.layered.spacing.nodeNodeBetweenLayers': '90',
  'elk.spacing.nodeNode': '28',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.crossingMinimization.forceNodeModelOrder': 'false',
  'elk.padding': '[top=24,left=24,bottom=24,right=24]',
}

const GROUP_OPTIONS: LayoutOptions = {
  'elk.algorithm': 'rectpacking',
  'elk.aspectRatio': '2.4',
  'elk.spacing.nodeNode': '14',
  'elk.padding': `[top=${GROUP_HEADER},left=14,bottom=14,right=14]`,
  'elk.nodeSize.constraints': 'MINIMUM_SIZE',
  'elk.nodeSize.minimum': `(${GROUP_MIN.width}, ${GROUP_MIN.height})`,
}

/**
 * Positions for the canvas graph. Node boxes are laid out on their own (pods packed in a grid), then the top level
 * (clients, Services, node boxes) as a left-to-right layered graph. A Service's edge to a pod inside a box counts as
 * an edge to the box there, which is what orders Services against the boxes they reach; React Flow draws the real
 * edges itself, so ELK's routes are not needed.
 */
export async function layoutCanvas<N extends DrawnNode>(
  graph: { nodes: N[]; edges: CanvasEdge[] }, elk: ElkLayouter,
): Promise<{ nodes: (N & Positioned)[]; edges: CanvasEdge[] }> {
  const groups = new Map<string, ElkNode>()
  const top: ElkNode[] = []
  const boxCount = graph.nodes.filter((n) => n.kind === 'node').length
  // A large cluster's boxes go in one grid box; top-level edges to a box then end at the grid.
  const grid: ElkNode | undefined = boxCount > GRID_FROM ? { id: GRID_ID, children: [], layoutOptions: GRID_OPTIONS } : undefined
  if (grid) top.push(grid)
  for (const n of graph.nodes) {
    if (n.kind === 'node') {
      const box: ElkNode = { id: n.id, children: [], layoutOptions: { ...GROUP_OPTIONS, 'elk.partitioning.partition': String(PARTITION.node) } }
      groups.set(n.id, box)
      if (grid) grid.children!.push(box)
      else top.push(box)
    }
  }
  // In a box, the user's pods come first and the playground's system pods (CoreDNS, speakers) after them, so the
  // pods the user reasons about sit nearest the Services.
  const ordered = [...graph.nodes.filter((n) => !n.system), ...graph.nodes.filter((n) => n.system)]
  for (const n of ordered) {
    if (n.kind === 'node') continue
    const leaf: ElkNode = { id: n.id, width: n.width, height: n.height }
    const box = n.parent ? groups.get(n.parent) : undefined
    if (box) box.children!.push(leaf)
    else top.push({ ...leaf, layoutOptions: { 'elk.partitioning.partition': String(PARTITION[n.kind]) } })
  }

  const parentOf = new Map(graph.nodes.filter((n) => n.parent && groups.has(n.parent)).map((n) => [n.id, grid ? GRID_ID : n.parent!]))
  if (grid) for (const box of groups.keys()) parentOf.set(box, GRID_ID)
  const topEdges = new Map<string, { id: string; sources: string[]; targets: string[] }>()
  for (const e of graph.edges) {
    const source = parentOf.get(e.source) ?? e.source
    const target = parentOf.get(e.target) ?? e.target
    if (source === target) continue
    const id = `${source}->${target}`
    if (!topEdges.has(id)) topEdges.set(id, { id, sources: [source], targets: [target] })
  }

  // The outside machines sit on the nodes' LAN: layout-only edges to every node box keep the boxes in one column
  // (a box with no Service edge, like an empty control-plane node, would otherwise drift to a later layer).
  for (const m of graph.nodes.filter((n) => n.kind === 'client' || n.kind === 'router')) {
    for (const box of grid ? [GRID_ID] : groups.keys()) {
      const id = `${m.id}->${box}`
      topEdges.set(id, { id, sources: [m.id], targets: [box] })
    }
  }

  const laidOut = await elk.layout({ id: 'root', layoutOptions: ROOT_OPTIONS, children: top, edges: [...topEdges.values()] })

  const placed = new Map<string, { x: number; y: number; width?: number; height?: number }>()
  const place = (child: ElkNode, dx: number, dy: number) => {
    placed.set(child.id, { x: (child.x ?? 0) + dx, y: (child.y ?? 0) + dy, width: child.width, height: child.height })
    for (const inner of child.children ?? []) placed.set(inner.id, { x: inner.x ?? 0, y: inner.y ?? 0 })
  }
  for (const child of laidOut.children ?? []) {
    // the grid is layout-only: its boxes take its offset and go to the top level
    if (child.id === GRID_ID) for (const box of child.children ?? []) place(box, child.x ?? 0, child.y ?? 0)
    else place(child, 0, 0)
  }
  return {
    nodes: graph.nodes.map((n) => {
      const p = placed.get(n.id) ?? { x: 0, y: 0 }
      const size = n.kind === 'node' ? { width: Math.round(p.width ?? GROUP_MIN.width), height: Math.round(p.height ?? GROUP_MIN.height) } : {}
      return { ...n, ...size, x: Math.round(p.x), y: Math.round(p.y) }
    }),
    edges: graph.edges,
  }
}
