import { useCallback, useEffect, useMemo, useRef } from 'react'
import {
  Background,
  BackgroundVariant,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  applyNodeChanges,
  useReactFlow,
  type Edge,
  type FitViewOptions,
  type NodeChange,
} from '@xyflow/react'
import '@xyflow/react/dist/style.css'
import { useApp, appStore } from '../store'
import { isGood, shownResult } from '../store/compileResult'
import { diagnosticText, translate, useT, type Translate } from '../i18n/t'
import { nodeTypes, type CardNode } from './cards'
import { edgeTypes, type LabelledFlowEdge } from './LabelledEdge'
import type { CanvasEdge, DrawnKind, DrawnNode, Positioned, PositionedGraph } from './model'
import { keepLayout } from './stable'
import { useMountInBatches } from './mountInBatches'
import { sameCard, sameEdge } from './sameCard'
import { activeEdges, drawnIndex, drawnPicture, drawnSize, touchedCards } from './drawn'
import { isGroupId } from './collapse'
import { announceText } from './announceText'
import { expandStore, useExpanded } from './expandStore'
import { selectObject } from './select'
import { TraceOverlay } from '../trace/TraceOverlay'
import { WhatIfHost } from '../whatif/WhatIfHost'
import { openWhatIfMenu } from '../whatif/state'

// MiniMap fills are SVG attributes, which cannot read CSS variables: one palette per theme.
const KIND_COLOR: Record<'light' | 'dark', Record<DrawnKind, string>> = {
  light: { client: '#64748b', router: '#64748b', node: '#d5dae2', pod: '#0d9488', service: '#4f46e5', ingress: '#c2410c', podGroup: '#0d9488', serviceGroup: '#4f46e5' },
  dark: { client: '#9aa4b1', router: '#9aa4b1', node: '#2f3640', pod: '#2dd4bf', service: '#818cf8', ingress: '#fb923c', podGroup: '#2dd4bf', serviceGroup: '#818cf8' },
}

// Fitting leaves room at the bottom for the zoom controls and the minimap, which float over the canvas there.
const FIT_OPTIONS: FitViewOptions = { padding: { top: '20px', right: '20px', bottom: '132px', left: '20px' } }

interface FlowInputs { n: DrawnNode & Positioned; active: boolean; open: boolean; focus?: string; position: { x: number; y: number } }

/**
 * React Flow nodes for what is drawn. A node whose inputs did not change keeps its object, so React Flow skips it:
 * a selection change re-renders the two cards it touches, not the whole canvas, and a recompile the cards it changed.
 */
function toFlowNodes(
  graph: PositionedGraph, selection: string | null, positions: Record<string, { x: number; y: number }>,
  expanded: ReadonlySet<string>, cache: Map<string, { inputs: FlowInputs; node: CardNode }>,
): CardNode[] {
  const touched = touchedCards(graph, selection)
  const index = drawnIndex(graph)
  const focusCard = selection !== null ? index.groupOf.get(selection) : undefined
  const out = drawnPicture(graph).nodes.map((n) => {
    const group = isGroupId(n.id)
    const inputs: FlowInputs = {
      n, active: touched.has(n.id), open: group && expanded.has(n.id),
      ...(focusCard === n.id ? { focus: selection! } : {}),
      position: positions[n.id] ?? { x: n.x, y: n.y },
    }
    const hit = cache.get(n.id)
    // from a newer compile, a card that draws the same is kept too; not an open card or a focused one, which show
    // their members' rows (those come from the newest graph)
    if (hit && hit.inputs.active === inputs.active && hit.inputs.open === inputs.open
      && hit.inputs.focus === inputs.focus && hit.inputs.position.x === inputs.position.x
      && hit.inputs.position.y === inputs.position.y
      && (hit.inputs.n === n || (!inputs.open && inputs.focus === undefined && sameCard(hit.inputs.n, n)))) return hit.node
    const size = drawnSize(n, expanded)
    const data: CardNode['data'] = { node: n, active: inputs.active }
    if (inputs.open && (n.data.kind === 'podGroup' || n.data.kind === 'serviceGroup')) {
      data.expanded = true
      data.members = n.data.members.map((m) => index.folded.get(m)).filter((m) => m !== undefined)
    }
    if (inputs.focus) { data.focus = inputs.focus; data.focusNode = index.folded.get(inputs.focus) }
    const node: CardNode = {
      id: n.id,
      type: n.kind,
      position: inputs.position,
      ...(n.parent ? { parentId: n.parent, extent: 'parent' as const } : {}),
      data,
      width: size.width,
      height: size.height,
      // a group card is not an object: its list selects, its button opens it
      selected: !group && inputs.active,
      selectable: !group,
      // Stacking: node boxes (0) under the endpoint edges (1, 2 when active) under the cards (5), an open card on top.
      zIndex: n.kind === 'node' ? 0 : inputs.open ? 20 : 5,
      ariaLabel: `${n.kind} ${n.id}`,
    }
    cache.set(n.id, { inputs, node })
    return node
  })
  return out
}

