import { useT } from '../i18n/t'
import { traceStore } from './store'

/** "Send request" and "Open terminal" for the machine selected on the canvas (a pod, node, client or router). */
export function SelectionActions({ id }: { id: string }) {
  const t = useT()
  return (
    <span className="selection-actions">
      <button type="button" className="tool-button primary" data-testid="inspector-send"
        onClick={() => traceStore.getState().openComposer(id)}>{t('trace.send')}</button>
      <button type="button" className="tool-button" data-testid="inspector-terminal"
        onClick={() => traceStore.getState().openTerminal(id)}>{t('terminal.open')}</button>
    </span>
  )
}
