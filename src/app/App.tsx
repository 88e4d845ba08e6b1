import { useEffect, useRef, useState } from 'react'
import { useApp } from './store'
import { Toolbar } from './Toolbar'
import { Divider } from './Divider'
import { EditorSection } from './editor/EditorSection'
import { Topology } from './canvas/Topology'
import { Dock } from './trace/Dock'
import { PlaybackBar } from './trace/PlaybackBar'
import { Composer } from './trace/Composer'
import { Inspector } from './inspector/Inspector'
import { useT } from './i18n/t'
import { HelpDialog, typingInto } from './HelpDialog'
import { Notices } from './workspace/Notices'
import { FaultSlot } from './faults/FaultSlot'

export function App() {
  const t = useT()
  const share = useApp((s) => s.editorShare)
  const theme = useApp((s) => s.theme)
  const lang = useApp((s) => s.lang)
  const split = useRef<HTMLDivElement>(null)
  const [helpOpen, setHelpOpen] = useState(false)

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === '?' && !e.ctrlKey && !e.metaKey && !e.altKey && !typingInto(e.target)) {
        e.preventDefault()
        setHelpOpen(true)
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  useEffect(() => {
    document.documentElement.dataset.theme = theme
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en'
  }, [theme, lang])

  return (
    <div className="app">
      <Toolbar onHelp={() => setHelpOpen(true)} />
      <HelpDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
      <Notices />
      <FaultSlot />
      <Composer />
      <main className="workspace">
        <div className="split" ref={split} style={{ gridTemplateColumns: `${share}fr 6px ${1 - share}fr` }}>
          <EditorSection />
          <Divider container={split} />
          <section className="canvas-section" aria-label={t('landmark.topology')}>
            <Topology />
            <PlaybackBar />
          </section>
        </div>
        <div className="bottom-panels">
          <Dock />
          <Inspector />
        </div>
      </main>
    </div>
  )
}
