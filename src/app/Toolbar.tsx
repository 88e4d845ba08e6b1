import type { Lang } from '../engine/i18n/types'
import type { ProxyMode } from '../engine/cluster/types'
import { appStore, useApp } from './store'
import { shownResult } from './store/compileResult'
import { getCompiler } from './compiler'
import { useT } from './i18n/t'
import { gallery } from '../scenarios/gallery.generated'
import { scenarioHash } from './scenarioRoute'
import { TransferButtons } from './transfer/TransferButtons'
import { ShareButton } from './share/ShareButton'
import { WorkspacesButton } from './workspace/WorkspacesButton'

// Every gallery scenario, generated ones (1000 × 10) too: the canvas draws large scenarios collapsed (canvas/collapse.ts).
const pickable = gallery

const MODES: { value: ProxyMode; label: string }[] = [
  { value: 'iptables', label: 'iptables' },
  { value: 'ipvs', label: 'IPVS' },
  { value: 'nftables', label: 'nftables' },
]

/** Asks the worker to rewrite the kube-proxy configuration in the YAML, then shows the file it changed. */
async function switchMode(mode: ProxyMode) {
  const compiler = getCompiler()
  if (!compiler) return
  const before = appStore.getState().files
  const after = await compiler.setProxyMode(before, mode)
  const changed = after.find((f) => before.find((b) => b.path === f.path)?.text !== f.text)
  appStore.getState().setFiles(after, changed?.path)
}

/** The top bar: the app, the scenario, and the page-wide switches. */
export function Toolbar({ onHelp }: { onHelp: () => void }) {
  const t = useT()
  const lang = useApp((s) => s.lang)
  const theme = useApp((s) => s.theme)
  const scenarioName = useApp((s) => s.scenarioName)
  // a workspace from no gallery scenario (empty, or a shared one) shows its own name, not the first lab's
  const ownName = useApp((s) => (s.scenarioName ? '' : s.title[s.lang] || s.title.en))
  const busy = useApp((s) => s.requestedSeq !== (s.current?.seq ?? -1) && !s.workerFailure)
  const mode = useApp((s) => shownResult(s).result?.kubeProxy.mode)

  return (
    <header className="toolbar">
      <div className="brand">
        <img src="./favicon.svg" alt="" width="22" height="22" />
        <span className="brand-name">{t('app.name')}</span>
        <span className="brand-tagline">{t('app.tagline')}</span>
      </div>
      <label className="scenario-title">
        <span className="select-caption">{t('toolbar.scenario')}</span>
        <select value={scenarioName} data-testid="scenario"
          onChange={(e) => {
            const next = pickable.find((s) => s.name === e.target.value)
            if (!next) return
            history.replaceState(null, '', scenarioHash(next.name))
            appStore.getState().loadScenario(next)
          }}>
          {!scenarioName && <option value="">{ownName}</option>}
          {pickable.map((s) => <option key={s.name} value={s.name}>{s.title[lang]}</option>)}
        </select>
      </label>
      <div className="toolbar-right">
        <span className={`status${busy ? ' is-busy' : ''}`} role="status" data-testid="compile-status">
          {busy ? t('status.compiling') : t('status.ready')}
        </span>
        <WorkspacesButton />
        <ShareButton />
        <TransferButtons />
        <label className="select-label" title={t('toolbar.modeHelp')}>
          <span className="select-caption">{t('toolbar.mode')}</span>
          <select value={mode ?? 'iptables'} disabled={!mode} data-testid="proxy-mode"
            onChange={(e) => void switchMode(e.target.value as ProxyMode)}>
            {MODES.map((m) => <option key={m.value} value={m.value}>{m.label}</option>)}
          </select>
        </label>
        <label className="select-label">
          <span className="visually-hidden">{t('toolbar.language')}</span>
          <select value={lang} aria-label={t('toolbar.language')} data-testid="language"
            onChange={(e) => appStore.getState().setLang(e.target.value as Lang)}>
            <option value="en">English</option>
            <option value="zh">中文</option>
          </select>
        </label>
        <button type="button" className="tool-button" data-testid="theme"
          title={theme === 'dark' ? t('toolbar.theme.toLight') : t('toolbar.theme.toDark')}
          aria-label={theme === 'dark' ? t('toolbar.theme.toLight') : t('toolbar.theme.toDark')}
          onClick={() => appStore.getState().setTheme(theme === 'dark' ? 'light' : 'dark')}>
          {theme === 'dark' ? t('toolbar.theme.light') : t('toolbar.theme.dark')}
        </button>
        <button type="button" className="tool-button help-button" data-testid="help" onClick={onHelp}
          title={t('toolbar.help')} aria-label={t('toolbar.help')} aria-keyshortcuts="?">?</button>
      </div>
    </header>
  )
}