/** React Flow edges for what is drawn; an edge whose inputs did not change keeps its object (React Flow skips it). */
type EdgeCacheEntry = { e: CanvasEdge; on: boolean; edge: Edge; announced: string | undefined }

/**
 * What an edge says: an aggregated edge how many endpoints it stands for (ready/all when some are not ready), as an
 * HTML label (LabelledEdge.tsx: a large picture has a hundred of them); a MetalLB announcement what it announces (ARP
 * for an address, BGP for prefixes), as React Flow's own label inside the edge (a scenario has a handful); from a
 * group card, what its Services announce (announceText.ts), not how many edges it stands for.
 */
function labelOf(e: CanvasEdge, count: number | undefined, announced: string | undefined): Partial<LabelledFlowEdge> | Pick<Edge, 'label' | 'labelBgPadding' | 'labelBgBorderRadius'> {
  if (e.kind === 'announce') return announced ? { label: announced, labelBgPadding: [4, 2], labelBgBorderRadius: 4 } : {}
  if (count !== undefined) return { type: 'labelled', data: { text: e.readyCount === count ? String(count) : `${e.readyCount}/${count}`, tone: 'count' } }
  return {}
}

function toFlowEdges(graph: PositionedGraph, active: Set<string>, cache: Map<string, EdgeCacheEntry>, t: Translate): Edge[] {
  return drawnPicture(graph).edges.map((e) => {
    const on = active.has(e.id)
    const announced = e.kind === 'announce' ? announceText(e, t) : undefined
    const hit = cache.get(e.id)
    if (hit && hit.on === on && hit.announced === announced && sameEdge(hit.e, e)) return hit.edge
    const count = e.count !== undefined && e.count > 1 ? e.count : undefined
    const edge: Edge = {
      id: e.id,
      source: e.source,
      target: e.target,
      selectable: false,
      focusable: false,
      className: `${e.kind}-edge${e.ready ? '' : ' not-ready'}${e.terminating ? ' terminating' : ''}${on ? ' is-active' : ''}`,
      // an announcement crosses the Service column (router → node boxes): above the cards, so its label reads
      zIndex: e.kind === 'announce' ? 6 : on ? 2 : 1,
      ...labelOf(e, count, announced),
    }
    cache.set(e.id, { e, on, edge, announced })
    return edge
  })
}

