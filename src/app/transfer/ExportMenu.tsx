import { useLayoutEffect, useEffect, useRef, useState } from 'react'
import { useLazyT } from '../whatif/texts'
import type { LazyTextKey } from '../whatif/texts'
import { menuKeys } from '../whatif/menuKeys'
import { whatIfUi } from '../whatif/state'
import { exportPng, exportSvg, exportYamlEach, exportYamlOne } from './exporters'
import { KindDialog } from './KindDialog'
import './transfer.css'

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
  useEffect(() => {
    if (kindOpen) return
    const outside = (e: PointerEvent) => {
      if (!box.current?.contains(e.target as Node) && !anchor?.contains(e.target as Node)) onClose(false)
    }
    document.addEventListener('pointerdown', outside, true)
    return () => document.removeEventListener('pointerdown', outside, true)
  }, [kindOpen])

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
