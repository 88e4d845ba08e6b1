import { memo } from 'react'
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type Edge, type EdgeProps } from '@xyflow/react'
import './labelledEdge.css'

/** What a labelled edge says: an aggregated edge's count. */
export type LabelledEdgeData = { text: string; tone: 'count' }
export type LabelledFlowEdge = Edge<LabelledEdgeData, 'labelled'>

/**
 * An edge with an HTML label. React Flow's own edge label is SVG text that measures itself (getBBox in an effect, then
 * a second render): a hundred of them, as 1000 × 10's aggregated edges are, forced a layout and a re-render of every
 * edge in one task when the canvas opened. An HTML label positioned by the edge's midpoint needs neither.
 */
export const LabelledEdge = memo(function LabelledEdge({
  id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, markerEnd, style,
}: EdgeProps<LabelledFlowEdge>) {
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition })
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} style={style} />
      {data && (
        <EdgeLabelRenderer>
          <div className={`edge-label edge-label-${data.tone}`} data-testid={`edge-label-${id}`}
            // over the node boxes (0) and under the cards (5), as the edge itself is
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)`, zIndex: 1 }}>{data.text}</div>
        </EdgeLabelRenderer>
      )}
    </>
  )
})

export const edgeTypes = { labelled: LabelledEdge }
