import { useApp } from '../store'
import { useT } from '../i18n/t'
import { monacoNlsLanguage } from './nls'

const NOTICE = { padding: '4px 12px', fontSize: 12, color: 'var(--muted)', background: 'var(--panel-2)', borderBottom: '1px solid var(--border)' } as const

/**
 * Monaco's menus keep the language they were loaded in (its modules read their texts once); after a language switch
 * this says so instead of leaving half the editor in the other language without a word.
 */
export function NlsNotice() {
  const t = useT()
  const lang = useApp((s) => s.lang)
  const loaded = monacoNlsLanguage()
  if (!loaded || loaded === lang) return null
  return <div className="editor-nls-notice" role="status" data-testid="editor-nls-notice" style={NOTICE}>{t('inspector.editorMenusAfterReload')}</div>
}
