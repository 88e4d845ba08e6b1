import { useEffect, useRef } from 'react'
import { useT } from './i18n/t'
import type { AppMessageKey } from './i18n/messages'

const platform = typeof navigator !== 'undefined' ? navigator.platform : ''
const isMac = /Mac|iPhone|iPad/.test(platform)
const isLinux = /Linux/.test(platform)
const mod = isMac ? '⌘' : 'Ctrl'

/** The shortcuts the page offers: Monaco's own (as Monaco binds them) and the canvas's (React Flow's keyboard a11y). */
const SHORTCUTS: { keys: string[]; text: AppMessageKey }[] = [
  { keys: ['?'], text: 'help.open' },
  { keys: [`${mod}+Z`, `${mod}+Shift+Z`], text: 'help.undo' },
  { keys: [`${mod}+F`, isMac ? '⌥⌘F' : 'Ctrl+H'], text: 'help.find' },
  // Monaco's formatDocument binding: Shift+Alt+F, but Ctrl+Shift+I on Linux.
  { keys: [isMac ? '⇧⌥F' : isLinux ? 'Ctrl+Shift+I' : 'Shift+Alt+F'], text: 'help.format' },
  { keys: ['F8'], text: 'help.nextProblem' },
  { keys: [isMac ? '⌥⌘[' : 'Ctrl+Shift+[', isMac ? '⌥⌘]' : 'Ctrl+Shift+]'], text: 'help.fold' },
  { keys: ['F1'], text: 'help.commands' },
  { keys: ['Tab', 'Shift+Tab'], text: 'help.focus' },
  // Monaco's toggleTabFocusMode binding.
  { keys: [isMac ? '⌃⇧M' : 'Ctrl+M'], text: 'help.tabFocus' },
  { keys: ['Enter', 'Space'], text: 'help.select' },
  { keys: ['Shift+F10', 'Menu'], text: 'help.whatif' },
  { keys: ['←', '↑', '→', '↓'], text: 'help.move' },
  { keys: ['Space'], text: 'help.tracePlay' },
  { keys: ['←', '→'], text: 'help.traceStep' },
  { keys: ['Home'], text: 'help.traceRestart' },
  { keys: ['Esc'], text: 'help.escape' },
]

/** The `?` dialog listing every shortcut. A native <dialog>: focus trapping and Escape come with it. */
export function HelpDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT()
  const ref = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const d = ref.current
    if (!d) return
    if (open && !d.open) d.showModal()
    if (!open && d.open) d.close()
  }, [open])
  return (
    <dialog ref={ref} className="help-dialog" aria-labelledby="help-title" onClose={onClose} data-testid="help-dialog"
      onClick={(e) => { if (e.target === ref.current) onClose() }}>
      <div className="help-body">
        <h2 id="help-title">{t('help.title')}</h2>
        <table>
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.text}>
                <td className="help-keys">{s.keys.map((k) => <kbd key={k}>{k}</kbd>)}</td>
                <td>{t(s.text)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="help-actions">
          <button type="button" className="tool-button" onClick={onClose} autoFocus>{t('help.close')}</button>
        </div>
      </div>
    </dialog>
  )
}

/** True when a key press belongs to a text field (the editor's hidden textarea included), not to the page. */
export function typingInto(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || !!target.closest('.monaco-editor')
}
