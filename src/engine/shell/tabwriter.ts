/**
 * Go's text/tabwriter, the part kubectl uses: cells are tab-terminated, a column block is a run of consecutive lines
 * that all have a cell in that column, and every cell of a block is padded to the block's widest cell plus `padding`
 * (never narrower than `minWidth`). The text after a line's last tab is not a cell and is never padded.
 * Source: go/src/text/tabwriter/tabwriter.go (format, writeLines); widths counted in runes as utf8.RuneCount does.
 */
export interface TabwriterOptions {
  minWidth: number
  padding: number
}

// cli-runtime printers.GetNewTabWriter: tabwriter.NewWriter(out, 6, 4, 3, ' ', RememberWidths) — `kubectl get`.
export const KUBECTL_GET_TABS: TabwriterOptions = { minWidth: 6, padding: 3 }
// kubectl describe tabbedString: out.Init(buf, 0, 8, 2, ' ', 0).
export const KUBECTL_DESCRIBE_TABS: TabwriterOptions = { minWidth: 0, padding: 2 }

export function tabwrite(text: string, options: TabwriterOptions): string {
  const endsWithNewline = text.endsWith('\n')
  const lines = (endsWithNewline ? text.slice(0, -1) : text).split('\n').map((l) => l.split('\t'))
  const out: string[] = []
  const widths: number[] = []
  formatBlock(lines, 0, lines.length, widths, options, out)
  return out.join('\n') + (endsWithNewline ? '\n' : '')
}

function runeLength(s: string): number {
  let n = 0
  for (const _ of s) n++
  return n
}

function formatBlock(
  lines: string[][],
  line0: number,
  line1: number,
  widths: number[],
  options: TabwriterOptions,
  out: string[],
): void {
  const column = widths.length
  let start = line0
  for (let cur = line0; cur < line1; cur++) {
    // Only tab-terminated cells belong to a column: a line with k tabs has k column cells.
    if (column >= lines[cur].length - 1) continue
    writeLines(lines, start, cur, widths, out)
    start = cur
    let width = options.minWidth
    for (; cur < line1; cur++) {
      if (column >= lines[cur].length - 1) break
      const w = runeLength(lines[cur][column]) + options.padding
      if (w > width) width = w
    }
    widths.push(width)
    formatBlock(lines, start, cur, widths, options, out)
    widths.pop()
    start = cur
    cur-- // the loop's increment re-examines the line that ended the block
  }
  writeLines(lines, start, line1, widths, out)
}

function writeLines(lines: string[][], from: number, to: number, widths: number[], out: string[]): void {
  for (let i = from; i < to; i++) {
    let s = ''
    lines[i].forEach((cell, j) => {
      s += cell
      if (j < widths.length && j < lines[i].length - 1) s += ' '.repeat(Math.max(0, widths[j] - runeLength(cell)))
    })
    out.push(s)
  }
}
