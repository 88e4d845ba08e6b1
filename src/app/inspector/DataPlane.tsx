import { useState, type ReactNode } from 'react'
import { formatMessage } from '../../engine/i18n/catalog'
import type { Lang } from '../../engine/i18n/types'
import { useApp } from '../store'
import { useT, type Translate } from '../i18n/t'
import type { AnnouncementView, DnsNameView, Inspection, ToolText } from '../../worker/inspect'
import { useInspection } from './useInspection'
import { RuleText } from './RuleText'
import { needsInspection, type InspectorView } from './views'

/**
 * One or more tool outputs filling the pane: a row of the commands when there are several (IPVS mode: ipvsadm, ipset,
 * iptables-save), the text windowed, and a large view. `prompt`: the text is exactly what the command prints on the
 * node (`$ iptables-save`); otherwise it is an excerpt named by its tool.
 */
function ToolPane({ blocks, search, prompt, label, testId, header }: {
  blocks: ToolText[]; search: boolean; prompt: boolean; label: string; testId: string; header?: ReactNode
}) {
  const t = useT()
  const [index, setIndex] = useState(0)
  const [large, setLarge] = useState(false)
  const block = blocks[Math.min(index, blocks.length - 1)]
  const title = (b: ToolText) => (prompt ? `$ ${b.command}` : b.command)
  const id = (b: ToolText) => `${testId}-${b.command.split(' ')[0]}`
  return (
    <div className="tool-pane">
      <div className="tool-command">
        {header}
        {blocks.length > 1
          ? (
            <span className="tool-choices" role="group" aria-label={label}>
              {blocks.map((b, i) => (
                <button key={b.command} type="button" className={`tool-choice mono${b === block ? ' is-active' : ''}`} aria-pressed={b === block}
                  data-testid={`${id(b)}-choice`} onClick={() => setIndex(i)}>{title(b)}</button>
              ))}
            </span>
          )
          : <span className="mono">{title(block)}</span>}
        <button type="button" className="link-button tool-expand" onClick={() => setLarge(true)}>{t('inspector.expand')}</button>
      </div>
      <RuleText key={block.command} text={block.text} search={search} label={`${label}: ${block.command}`} testId={id(block)} />
      {large && (
        <div className="inspector-overlay" role="dialog" aria-modal="true" aria-label={`${label}: ${block.command}`}
          onKeyDown={(e) => { if (e.key === 'Escape') setLarge(false) }}>
          <div className="inspector-dialog">
            <div className="tool-command">
              <span className="mono">{title(block)}</span>
              <button type="button" className="tool-button" autoFocus onClick={() => setLarge(false)}>{t('inspector.close')}</button>
            </div>
            <RuleText text={block.text} search label={`${label}: ${block.command}`} testId={`${testId}-large`} />
          </div>
        </div>
      )}
    </div>
  )
}

function DnsNames({ names, t }: { names: DnsNameView[]; t: Translate }) {
  return (
    <ul className="dns-list" data-testid="inspector-dns">
      {names.map((d) => (
        <li key={`${d.name} ${d.type}`}>
          <div><span className="mono">{d.name}</span> <span className="type-chip mono">{d.type}</span>
            {d.role === 'endpoint' && <span className="card-muted"> {t('inspector.dnsEndpoint')}</span>}</div>
          {d.records.length === 0
            ? <div className="card-muted dns-empty">{t('inspector.dnsNoRecords', { rcode: d.rcode })}</div>
            : d.records.map((r) => <div key={r} className="mono dns-record">{r}</div>)}
        </li>
      ))}
    </ul>
  )
}

