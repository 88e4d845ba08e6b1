import type { Hop } from '../../engine/trace/types'

/** One row of a side-by-side comparison: the hop of each run at this position, and whether they differ. */
export interface CompareRow {
  left?: Hop
  right?: Hop
  changed: boolean
}

// Linux's default net.ipv4.ip_local_port_range is 32768-60999: the ports a client draws for each new connection.
const EPHEMERAL = { min: 32768, max: 60999 }
const ephemeral = (port: number | undefined) => port !== undefined && port >= EPHEMERAL.min && port <= EPHEMERAL.max

/** A rule's text with the client's ephemeral ports masked (a conntrack entry names them: `sport=50471`). */
function maskEphemeral(text: string): string {
  return text.replace(/(sport=|dport=|:)(\d{5})\b/g, (whole, lead: string, n: string) => (ephemeral(Number(n)) ? `${lead}*` : whole))
}

/**
 * What makes two hops the same decision: the place, the stage, the rule that matched and what came out. The
 * client's ephemeral port is masked: every connection draws a new one, which is not a change of the path.
 */
export function hopKey(h: Hop): string {
  const port = (p: number | undefined) => (ephemeral(p) ? '*' : p ?? '')
  return [h.stage, h.at, maskEphemeral(h.rule ?? ''), h.verdict, h.after.src, port(h.after.srcPort), h.after.dst, port(h.after.dstPort)].join('|')
}

/**
 * Aligns two traces' hops by a longest common subsequence of their keys (as diff aligns lines), so a hop inserted
 * by a mode switch or an edit shows as one changed row instead of shifting every row after it.
 */
export function compareHops(a: Hop[], b: Hop[]): CompareRow[] {
  const ka = a.map(hopKey)
  const kb = b.map(hopKey)
  const n = a.length
  const m = b.length
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0))
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i][j] = ka[i] === kb[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1])
    }
  }
  const rows: CompareRow[] = []
  let i = 0
  let j = 0
  while (i < n || j < m) {
    if (i < n && j < m && ka[i] === kb[j]) {
      rows.push({ left: a[i++], right: b[j++], changed: false })
    } else if (i < n && j < m && lcs[i + 1][j] === lcs[i][j + 1]) {
      // Neither side is part of the common run here: the two hops replaced each other.
      rows.push({ left: a[i++], right: b[j++], changed: true })
    } else if (j >= m || (i < n && lcs[i + 1][j] >= lcs[i][j + 1])) {
      rows.push({ left: a[i++], changed: true })
    } else {
      rows.push({ right: b[j++], changed: true })
    }
  }
  return rows
}
