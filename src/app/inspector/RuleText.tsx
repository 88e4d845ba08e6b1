import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { useT } from '../i18n/t'
import { matchingLines, visibleWindow } from './lines'

const LINE_HEIGHT = 18

function highlight(line: string, query: string): ReactNode {
  if (!query) return line
  const lower = line.toLowerCase()
  const parts: ReactNode[] = []
  let from = 0
  for (let at = lower.indexOf(query, from); at >= 0; at = lower.indexOf(query, from)) {
    if (at > from) parts.push(line.slice(from, at))
    parts.push(<mark key={at}>{line.slice(at, at + query.length)}</mark>)
    from = at + query.length
  }
  parts.push(line.slice(from))
  return parts
}

/**
 * A tool's output in monospace, drawn as a window of lines (a node's 43,000 iptables-save lines never become 43,000
 * elements), filling the room its parent gives it, with an optional search that keeps only the matching lines and
 * marks the match.
 */
export function RuleText({ text, search = false, label, testId }: { text: string; search?: boolean; label: string; testId?: string }) {
  const t = useT()
  const [query, setQuery] = useState('')
  const [scrollTop, setScrollTop] = useState(0)
  const [viewport, setViewport] = useState(400)
  const box = useRef<HTMLDivElement>(null)
  const lines = useMemo(() => text.replace(/\n$/, '').split('\n'), [text])
  const q = query.trim().toLowerCase()
  // lower-cased once per text, and only when a search begins (43,000 lines cost tens of milliseconds)
  const searching = search && q !== ''
  const lowered = useMemo(() => (searching ? lines.map((l) => l.toLowerCase()) : []), [lines, searching])
  const shown = useMemo(() => (q ? matchingLines(lowered, q) : undefined), [lowered, q])
  const count = shown ? shown.length : lines.length
  const { first, last } = visibleWindow(scrollTop, viewport, LINE_HEIGHT, count)
  const numberWidth = String(lines.length).length

  useEffect(() => {
    const el = box.current
    if (!el) return
    const measure = () => setViewport(el.clientHeight || 400)
    measure()
    const ro = new ResizeObserver(measure)
    ro.observe(el)
    return () => ro.disconnect()
  }, [])

  const rows: ReactNode[] = []
  for (let i = first; i < last; i++) {
    const index = shown ? shown[i] : i
    rows.push(
      <div key={index} className="rule-line" style={{ top: i * LINE_HEIGHT }}>
        <span className="rule-number" style={{ width: `${numberWidth}ch` }}>{index + 1}</span>
        {highlight(lines[index], q)}
      </div>,
    )
  }

  return (
    <div className="rule-text" data-testid={testId}>
      {search && (
        <div className="rule-search">
          <input type="search" value={query} placeholder={t('inspector.search')} aria-label={t('inspector.search')}
            onChange={(e) => {
              setQuery(e.target.value)
              setScrollTop(0)
              if (box.current) box.current.scrollTop = 0
            }} data-testid={testId ? `${testId}-search` : undefined} />
          <span className="card-muted" data-testid={testId ? `${testId}-count` : undefined}>{t('inspector.matches', { shown: count, total: lines.length })}</span>
        </div>
      )}
      <div ref={box} className="rule-viewport mono" role="region" aria-label={label} tabIndex={0}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
        <div className="rule-canvas" style={{ height: count * LINE_HEIGHT }}>{rows}</div>
      </div>
    </div>
  )
}