function Canvas() {
  const t = useT()
  const current = useApp((s) => s.current)
  const lastGood = useApp((s) => s.lastGood)
  const selection = useApp((s) => s.selection)
  const positions = useApp((s) => s.positions)
  const lang = useApp((s) => s.lang)
  const theme = useApp((s) => s.theme)
  const { result, outdated } = useMemo(() => shownResult({ requestedSeq: 0, current, lastGood }), [current, lastGood])
  // Within one scenario, an edit that leaves the set of objects as it was keeps the cards where they were.
  const laidOut = useRef<{ loads: number; graph?: PositionedGraph }>({ loads: -1 })
  const scenarioLoadsNow = useApp((s) => s.scenarioLoads)
  const graph = useMemo(() => {
    const fresh = result?.graph
    if (!fresh) return undefined
    const previous = laidOut.current.loads === scenarioLoadsNow ? laidOut.current.graph : undefined
    const kept = keepLayout(previous, fresh)
    laidOut.current = { loads: scenarioLoadsNow, graph: kept }
    return kept
  }, [result, scenarioLoadsNow])
  const { fitView } = useReactFlow()

  const expanded = useExpanded((s) => s.expanded)
  const flowCache = useRef(new Map<string, { inputs: FlowInputs; node: CardNode }>())
  const flowNodes = useMemo(
    () => (graph ? toFlowNodes(graph, selection, positions, expanded, flowCache.current) : []),
    [graph, selection, positions, expanded])
  const edgeCache = useRef(new Map<string, EdgeCacheEntry>())
  const edgeTexts = useMemo<Translate>(() => (key, params) => translate(key, lang, params), [lang])
  const edges = useMemo(() => (graph ? toFlowEdges(graph, activeEdges(graph, selection), edgeCache.current, edgeTexts) : []), [graph, selection, edgeTexts])
  // A large scenario is drawn collapsed (a few hundred cards). React Flow's onlyRenderVisibleElements is left off on
  // purpose: measured on 1000 × 10, it mounts cards and edge labels as they scroll into view and made panning cost
  // several times more than keeping the collapsed picture mounted.
  const large = graph?.drawn !== undefined

  // React Flow owns the nodes while they are dragged; the store's graph replaces them whenever it changes.
  // (a large scenario's first picture mounts a batch of cards per task: mountInBatches.ts)
  const { nodes, setNodes, mounting } = useMountInBatches(flowNodes)
  // Selection lives in the store (the editor shares it); objects come from the YAML, so nothing is removed here.
  const onNodesChange = useCallback((changes: NodeChange<CardNode>[]) => {
    for (const c of changes) {
      // Enter or Space on a focused node: select it as a click would.
      if (c.type === 'select' && c.selected && appStore.getState().selection !== c.id) selectObject(c.id)
    }
    setNodes((ns) => {
      const next = applyNodeChanges(changes.filter((c) => c.type !== 'select' && c.type !== 'remove'), ns)
      // React Flow's copies carry what it measured: the cache hands those back, so the next picture (after a drag,
      // a selection) does not make React Flow measure and re-render every card again
      for (const n of next) {
        const hit = flowCache.current.get(n.id)
        if (hit && hit.node !== n) hit.node = n
      }
      return next
    })
  }, [])
  const ariaLabelConfig = useMemo(() => ({
    'node.a11yDescription.default': t('canvas.nodeHelp'),
    'node.a11yDescription.keyboardDisabled': t('canvas.nodeHelpKeyboardOff'),
    'node.a11yDescription.ariaLiveMessage': ({ direction, x, y }: { direction: string; x: number; y: number }) =>
      t('canvas.nodeMoved', { direction, x, y }),
    'edge.a11yDescription.default': t('canvas.edgeHelp'),
    'controls.ariaLabel': t('canvas.controls'),
    'controls.zoomIn.ariaLabel': t('canvas.zoomIn'),
    'controls.zoomOut.ariaLabel': t('canvas.zoomOut'),
    'controls.fitView.ariaLabel': t('canvas.fitView'),
    'controls.interactive.ariaLabel': t('canvas.interactive'),
    'minimap.ariaLabel': t('canvas.minimap'),
    'handle.ariaLabel': t('canvas.handle'),
  }), [lang])

  // Fit once per scenario, when its first picture arrives; later updates keep the user's pan and zoom.
  const scenarioLoads = useApp((s) => s.scenarioLoads)
  // The compile that follows a scenario load is the first one whose picture belongs to it.
  const requestedAtLoad = useRef(0)
  useEffect(() => {
    requestedAtLoad.current = appStore.getState().requestedSeq
    // group cards of the previous scenario are gone, and so are the cached flow nodes
    expandStore.getState().clear()
    flowCache.current.clear()
    edgeCache.current.clear()
  }, [scenarioLoads])
  const fittedFor = useRef(-1)
  useEffect(() => {
    if (fittedFor.current === scenarioLoads || !graph || graph.nodes.length === 0 || mounting) return
    if (current && current.seq < requestedAtLoad.current) return
    fittedFor.current = scenarioLoads
    requestAnimationFrame(() => void fitView(FIT_OPTIONS))
  }, [graph, fitView, scenarioLoads, current, mounting])

  const firstError = current && !isGood(current) ? current.diagnostics.find((d) => d.severity === 'error') : undefined

  return (
    <div className={`topology${outdated ? ' is-outdated' : ''}`} data-testid="topology" data-outdated={outdated ? 'true' : 'false'}
      data-collapsed={large ? 'true' : 'false'}>
      {firstError && (
        <button type="button" className="outdated-banner" data-testid="outdated-banner"
          onClick={() => firstError.range && appStore.getState().revealInEditor(firstError.range, false)}>
          <strong>{t('canvas.outdated')}</strong>
          <span>{t('canvas.firstError', {
            location: firstError.range ? `${firstError.range.file}:${firstError.range.startLine}:${firstError.range.startCol}` : '—',
            message: diagnosticText(firstError, lang),
          })}</span>
        </button>
      )}
      {!graph && <div className="canvas-empty">{t('canvas.loading')}</div>}
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onNodeClick={(_e, node) => { if (!isGroupId(node.id)) selectObject(node.id) }}
        onNodeContextMenu={(e, node) => { e.preventDefault(); openWhatIfMenu(node.id, e.clientX, e.clientY) }}
        onNodeDragStop={(_e, node) => appStore.getState().setPosition(node.id, node.position)}
        onPaneClick={() => appStore.getState().select(null, 'canvas')}
        nodesConnectable={false}
        deleteKeyCode={null}
        ariaLabelConfig={ariaLabelConfig}
        zIndexMode="manual"
        edgesFocusable={false}
        minZoom={0.1}
        maxZoom={2}
        defaultEdgeOptions={{ type: 'default' }}
      >
        <Background variant={BackgroundVariant.Dots} gap={20} size={1} />
        <Controls showInteractive={false} position="bottom-left" fitViewOptions={FIT_OPTIONS} />
        <MiniMap pannable zoomable ariaLabel={t('canvas.minimap')} style={{ width: 168, height: 112 }}
          nodeColor={(n) => KIND_COLOR[theme][(n.data as CardNode['data']).node.kind]}
          nodeStrokeWidth={2} position="bottom-right" />
        <TraceOverlay />
      </ReactFlow>
      <WhatIfHost />
    </div>
  )
}

/** The cluster as React Flow draws it: the picture the worker computed, greyed with a banner while the YAML is broken. */
export function Topology() {
  return (
    <ReactFlowProvider>
      <Canvas />
    </ReactFlowProvider>
  )
}
