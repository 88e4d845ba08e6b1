import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react'
import { appStore, useApp } from '../store'
import { useT, type Translate } from '../i18n/t'
import type { CanvasGraph, CanvasNode } from '../canvas/model'
import { SelectionActions } from '../trace/SelectionActions'
import { isMachine } from '../trace/machines'
import { WhatIfButton } from '../whatif/WhatIfButton'
import { useObjectView } from './useObjectView'
import { keepView, needsInspection, viewsFor, type InspectorView } from './views'
import './inspector.css'

// The data-plane tabs (rules, DNS, resolv.conf, nginx) load on first selection; their worker requests when a tab opens.
const loadDataPlane = () => import('./DataPlane')
const DataPlane = lazy(loadDataPlane)

const VIEW_LABEL = { overview: 'inspector.tab.overview', rules: 'inspector.tab.rules', dns: 'inspector.tab.dns', announce: 'inspector.tab.announce', nginx: 'inspector.tab.nginx' } as const

function Tabs({ views, view, setView, t }: { views: InspectorView[]; view: InspectorView; setView: (v: InspectorView) => void; t: Translate }) {
  const mode = useApp((s) => s.current?.kubeProxy.mode ?? 'iptables')
  return (
    <div className="inspector-tabs" role="tablist" aria-label={t('landmark.inspector')}>
      {views.map((v) => (
        <button key={v} type="button" role="tab" aria-selected={v === view} className={`inspector-tab${v === view ? ' is-active' : ''}`}
          data-testid={`inspector-tab-${v}`} onClick={() => setView(v)}>{t(VIEW_LABEL[v], { mode })}</button>
      ))}
    </div>
  )
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (<><dt>{label}</dt><dd>{children}</dd></>)
}

function ObjectLink({ node }: { node: CanvasNode }) {
  return (
    <button type="button" className="link-button mono" onClick={() => {
      const s = appStore.getState()
      s.select(node.id, 'canvas')
      if (node.source) s.revealInEditor(node.source, true)
    }}>{node.id.split('/').slice(-1)[0]}</button>
  )
}

function details(n: CanvasNode, graph: CanvasGraph, t: Translate): ReactNode {
  const byId = new Map(graph.nodes.map((x) => [x.id, x]))
  const v = n.data
  switch (v.kind) {
    case 'pod': {
      const services = graph.edges.filter((e) => e.target === n.id).map((e) => byId.get(e.source)).filter((x) => x !== undefined)
      return (
        <dl className="fields">
          <Row label={t('inspector.namespace')}><span className="mono">{v.namespace}</span></Row>
          <Row label={t('inspector.ip')}><span className="mono">{v.ip || '—'}</span></Row>
          <Row label={t('inspector.node')}>{v.nodeName || '—'}</Row>
          <Row label={t('inspector.status')}><span className="mono">{v.readyText}</span> {v.status}</Row>
          <Row label={t('inspector.labels')}>
            {Object.keys(v.labels).length === 0 ? t('inspector.none')
              : Object.entries(v.labels).map(([k, val]) => <span key={k} className="label-chip mono">{k}={val}</span>)}
          </Row>
          <Row label={t('inspector.selectedBy')}>
            {services.length === 0 ? t('inspector.none') : services.map((s) => <ObjectLink key={s.id} node={s} />)}
          </Row>
        </dl>
      )
    }
    case 'service': {
      const endpoints = graph.edges.filter((e) => e.source === n.id)
      return (
        <dl className="fields">
          <Row label={t('inspector.type')}>{v.type}</Row>
          <Row label={t('inspector.clusterIP')}><span className="mono">{v.clusterIP}</span></Row>
          <Row label={t('inspector.dnsName')}><span className="mono">{v.dnsName}</span></Row>
          <Row label={t('inspector.ports')}><span className="mono">{v.ports}</span></Row>
          <Row label={t('canvas.service.external')}><span className="mono">{v.externalIP}</span></Row>
          <Row label={t('inspector.endpoints')}>
            {endpoints.length === 0 && v.otherEndpoints.length === 0 ? t('inspector.noEndpoints') : (
              <ul className="endpoint-list" data-testid="inspector-endpoints">
                {endpoints.map((e) => {
                  const pod = byId.get(e.target)
                  const yesNo = (b: boolean) => t(b ? 'inspector.yes' : 'inspector.no')
                  return (
                    <li key={e.id}>
                      <span className={`dot dot-${e.ready ? 'ready' : 'not-ready'}`} aria-hidden="true" />
                      {pod ? <ObjectLink node={pod} /> : e.target}
                      <span className="mono card-muted">{pod?.data.kind === 'pod' ? pod.data.ip : ''}</span>
                      {/* the EndpointSlice conditions (discovery/v1 EndpointConditions), each one shown */}
                      <span className="card-muted endpoint-conditions" data-testid="endpoint-conditions">{t('inspector.conditions', { ready: yesNo(e.ready), serving: yesNo(e.serving), terminating: yesNo(e.terminating) })}</span>
                    </li>
                  )
                })}
                {v.otherEndpoints.map((a) => <li key={a}><span className="mono">{a}</span></li>)}
              </ul>
            )}
          </Row>
        </dl>
      )
    }
    case 'ingress': {
      const services = graph.edges.filter((e) => e.source === n.id).map((e) => byId.get(e.target)).filter((x) => x !== undefined)
      const svcNode = (name: string) => services.find((s) => s.id === `Service/${v.namespace}/${name}`)
      return (
        <dl className="fields">
          <Row label={t('inspector.namespace')}><span className="mono">{v.namespace}</span></Row>
          <Row label={t('inspector.class')}>{v.className || t('inspector.none')}</Row>
          <Row label={t('canvas.ingress.hosts')}><span className="mono">{v.hosts}</span></Row>
          <Row label={t('inspector.routes')}>
            {v.routes.length === 0 ? t('inspector.none') : (
              <ul className="endpoint-list">
                {v.routes.map((r, i) => {
                  const svc = svcNode(r.service)
                  return (
                    <li key={i}>
                      <span className="mono">{(r.host || '*') + r.path}</span>
                      <span className="card-muted mono">{r.pathType}</span>
                      →{svc ? <ObjectLink node={svc} /> : <span className="mono">{r.service}</span>}
                      <span className="mono card-muted">{r.port}</span>
                    </li>
                  )
                })}
              </ul>
            )}
          </Row>
          {v.defaultBackend && <Row label={t('inspector.defaultBackend')}><span className="mono">{v.defaultBackend}</span></Row>}
        </dl>
      )
    }
    case 'node': {
      const pods = graph.nodes.filter((x) => x.parent === n.id)
      return (
        <dl className="fields">
          <Row label={t('inspector.role')}>{v.controlPlane ? t('canvas.node.controlPlane') : t('canvas.node.worker')}</Row>
          <Row label={t('inspector.ip')}><span className="mono">{v.ip}</span></Row>
          <Row label={t('canvas.node.podCIDR')}><span className="mono">{v.podCIDR}</span></Row>
          <Row label={t('inspector.pods')}>{pods.length === 0 ? t('inspector.none') : pods.map((p) => <ObjectLink key={p.id} node={p} />)}</Row>
        </dl>
      )
    }
    case 'client':
    case 'router':
      return (
        <dl className="fields">
          <Row label={t('inspector.ip')}><span className="mono">{v.ip}</span></Row>
        </dl>
      )
    default:
      return null
  }
}

