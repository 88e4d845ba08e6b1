import { formatMessage } from '../i18n/engineText'
import type { Hop } from '../../engine/trace/types'
import { appStore, useApp } from '../store'
import { useT } from '../i18n/t'
import type { AppMessageKey } from '../i18n/messages'
import { packetFields } from './packet'

/** One hop in full: the packet before and after (changes highlighted), the rule in its tool's words, the draw, the note. */
export function HopDetails({ hop }: { hop: Hop | undefined }) {
  const t = useT()
  const lang = useApp((s) => s.lang)
  if (!hop) return <p className="card-muted">{t('hop.empty')}</p>
  const fields = packetFields(hop.before, hop.after)
  const range = hop.source?.range
  return (
    <div className="hop-details" data-testid="hop-details" data-stage={hop.stage}>
      <p className="hop-note" data-testid="hop-note">{formatMessage(hop.note.code, hop.note.params, lang)}</p>
      <table className="hop-packet">
        <thead><tr><th>{t('hop.field')}</th><th>{t('hop.before')}</th><th>{t('hop.after')}</th></tr></thead>
        <tbody>
          {fields.map((f) => (
            <tr key={f.name} className={f.changed ? 'is-changed' : ''} data-testid={`hop-field-${f.name}`} data-changed={f.changed ? 'true' : 'false'}>
              <th scope="row">{t(`hop.field.${f.name}` as AppMessageKey)}</th>
              <td className="mono">{f.changed ? <s>{f.before}</s> : f.before}</td>
              <td className="mono">{f.changed ? <mark>{f.after}</mark> : f.after}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="fields">
        {hop.rule && (
          <>
            <dt>{t('hop.rule')}</dt>
            <dd><code className="hop-rule" data-testid="hop-rule">{hop.rule}</code></dd>
          </>
        )}
        {hop.ruleContext && (<><dt>{t('hop.chain')}</dt><dd className="mono" data-testid="hop-chain">{hop.ruleContext}</dd></>)}
        {hop.draw && (
          <>
            <dt>{t('hop.draw')}</dt>
            <dd data-testid="hop-draw">
              <span className="mono">{hop.draw.description}</span>{' '}
              <span className="card-muted">{t('hop.drawValue', { value: hop.draw.value.toFixed(4), threshold: hop.draw.threshold?.toFixed(4) ?? '—' })}</span>
            </dd>
          </>
        )}
        {hop.rulesEvaluated !== undefined && (<><dt>{t('hop.rulesEvaluated')}</dt><dd>{hop.rulesEvaluated}</dd></>)}
        {hop.node && (<><dt>{t('hop.node')}</dt><dd>{hop.node}</dd></>)}
        <dt>{t('hop.verdict')}</dt><dd className="mono">{hop.verdict}</dd>
      </dl>
      {range && range.file && (
        <button type="button" className="link-button" data-testid="hop-show-yaml"
          onClick={() => appStore.getState().revealInEditor(range, true)}>
          {t('hop.showInYaml')} <span className="mono card-muted">{range.file}:{range.startLine}</span>
        </button>
      )}
    </div>
  )
}