function Announcements({ list, t, lang }: { list: AnnouncementView[]; t: Translate; lang: Lang }) {
  if (list.length === 0) return <p className="card-muted">{t('inspector.announceNone')}</p>
  return (
    <ul className="announce-list" data-testid="inspector-announce">
      {list.map((a) => a.mode === 'l2' ? (
        <li key={`l2 ${a.ip}`}>
          <div>{a.node && a.announced ? t('inspector.l2', { node: a.node, ip: a.ip }) : t('inspector.l2None', { ip: a.ip })}</div>
          <div className="card-muted">{formatMessage(a.reason.code, a.reason.params, lang)}</div>
          {a.candidates.length > 0 && <div className="card-muted">{t('inspector.candidates', { nodes: a.candidates.join(' → ') })}</div>}
        </li>
      ) : (
        <li key={`bgp ${a.ip}`}>
          <div>{t('inspector.bgp', { ip: a.ip })}</div>
          {a.nodes.map((n) => (
            <div key={n.node} className="announce-node">
              <span className="mono">{n.node}</span>{' '}
              {n.advertises
                ? <>{t('inspector.bgpAdvertises')} <span className="mono">{n.prefixes.join(', ')}</span></>
                : <span className="card-muted">{t('inspector.bgpSilent')} <span className="mono">{n.reason}</span></span>}
            </div>
          ))}
          {a.routes.map((r) => (
            <div key={`${r.prefix} ${r.node} ${r.peer}`} className="announce-node card-muted">
              {t('inspector.bgpRoute')} <span className="mono">{r.prefix} via {r.nextHop} ({r.node}, {r.peer})</span>
            </div>
          ))}
        </li>
      ))}
    </ul>
  )
}

function Content({ r, view, node, setNode }: { r: Inspection; view: InspectorView; node: string | undefined; setNode: (n: string) => void }) {
  const t = useT()
  const lang = useApp((s) => s.lang)
  if (r.kind === 'service') {
    if (view === 'dns') return <DnsNames names={r.dns} t={t} />
    if (view === 'announce') return <Announcements list={r.announcements} t={t} lang={lang} />
    const picker = (
      <label className="node-picker">
        <span>{t('inspector.rulesOn')}</span>
        <select value={node ?? r.node} onChange={(e) => setNode(e.target.value)} data-testid="inspector-node-picker">
          {r.nodes.map((n) => <option key={n} value={n}>{n}</option>)}
        </select>
      </label>
    )
    return r.rules.length === 0
      ? <div className="tool-pane"><div className="tool-command">{picker}</div><p className="card-muted">{t('inspector.rulesNone', { node: r.node })}</p></div>
      : <ToolPane key={r.mode} blocks={r.rules} search={false} prompt={false} header={picker} testId="inspector-rules" label={t('inspector.rules', { mode: r.mode })} />
  }
  if (r.kind === 'node') {
    return <ToolPane key={r.mode} blocks={r.rules} search prompt testId="inspector-rules" label={t('inspector.rules', { mode: r.mode })} />
  }
  if (r.kind === 'pod') {
    return (
      <div className="tool-pane">
        <div className="tool-command"><span>{t('inspector.resolvConf')}</span></div>
        <pre className="mono plain-text" data-testid="inspector-resolv">{r.resolvConf}</pre>
      </div>
    )
  }
  if (r.kind === 'ingress') {
    if (!r.installed) return <p className="card-muted">{t('inspector.nginxMissing')}</p>
    if (r.servers === 0) return <p className="card-muted">{t('inspector.nginxNone')}</p>
    return <ToolPane blocks={[{ command: 'nginx.conf', text: r.nginx }]} search prompt={false} testId="inspector-nginx" label={t('inspector.nginx')}
      header={<span className="card-muted">{t('inspector.nginx')}</span>} />
  }
  return null
}

/**
 * The selected object's data-plane tab, computed in the worker (inspect.ts) while the tab is open. Loaded lazily with
 * the rest of this file; the tabs themselves and the overview are Inspector.tsx's.
 */
export default function DataPlane({ id, kind, view }: { id: string; kind: string; view: InspectorView }) {
  const t = useT()
  const [node, setNode] = useState<string | undefined>(undefined)
  const state = useInspection(id, kind === 'service' ? node : undefined, needsInspection(view))
  const shown = state.status === 'done' ? state.inspection : state.status === 'loading' ? state.previous : undefined
  if (state.status === 'failed') return <p className="card-muted">{t('inspector.failed', { message: state.message })}</p>
  if (!shown) return <p className="card-muted" aria-busy="true">{t('inspector.loading')}</p>
  return <Content r={shown} view={view} node={node} setNode={setNode} />
}
