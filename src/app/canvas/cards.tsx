import { Handle, Position, type Node, type NodeProps } from '@xyflow/react'
import type { DrawnNode, FoldedObject, IngressView, MachineView, NodeView, PodView, ServiceView } from './model'
import { useT } from '../i18n/t'
import { PodGroupCard, ServiceGroupCard } from './GroupCards'
import './announce.css'

/**
 * React Flow node data: the view-model node, plus whether the selection touches it. Group cards (large scenarios)
 * also get whether they are open, their members' rows while open, and the selected member if it is one of theirs.
 */
export type CardData = {
  node: DrawnNode
  active: boolean
  expanded?: boolean
  members?: FoldedObject[]
  focus?: string
  focusNode?: FoldedObject
}
export type CardNode = Node<CardData>

const hidden = { opacity: 0, pointerEvents: 'none' as const }

export function PodCard({ data }: NodeProps<CardNode>) {
  const t = useT()
  const v = data.node.data as PodView
  const state = v.status === 'Terminating' ? 'terminating' : v.ready ? 'ready' : 'not-ready'
  return (
    <div className={`card pod-card state-${state}${data.node.system ? ' is-system' : ''}${data.active ? ' is-active' : ''}`}
      data-testid={`pod-${v.namespace}/${v.name}`}
      title={data.node.system ? `${v.namespace}/${v.name} (${t('canvas.pod.system')})` : `${v.namespace}/${v.name}`}>
      <Handle type="target" position={Position.Left} style={hidden} isConnectable={false} />
      <div className="card-row">
        <span className={`dot dot-${state}`} aria-label={v.ready ? t('canvas.pod.ready') : t('canvas.pod.notReady')} role="img" />
        <span className="card-title">{v.name}</span>
        <span className="card-badge mono">{v.readyText}</span>
      </div>
      <div className="card-row card-sub">
        <span className="mono">{v.ip || '—'}</span>
        <span className="card-muted">{v.status}</span>
      </div>
    </div>
  )
}

export function ServiceCard({ data }: NodeProps<CardNode>) {
  const t = useT()
  const v = data.node.data as ServiceView
  return (
    <div className={`card service-card${data.node.system ? ' is-system' : ''}${data.active ? ' is-active' : ''}`}
      data-testid={`service-${v.namespace}/${v.name}`}
      title={`${v.namespace}/${v.name}`}>
      <Handle type="target" position={Position.Left} style={hidden} isConnectable={false} />
      <Handle type="source" position={Position.Right} style={hidden} isConnectable={false} />
      <div className="card-row">
        <span className="kind-chip">svc</span>
        <span className="card-title">{v.name}</span>
        <span className="card-badge">{v.type}</span>
      </div>
      <dl className="card-fields mono">
        <dt>IP</dt><dd>{v.clusterIP}</dd>
        <dt>{t('inspector.ports')}</dt><dd>{v.ports}</dd>
        <dt>{t('canvas.service.external')}</dt><dd>{v.externalIP}</dd>
      </dl>
    </div>
  )
}

export function IngressCard({ data }: NodeProps<CardNode>) {
  const t = useT()
  const v = data.node.data as IngressView
  return (
    <div className={`card ingress-card${data.active ? ' is-active' : ''}`} data-testid={`ingress-${v.namespace}/${v.name}`}
      title={`${v.namespace}/${v.name}`}>
      <Handle type="source" position={Position.Right} style={hidden} isConnectable={false} />
      <div className="card-row">
        <span className="kind-chip kind-ing">ing</span>
        <span className="card-title">{v.name}</span>
        {v.className && <span className="card-badge">{v.className}</span>}
      </div>
      <dl className="card-fields mono">
        <dt>{t('canvas.ingress.hosts')}</dt><dd>{v.hosts}{v.tls ? ' (TLS)' : ''}</dd>
        <dt>{t('canvas.ingress.rules')}</dt><dd>{v.routes.length}</dd>
      </dl>
    </div>
  )
}

export function NodeBox({ data }: NodeProps<CardNode>) {
  const t = useT()
  const v = data.node.data as NodeView
  return (
    <div className={`node-box${v.ready ? '' : ' is-down'}${data.active ? ' is-active' : ''}`} data-testid={`node-${v.name}`}>
      {/* announcement edges (MetalLB) end at the box */}
      <Handle type="target" position={Position.Left} style={hidden} isConnectable={false} />
      <div className="node-box-header">
        <span className="card-title">{v.name}</span>
        <span className="card-badge">{v.controlPlane ? t('canvas.node.controlPlane') : t('canvas.node.worker')}</span>
        {!v.ready && <span className="card-badge badge-warn">{t('canvas.node.notReady')}</span>}
        {v.speaker && (
          <span className={`card-badge speaker-badge${v.speaker === 'down' ? ' is-down' : ''}`} data-testid={`speaker-${v.name}`}
            title={v.speaker === 'down' ? t('canvas.speaker.downTitle') : t('canvas.speaker.title')}>
            {t('canvas.speaker')}
          </span>
        )}
      </div>
      <div className="node-box-sub mono">
        <span>{v.ip}</span>
        <span title={t('canvas.node.podCIDR')}>{v.podCIDR}</span>
      </div>
      {v.podCount === 0 && <div className="node-box-empty">{t('canvas.node.empty')}</div>}
    </div>
  )
}

export function MachineCard({ data }: NodeProps<CardNode>) {
  const t = useT()
  const v = data.node.data as MachineView
  return (
    <div className={`card machine-card${data.active ? ' is-active' : ''}`} data-testid={`${v.kind}-${v.name}`}>
      <Handle type="source" position={Position.Right} style={hidden} isConnectable={false} />
      <div className="card-row">
        <svg className="machine-icon" viewBox="0 0 24 24" aria-hidden="true">
          {v.kind === 'client'
            ? <path d="M3 5h18v11H3zM8 20h8M12 16v4" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
            : <path d="M4 14h16v5H4zM7 16.5h.01M11 16.5h.01M8 10l4-5 4 5M12 5v9" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />}
        </svg>
        <span className="card-title">{v.name}</span>
      </div>
      <div className="card-row card-sub">
        <span className="mono">{v.ip}</span>
        <span className="card-muted">{v.kind === 'client' ? t('canvas.client') : t('canvas.router')}</span>
      </div>
    </div>
  )
}

export const nodeTypes = {
  pod: PodCard, service: ServiceCard, ingress: IngressCard, node: NodeBox, client: MachineCard, router: MachineCard,
  podGroup: PodGroupCard, serviceGroup: ServiceGroupCard,
}
