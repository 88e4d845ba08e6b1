import { useEffect, useRef, useState, type ReactNode } from 'react'

/**
 * A fixed-height scrolling list that renders only the rows in view (a namespace can hold 1000 Services). The
 * `nowheel nodrag nopan` classes keep React Flow from zooming or panning while the user scrolls it.
 */
export function VirtualList<T>({ items, rowHeight, rows, row, keyOf, scrollTo, testid }: {
  items: T[]
  rowHeight: number
  rows: number
  row: (item: T) => ReactNode
  keyOf: (item: T) => string
  /** An index to bring into view (the selected object). */
  scrollTo?: number
  testid?: string
}) {
  const ref = useRef<HTMLDivElement>(null)
  const [top, setTop] = useState(0)
  useEffect(() => {
    const el = ref.current
    if (!el || scrollTo === undefined || scrollTo < 0) return
    const y = scrollTo * rowHeight
    if (y < el.scrollTop || y + rowHeight > el.scrollTop + rows * rowHeight) el.scrollTop = Math.max(0, y - rowHeight * Math.floor(rows / 2))
  }, [scrollTo, rowHeight, rows])
  const first = Math.max(0, Math.floor(top / rowHeight) - 2)
  const last = Math.min(items.length, first + rows + 4)
  return (
    <div ref={ref} className="vlist nowheel nodrag nopan" style={{ height: Math.min(rows, items.length) * rowHeight }}
      onScroll={(e) => setTop(e.currentTarget.scrollTop)} role="list" data-testid={testid}>
      <div style={{ height: items.length * rowHeight, position: 'relative' }}>
        {items.slice(first, last).map((item, i) => (
          <div key={keyOf(item)} role="listitem" className="vlist-row" style={{ top: (first + i) * rowHeight, height: rowHeight }}>
            {row(item)}
          </div>
        ))}
      </div>
    </div>
  )
}
