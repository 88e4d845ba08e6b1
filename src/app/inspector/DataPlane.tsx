import { useState } from 'react'
import { formatMessage } from '../../engine/i18n/catalog'
import { useApp } from '../store'
import { useT, type Translate } from '../i18n/t'
import type { AnnouncementView, DnsNameView, Inspection, ToolText } from '../../worker/inspect'
import { useInspection } from './useInspection'
import { RuleText } from './RuleText'
import './inspector.css'

/** Rows of rule text shown in the panel; the large view gets the window's height. */
const PANEL_HEIGHT = 260

/** Tool outputs, each under the command that prints it (`prompt`: typed on the node as shown) or the excerpt's name. */
function ToolBlocks({ blocks, search, testId, label, prompt }: { blocks: ToolText[]; search: boolean; testId: string; label: string; prompt: boolean }) {
  const t = useT()
  const [large, setLarge] = useState<ToolText | null>(null)
  return (
    <>
      {blocks.map((b) => (
        <div key={b.command} className="tool-block">
          <div className="tool-command">
            <span className="mono">{prompt ? `$ ${b.command}` : b.command}</span>
            <button type="button" className="link-button" onClick={() => setLarge(b)}>{t('inspector.expand')}</button>
          </div>
          <RuleText text={b.text} search={search} height={PANEL_HEIGHT} label={`${label}: ${b.command}`} testId={`${testId}-${b.command.split(' ')[0]}`} />
        </div>
      ))}
      {large && (
        <div className="inspector-overlay" role="dialog" aria-modal="true" aria-label={`${label}: ${large.command}`}
          onKeyDown={(e) => { if (e.key === 'Escape') setLarge(null) }}>
          <div className="inspector-dialog">
            <div className="tool-command">
              <span className="mono">{prompt ? `$ ${large.command}` : large.command}</span>
              <button type="button" className="tool-button" autoFocus onClick={() => setLarge(null)}>{t('inspector.close')}</button>
            </div>
            <RuleText text={large.text} search height={Math.max(200, window.innerHeight - 180)} label={`${label}: ${large.command}`} testId={`${testId}-large`} />
          </div>
        </div>
      )}
    </>
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

function Announcements({ list, t, lang }: { list: AnnouncementView[]; t: Translate; lang: 'en' | 'zh' }) {
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
              {n.advertises ? t('inspector.bgpAdvertises', { prefixes: n.prefixes.join(', ') }) : <span className="card-muted">{t('inspector.bgpSilent', { reason: n.reason })}</span>}
            </div>
          ))}
          {a.routes.map((r) => <div key={`${r.prefix} ${r.node} ${r.peer}`} className="card-muted">{t('inspector.bgpRoute', { prefix: r.prefix, nextHop: r.nextHop, node: r.node, peer: r.peer })}</div>)}
        </li>
      ))}
    </ul>
  )
}

function Section({ title, children, extra }: { title: string; children: React.ReactNode; extra?: React.ReactNode }) {
  return (
    <section className="dp-section">
      <h3>{title}{extra}</h3>
      {children}
    </section>
  )
}

function ServiceView({ r, node, setNode, t, lang }: { r: Extract<Inspection, { kind: 'service' }>; node: string | undefined; setNode: (n: string) => void; t: Translate; lang: 'en' | 'zh' }) {
  return (
    <>
      <Section title={t('inspector.rules', { mode: r.mode })} extra={
        <label className="node-picker">
          <span>{t('inspector.rulesOn')}</span>
          <select value={node ?? r.node} onChange={(e) => setNode(e.target.value)} data-testid="inspector-node-picker">
            {r.nodes.map((n) => <option key={n} value={n}>{n}</option>)}
          </select>
        </label>
      }>
        {r.rules.length === 0
          ? <p className="card-muted">{t('inspector.rulesNone', { node: r.node })}</p>
          : <ToolBlocks blocks={r.rules} search={false} prompt={false} testId="inspector-rules" label={t('inspector.rules', { mode: r.mode })} />}
      </Section>
      <Section title={t('inspector.dns')}><DnsNames names={r.dns} t={t} /></Section>
      {r.announcements.length > 0 && <Section title={t('inspector.announce')}><Announcements list={r.announcements} t={t} lang={lang} /></Section>}
    </>
  )
}

function View({ r, node, setNode }: { r: Inspection; node: string | undefined; setNode: (n: string) => void }) {
  const t = useT()
  const lang = useApp((s) => s.lang)
  switch (r.kind) {
    case 'service':
      return <ServiceView r={r} node={node} setNode={setNode} t={t} lang={lang} />
    case 'node':
      return (
        <Section title={t('inspector.rules', { mode: r.mode })}>
          <ToolBlocks blocks={r.rules} search prompt testId="inspector-rules" label={t('inspector.rules', { mode: r.mode })} />
        </Section>
      )
    case 'pod':
      return (
        <Section title={t('inspector.resolvConf')}>
          <pre className="mono plain-text" data-testid="inspector-resolv">{r.resolvConf}</pre>
        </Section>
      )
    case 'ingress':
      return (
        <Section title={t('inspector.nginx')}>
          {!r.installed ? <p className="card-muted">{t('inspector.nginxMissing')}</p>
            : r.servers === 0 ? <p className="card-muted">{t('inspector.nginxNone')}</p>
              : <ToolBlocks blocks={[{ command: 'nginx.conf', text: r.nginx }]} search prompt={false} testId="inspector-nginx" label={t('inspector.nginx')} />}
        </Section>
      )
    default:
      return null
  }
}

/** The selected object's data plane, computed in the worker (loaded lazily with the rest of this file). */
export default function DataPlane({ id }: { id: string }) {
  const t = useT()
  const [node, setNode] = useState<string | undefined>(undefined)
  const state = useInspection(id, id.startsWith('Service/') ? node : undefined)
  const shown = state.status === 'done' ? state.inspection : state.status === 'loading' ? state.previous : undefined
  return (
    <div className="data-plane" data-testid="inspector-dataplane" aria-busy={state.status === 'loading'}>
      {state.status === 'failed' && <p className="card-muted">{t('inspector.failed', { message: state.message })}</p>}
      {state.status === 'loading' && !shown && <p className="card-muted">{t('inspector.loading')}</p>}
      {shown && <View r={shown} node={node} setNode={setNode} />}
    </div>
  )
}
