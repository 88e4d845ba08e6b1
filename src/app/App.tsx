import { useEffect, useRef } from 'react'
import { useApp } from './store'
import { Toolbar } from './Toolbar'
import { Divider } from './Divider'
import { EditorSection } from './editor/EditorSection'
import { Topology } from './canvas/Topology'
import { ProblemsPanel } from './problems/ProblemsPanel'
import { Inspector } from './inspector/Inspector'
import { useT } from './i18n/t'

export function App() {
  const t = useT()
  const share = useApp((s) => s.editorShare)
  const theme = useApp((s) => s.theme)
  const lang = useApp((s) => s.lang)
  const split = useRef<HTMLDivElement>(null)

  useEffect(() => {
    document.documentElement.dataset.theme = theme
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en'
  }, [theme, lang])

  return (
    <div className="app">
      <Toolbar />
      <main className="workspace">
        <div className="split" ref={split} style={{ gridTemplateColumns: `${share}fr 6px ${1 - share}fr` }}>
          <EditorSection />
          <Divider container={split} />
          <section className="canvas-section" aria-label={t('landmark.topology')}>
            <Topology />
          </section>
        </div>
        <div className="bottom-panels">
          <ProblemsPanel />
          <Inspector />
        </div>
      </main>
    </div>
  )
}
