import type { Lang } from '../engine/i18n/types'
import { appStore, useApp } from './store'
import { useT } from './i18n/t'

/** The top bar: the app, the scenario, and the page-wide switches. */
export function Toolbar() {
  const t = useT()
  const lang = useApp((s) => s.lang)
  const theme = useApp((s) => s.theme)
  const title = useApp((s) => s.title)
  const busy = useApp((s) => s.requestedSeq !== (s.current?.seq ?? -1) && !s.workerFailure)

  return (
    <header className="toolbar">
      <div className="brand">
        <img src="./favicon.svg" alt="" width="22" height="22" />
        <span className="brand-name">{t('app.name')}</span>
        <span className="brand-tagline">{t('app.tagline')}</span>
      </div>
      <div className="scenario-title" data-testid="scenario-title">
        <span className="card-muted">{t('toolbar.scenario')}</span> {title[lang]}
      </div>
      <div className="toolbar-right">
        <span className={`status${busy ? ' is-busy' : ''}`} role="status" data-testid="compile-status">
          {busy ? t('status.compiling') : t('status.ready')}
        </span>
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
      </div>
    </header>
  )
}
