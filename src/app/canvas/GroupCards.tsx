import { memo, useMemo, useState } from 'react'
import { Handle, Position, type NodeProps } from '@xyflow/react'
import type { FoldedObject, PodGroupView, ServiceGroupView } from './model'
import type { CardNode } from './cards'
import { useT, type Translate } from '../i18n/t'
import { EXPANDED_ROWS, ROW_HEIGHT } from './drawn'
import { expandStore } from './expandStore'
import { selectObject } from './select'
import { VirtualList } from './VirtualList'
import './groupCards.css'

const hidden = { opacity: 0, pointerEvents: 'none' as const }

/** kubectl's short names for the workload kinds (kubectl api-resources SHORTNAMES). */
const SHORT: Record<string, string> = {
  Deployment: 'deploy', StatefulSet: 'sts', DaemonSet: 'ds', ReplicaSet: 'rs', Job: 'job', CronJob: 'cj', ReplicationController: 'rc',
}

function podGroupTitle(v: PodGroupView, t: Translate): string {
  const count = v.members.length
  if (v.by === 'workload') return t('canvas.group.workload', { name: v.workloadName ?? '', count })
  if (v.by === 'bare') return t('canvas.group.bare', { count })
  return t('canvas.group.nodePods', { count })
}

function ExpandButton({ id, open, count, name }: { id: string; open: boolean; count: number; name: string }) {
  const t = useT()
  return (
    <button type="button" className="group-toggle nodrag" aria-expanded={open} data-testid={`expand-${id}`}
      aria-label={open ? t('canvas.group.collapse') : t('canvas.group.expandLabel', { count, name })}
      title={open ? t('canvas.group.collapse') : t('canvas.group.expand')}
      onClick={(e) => { e.stopPropagation(); expandStore.getState().toggle(id) }}>
      <svg viewBox="0 0 16 16" aria-hidden="true" className={open ? 'is-open' : ''}>
        <path d="M6 4l4 4-4 4" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
    </button>
  )
}

/** The open card's list: a filter field and the members, rendered only as far as they are in view. */
function MemberList({ members, focus, row, label }: {
  members: FoldedObject[]
  focus?: string
  row: (n: FoldedObject) => React.ReactNode
  label: string
}) {
  const t = useT()
  const [query, setQuery] = useState('')
  const shown = useMemo(() => {
    const q = query.trim().toLowerCase()
    if (!q) return members
    return members.filter((m) => m.name.toLowerCase().includes(q) || m.ip.includes(q))
  }, [members, query])
  return (
    <div className="group-list nodrag nopan" onClick={(e) => e.stopPropagation()}>
      <div className="group-search">
        <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('canvas.group.search')}
          aria-label={`${t('canvas.group.search')}: ${label}`} data-testid="group-search" />
        <span className="card-muted">{t('canvas.group.matches', { shown: shown.length, count: members.length })}</span>
      </div>
      {shown.length === 0
        ? <p className="card-muted group-empty">{t('canvas.group.noMatch')}</p>
        : <VirtualList items={shown} rows={EXPANDED_ROWS} rowHeight={ROW_HEIGHT} keyOf={(m) => m.id} row={row}
            scrollTo={focus ? shown.findIndex((m) => m.id === focus) : undefined} testid="group-members" />}
    </div>
  )
}

function memberButton(n: FoldedObject, focus: string | undefined, children: React.ReactNode) {
  return (
    <button type="button" className={`group-member${n.id === focus ? ' is-active' : ''}`} data-testid={`member-${n.id}`}
      title={n.id} onClick={(e) => { e.stopPropagation(); selectObject(n.id) }}>
      {children}
    </button>
  )
}

export const PodGroupCard = memo(function PodGroupCard({ data }: NodeProps<CardNode>) {
  const t = useT()
  const v = data.node.data as PodGroupView
  const count = v.members.length
  const title = podGroupTitle(v, t)
  const state = v.ready === count ? 'ready' : 'not-ready'
  const focusName = data.focus ? data.focusNode?.name : undefined
  return (
    <div className={`card group-card pod-card state-${state}${data.node.system ? ' is-system' : ''}${data.active ? ' is-active' : ''}${data.expanded ? ' is-open' : ''}`}
      data-testid={`podgroup-${data.node.id}`} title={data.node.id}>
      <Handle type="target" position={Position.Left} style={hidden} isConnectable={false} />
      <div className="card-row">
        <span className="kind-chip kind-pod">{v.by === 'workload' ? SHORT[v.workloadKind ?? ''] ?? 'pod' : 'pods'}</span>
        <span className="card-title">{title}</span>
        <ExpandButton id={data.node.id} open={data.expanded === true} count={count} name={title} />
      </div>
      <div className="card-row card-sub">
        <span><span className={`dot dot-${state}`} aria-hidden="true" /> {t('canvas.group.ready', { ready: v.ready, count })}</span>
        <span className="card-muted group-focus">{focusName ? t('canvas.group.selected', { name: focusName })
          : [v.by === 'node' ? t('canvas.group.workloads', { count: v.workloads }) : '', v.namespace ?? ''].filter((x) => x).join(' · ')}</span>
      </div>
      {data.expanded && data.members && (
        <MemberList members={data.members} focus={data.focus} label={title} row={(m) => {
          return memberButton(m, data.focus, <>
            <span className={`dot dot-${m.state}`} aria-hidden="true" />
            <span className="member-name">{m.name}</span>
            <span className="mono card-muted">{m.ip || '—'}</span>
          </>)
        }} />
      )}
    </div>
  )
})

export const ServiceGroupCard = memo(function ServiceGroupCard({ data }: NodeProps<CardNode>) {
  const t = useT()
  const v = data.node.data as ServiceGroupView
  const count = v.members.length
  const title = t('canvas.group.services', { namespace: v.namespace, count })
  const focusName = data.focus ? data.focusNode?.name : undefined
  return (
    <div className={`card group-card service-card${data.node.system ? ' is-system' : ''}${data.active ? ' is-active' : ''}${data.expanded ? ' is-open' : ''}`}
      data-testid={`servicegroup-${v.namespace}`} title={data.node.id}>
      <Handle type="target" position={Position.Left} style={hidden} isConnectable={false} />
      <Handle type="source" position={Position.Right} style={hidden} isConnectable={false} />
      <div className="card-row">
        <span className="kind-chip">svc</span>
        <span className="card-title">{title}</span>
        <ExpandButton id={data.node.id} open={data.expanded === true} count={count} name={title} />
      </div>
      <div className="group-types mono">
        {v.types.map((x) => <span key={x.type} className="card-badge">{x.type} {x.count}</span>)}
      </div>
      <div className="card-row card-sub">
        <span className="card-muted group-focus">{focusName ? t('canvas.group.selected', { name: focusName }) : ''}</span>
      </div>
      {data.expanded && data.members && (
        <MemberList members={data.members} focus={data.focus} label={title} row={(m) => {
          return memberButton(m, data.focus, <>
            <span className="member-name">{m.name}</span>
            <span className="card-muted">{m.state}</span>
            <span className="mono card-muted">{m.ip}</span>
          </>)
        }} />
      )}
    </div>
  )
})
