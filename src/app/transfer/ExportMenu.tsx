import { useLayoutEffect, useRef, useState } from 'react'
import { useLazyT } from '../whatif/texts'
import type { LazyTextKey } from '../whatif/texts'
import { menuKeys } from '../whatif/menuKeys'
import { whatIfUi } from '../whatif/state'
import { exportPng, exportSvg, exportYamlEach, exportYamlOne } from './exporters'
import { KindDialog } from './KindDialog'
import './transfer.css'
import { useOutsidePointer } from '../popover/useOutsidePointer'

type Item = 'yamlOne' | 'yamlEach' | 'svg' | 'png' | 'kind'
const ITEMS: Item[] = ['yamlOne', 'yamlEach', 'svg', 'png', 'kind']

function tell(code: LazyTextKey, params: Record<string, string> = {}, error = false) {
  whatIfUi.setState({ notice: { code, params, app: true, error } })
}

/** The toolbar's Export menu: YAML (one file or one per tab), the canvas as SVG or PNG, and the kind script dialog. */
export default function ExportMenu({ anchor, onClose }: { anchor: HTMLElement | null; onClose: (refocus: boolean) => void }) {
  const t = useLazyT()
  const box = useRef<HTMLDivElement>(null)
  const [kindOpen, setKindOpen] = useState(false)
  const r = anchor?.getBoundingClientRect()

  useLayoutEffect(() => { if (!kindOpen) box.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus() }, [kindOpen])
  useOutsidePointer(box, anchor, () => onClose(false), !kindOpen)

  const run = async (item: Item) => {
    if (item === 'kind') return setKindOpen(true)
    onClose(true)
    try {
      if (item === 'yamlOne') exportYamlOne()
      else if (item === 'yamlEach') exportYamlEach()
      else if ((item === 'svg' ? exportSvg() : await exportPng()) === undefined) tell('export.noCanvas', {}, true)
    } catch (e) {
      tell('export.failed', { message: e instanceof Error ? e.message : String(e) }, true)
    }
  }

  if (kindOpen) return <KindDialog onClose={() => onClose(true)} />
  return (
    <div ref={box} role="menu" className="transfer-menu" aria-label={t('transfer.export')} data-testid="export-menu"
      style={r ? { top: r.bottom + 4, right: Math.max(4, window.innerWidth - r.right) } : undefined}
      onKeyDown={(e) => menuKeys(e, () => onClose(true))}>
      {ITEMS.map((item) => (
        <button key={item} type="button" role="menuitem" tabIndex={-1} className="transfer-item" data-testid={`export-${item}`}
          onClick={() => void run(item)}>{t(`export.${item}`)}</button>
      ))}
    </div>
  )
}
