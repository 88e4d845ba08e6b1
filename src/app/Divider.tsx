import { useRef } from 'react'
import { appStore, useApp } from './store'
import { useT } from './i18n/t'

/** The draggable bar between the editor and the canvas (arrow keys move it too). */
export function Divider({ container }: { container: React.RefObject<HTMLElement | null> }) {
  const t = useT()
  const share = useApp((s) => s.editorShare)
  const dragging = useRef(false)
  return (
    <div className="divider" role="separator" aria-orientation="vertical" aria-label={t('editor.divider')}
      aria-valuenow={Math.round(share * 100)} aria-valuemin={20} aria-valuemax={75} tabIndex={0}
      onPointerDown={(e) => { dragging.current = true; e.currentTarget.setPointerCapture(e.pointerId) }}
      onPointerMove={(e) => {
        const box = container.current?.getBoundingClientRect()
        if (!dragging.current || !box) return
        appStore.getState().setEditorShare((e.clientX - box.left) / box.width)
      }}
      onPointerUp={(e) => { dragging.current = false; e.currentTarget.releasePointerCapture(e.pointerId) }}
      onKeyDown={(e) => {
        if (e.key === 'ArrowLeft') appStore.getState().setEditorShare(share - 0.02)
        if (e.key === 'ArrowRight') appStore.getState().setEditorShare(share + 0.02)
      }} />
  )
}