function overview(n: CanvasNode, graph: CanvasGraph, t: Translate): ReactNode {
  return (
    <>
      {details(n, graph, t)}
      {n.source
        ? <p className="card-muted source-line">{t('inspector.source')} <span className="mono">{n.source.file}:{n.source.startLine}</span></p>
        : <p className="card-muted source-line">{t('inspector.generated')}</p>}
    </>
  )
}

/** The selected object: at a glance, and (DataPlane, lazily) its rules, DNS names, announcement, resolv.conf, nginx servers. */
export function Inspector() {
  const t = useT()
  const selection = useApp((s) => s.selection)
  const { view: graph, loading } = useObjectView(selection)
  const selected = graph?.node
  // the tab the user last chose; another object shows the same kind of tab when it has one
  const [wantedView, setView] = useState<InspectorView>('overview')
  const views = selected ? viewsFor(selected) : []
  const view = keepView(wantedView, views)
  const hasSelection = selected !== undefined
  useEffect(() => { if (hasSelection) void loadDataPlane() }, [hasSelection])

  return (
    <section className="panel inspector" aria-label={t('landmark.inspector')} data-testid="inspector">
      <header className="panel-header">
        <h2>{t('landmark.inspector')}</h2>
        {selected && <span className="panel-count mono" data-testid="inspector-title">{selected.id}</span>}
        {selected && isMachine(selected) && <SelectionActions id={selected.id} />}
        {selected && <WhatIfButton node={selected} />}
      </header>
      <div className="inspector-body">
        {selected && graph ? (
          <div className={`data-plane${view === 'rules' || view === 'nginx' ? ' is-filling' : ''}${view !== 'overview' ? ' is-tall' : ''}`}
            data-testid="inspector-dataplane">
            {views.length > 1 && <Tabs views={views} view={view} setView={setView} t={t} />}
            <div className={`inspector-view view-${view}`} role={views.length > 1 ? 'tabpanel' : undefined}>
              {needsInspection(view)
                ? (
                  <Suspense fallback={<p className="card-muted">{t('inspector.loading')}</p>}>
                    <DataPlane key={selected.id} id={selected.id} kind={selected.data.kind} view={view} />
                  </Suspense>
                )
                : overview(selected, graph, t)}
            </div>
          </div>
        ) : <p className="card-muted">{t(loading ? 'inspector.loading' : 'inspector.empty')}</p>}
      </div>
    </section>
  )
}
