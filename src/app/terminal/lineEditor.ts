/** The line being typed at a prompt, with readline's basics: cursor, history, kill. */
export interface LineState {
  line: string
  cursor: number
  history: string[]
  /** Position in history while browsing with ↑/↓; history.length means the line being typed. */
  historyIndex: number
  /** The line as typed before browsing history, restored by ↓ past the newest entry. */
  draft: string
}

export type LineAction = 'submit' | 'interrupt' | 'complete' | 'clear' | 'none'

export const emptyLine = (history: string[] = []): LineState => ({ line: '', cursor: 0, history, historyIndex: history.length, draft: '' })

const HISTORY_LIMIT = 500

/** The state after submitting: the line joins the history (not blank, not a repeat of the last, as HISTCONTROL=ignoreboth). */
export function submitted(s: LineState): LineState {
  const line = s.line
  const keep = line.trim() !== '' && !line.startsWith(' ') && s.history.at(-1) !== line
  const history = keep ? [...s.history, line].slice(-HISTORY_LIMIT) : s.history
  return emptyLine(history)
}

/** Splits terminal input into keys: escape sequences whole, other characters one by one. */
export function splitKeys(data: string): string[] {
  const keys: string[] = []
  for (let i = 0; i < data.length;) {
    if (data[i] === '\x1b') {
      const m = /^\x1b(\[[0-9;]*[A-Za-z~]|O[A-Za-z]|.)?/.exec(data.slice(i))!
      keys.push(m[0])
      i += m[0].length
    } else {
      const cp = data.codePointAt(i)!
      const ch = String.fromCodePoint(cp)
      keys.push(ch)
      i += ch.length
    }
  }
  return keys
}

/** One key (as xterm.js reports it in onData) applied to the line, and what the terminal must do about it. */
export function applyKey(s: LineState, key: string): { state: LineState; action: LineAction } {
  const at = (line: string, cursor: number): LineState => ({ ...s, line, cursor })
  switch (key) {
    case '\r': case '\n': return { state: s, action: 'submit' }
    case '\x03': return { state: s, action: 'interrupt' }
    case '\x0c': return { state: s, action: 'clear' }
    case '\t': return { state: s, action: 'complete' }
    case '\x7f': case '\b':
      if (s.cursor === 0) return { state: s, action: 'none' }
      return { state: at(s.line.slice(0, s.cursor - 1) + s.line.slice(s.cursor), s.cursor - 1), action: 'none' }
    case '\x1b[3~':
      return { state: at(s.line.slice(0, s.cursor) + s.line.slice(s.cursor + 1), s.cursor), action: 'none' }
    case '\x1b[D': case '\x02': return { state: at(s.line, Math.max(0, s.cursor - 1)), action: 'none' }
    case '\x1b[C': case '\x06': return { state: at(s.line, Math.min(s.line.length, s.cursor + 1)), action: 'none' }
    case '\x1b[H': case '\x1bOH': case '\x01': return { state: at(s.line, 0), action: 'none' }
    case '\x1b[F': case '\x1bOF': case '\x05': return { state: at(s.line, s.line.length), action: 'none' }
    case '\x15': return { state: at(s.line.slice(s.cursor), 0), action: 'none' }
    case '\x0b': return { state: at(s.line.slice(0, s.cursor), s.cursor), action: 'none' }
    case '\x17': {
      // Ctrl-W: the word before the cursor (readline's unix-word-rubout: back over spaces, then to a space).
      const head = s.line.slice(0, s.cursor).replace(/\S*\s*$/, '')
      return { state: at(head + s.line.slice(s.cursor), head.length), action: 'none' }
    }
    case '\x1b[A': case '\x10': {
      if (s.historyIndex === 0) return { state: s, action: 'none' }
      const draft = s.historyIndex === s.history.length ? s.line : s.draft
      const i = s.historyIndex - 1
      return { state: { ...s, historyIndex: i, draft, line: s.history[i], cursor: s.history[i].length }, action: 'none' }
    }
    case '\x1b[B': case '\x0e': {
      if (s.historyIndex >= s.history.length) return { state: s, action: 'none' }
      const i = s.historyIndex + 1
      const line = i === s.history.length ? s.draft : s.history[i]
      return { state: { ...s, historyIndex: i, line, cursor: line.length }, action: 'none' }
    }
  }
  // Other control characters and unknown escape sequences are ignored, as readline does with unbound keys.
  if (key.startsWith('\x1b') || key < ' ') return { state: s, action: 'none' }
  return { state: at(s.line.slice(0, s.cursor) + key + s.line.slice(s.cursor), s.cursor + key.length), action: 'none' }
}

/** The longest prefix every candidate shares, for Tab with several completions (bash completes that much). */
export function commonPrefix(items: string[]): string {
  if (items.length === 0) return ''
  let p = items[0]
  for (const x of items) while (!x.startsWith(p)) p = p.slice(0, -1)
  return p
}
