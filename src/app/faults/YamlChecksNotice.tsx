import { useT } from '../i18n/t'
import { useYamlChecksPaused } from './yamlChecks'

const NOTICE = { padding: '4px 12px', fontSize: 12, color: 'var(--muted)', background: 'var(--panel-2)', borderBottom: '1px solid var(--border)' } as const

/** Says that the editor's schema checks are paused for very large YAML (see yamlChecks.ts). */
export function YamlChecksNotice() {
  const t = useT()
  if (!useYamlChecksPaused()) return null
  return <div role="status" data-testid="yaml-checks-paused" style={NOTICE}>{t('faults.yamlChecksPaused')}</div>
}
