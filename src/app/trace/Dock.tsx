import { lazy, Suspense, type ReactNode } from 'react'
import { ProblemsPanel } from '../problems/ProblemsPanel'
import { useApp } from '../store'
import { useT } from '../i18n/t'
import type { AppMessageKey } from '../i18n/messages'
import { ComparePanel } from './ComparePanel'
import { EventsPanel } from './EventsPanel'
import { SpreadPanel } from './SpreadPanel'
import { currentTrace, traceStore, useTrace, type DockTab } from './store'

// xterm.js and its stylesheet load only when the terminal tab is first opened.
const TerminalPanel = lazy(() => import('../terminal/TerminalPanel'))

const TABS: { id: Exclude<DockTab, 'hop'>; label: AppMessageKey }[] = [
  { id: 'problems', label: 'tab.problems' },
  { id: 'events', label: 'tab.events' },
  { id: 'spread', label: 'tab.spread' },
  { id: 'compare', label: 'tab.compare' },
  { id: 'terminal', label: 'tab.terminal' },
]

/** The bottom panel's tabs: Problems, and the trace's Events (with the hop in full), Spread, Compare, Terminal. */
export function Dock() {
  const t = useT()
  const tab = useTrace((s) => s.tab)
  const hasTrace = useTrace((s) => !!currentTrace(s))
  const errors = useApp((s) => s.current?.diagnostics.filter((d) => d.severity === 'error').length ?? 0)
  const select = (id: DockTab) => traceStore.getState().setTab(id)
  const onKeyDown = (e: React.KeyboardEvent, i: number) => {
    // WAI-ARIA tabs: arrows move between tabs.
    const d = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0
    if (!d) return
    e.preventDefault()
    const next = TABS[(i + d + TABS.length) % TABS.length]
    select(next.id)
    document.getElementById(`dock-tab-${next.id}`)?.focus()
  }
  let body: ReactNode
  switch (tab) {
    case 'events': case 'hop': body = <EventsPanel />; break
    case 'spread': body = <SpreadPanel />; break
    case 'compare': body = <ComparePanel />; break
    case 'terminal': body = <Suspense fallback={<p className="card-muted dock-empty">{t('terminal.loading')}</p>}><TerminalPanel /></Suspense>; break
    default: body = <ProblemsPanel />
  }
  return (
    <div className={`trace-dock${hasTrace ? ' has-trace' : ''}`} data-testid="dock">
      <div role="tablist" aria-label={t('tab.list')} className="dock-tabs">
        {TABS.map((x, i) => (
          <button key={x.id} type="button" role="tab" id={`dock-tab-${x.id}`} aria-selected={tab === x.id || (x.id === 'events' && tab === 'hop')}
            aria-controls="dock-panel" tabIndex={tab === x.id ? 0 : -1} data-testid={`dock-tab-${x.id}`}
            onClick={() => select(x.id)} onKeyDown={(e) => onKeyDown(e, i)}>
            {t(x.label)}{x.id === 'problems' && errors > 0 ? <span className="dock-badge">{errors}</span> : null}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="dock-panel" aria-labelledby={`dock-tab-${tab}`} className="dock-panel">{body}</div>
    </div>
  )
}
