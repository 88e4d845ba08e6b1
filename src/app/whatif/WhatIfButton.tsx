import { useT } from '../i18n/t'
import type { CanvasNode } from '../canvas/model'
import { openWhatIfMenu } from './state'

/** "What if…" beside the selected object in the Inspector: the keyboard and touch way to the canvas's context menu. */
export function WhatIfButton({ node }: { node: CanvasNode }) {
  const t = useT()
  // Pods and nodes carry what-ifs (a pod's menu also scales its workload); the playground's own pods do not.
  if ((node.kind !== 'pod' && node.kind !== 'node') || node.system) return null
  const id = node.id
  return (
    <button type="button" className="tool-button" data-testid="whatif-open" aria-haspopup="menu"
      onClick={(e) => {
        const r = e.currentTarget.getBoundingClientRect()
        openWhatIfMenu(id, r.left, r.bottom + 4)
      }}>{t('whatif.open')}</button>
  )
}
