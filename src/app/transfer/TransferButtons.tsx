import { lazy, Suspense, useRef, useState } from 'react'
import { useT } from '../i18n/t'

// Neither the Import dialog nor the Export menu is on the first screen: both load on first use.
const ImportDialog = lazy(() => import('./ImportDialog'))
const ExportMenu = lazy(() => import('./ExportMenu'))

/** The toolbar's Import and Export buttons. */
export function TransferButtons() {
  const t = useT()
  const [open, setOpen] = useState<'import' | 'export' | null>(null)
  const exportButton = useRef<HTMLButtonElement>(null)
  const importButton = useRef<HTMLButtonElement>(null)
  return (
    // display: contents: the two buttons take the toolbar's own spacing (this component's CSS would load only lazily)
    <span style={{ display: 'contents' }}>
      <button ref={importButton} type="button" className="tool-button" data-testid="import-open" title={t('transfer.importHelp')}
        aria-haspopup="dialog" onClick={() => setOpen('import')}>{t('transfer.import')}</button>
      <button ref={exportButton} type="button" className="tool-button" data-testid="export-open" title={t('transfer.exportHelp')}
        aria-haspopup="menu" aria-expanded={open === 'export'} onClick={() => setOpen(open === 'export' ? null : 'export')}>{t('transfer.export')}</button>
      {open && (
        <Suspense fallback={null}>
          {open === 'import'
            ? <ImportDialog onClose={() => { setOpen(null); importButton.current?.focus() }} />
            : <ExportMenu anchor={exportButton.current} onClose={(refocus) => { setOpen(null); if (refocus) exportButton.current?.focus() }} />}
        </Suspense>
      )}
    </span>
  )
}
