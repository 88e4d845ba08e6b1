import { useEffect, useRef } from 'react'
import { Terminal } from '@xterm/xterm'
import { FitAddon } from '@xterm/addon-fit'
import '@xterm/xterm/css/xterm.css'
import { appStore, useApp } from '../store'
import { getCompiler } from '../compiler'
import { useT } from '../i18n/t'
import { runLine } from '../trace/actions'
import { promptFor } from '../trace/machines'
import { MachinePicker } from '../trace/MachinePicker'
import { traceStore, useTrace } from '../trace/store'
import { applyKey, commonPrefix, emptyLine, splitKeys, submitted, type LineState } from './lineEditor'
import './terminal.css'
import { useMachines } from '../trace/useMachines'

/** Each machine keeps its own history while the page is open, as each shell would. */
const histories = new Map<string, string[]>()

const THEMES = {
  light: { background: '#fbfbfc', foreground: '#1f2933', cursor: '#4f46e5', selectionBackground: '#c7d2fe' },
  dark: { background: '#111418', foreground: '#e4e7eb', cursor: '#818cf8', selectionBackground: '#3730a3' },
}

/** Output lines end in \r\n on a terminal (the line discipline's onlcr). */
const crlf = (text: string) => text.replace(/\r?\n/g, '\r\n')

/** An xterm.js terminal attached to one machine: its prompt, line editing, history, Tab completion, Ctrl-C. */
function Xterm({ at }: { at: string }) {
  const t = useT()
  const host = useRef<HTMLDivElement>(null)
  const theme = useApp((s) => s.theme)
  const term = useRef<Terminal | null>(null)

  useEffect(() => {
    const el = host.current
    if (!el) return
    const terminal = new Terminal({
      fontFamily: getComputedStyle(document.documentElement).getPropertyValue('--mono') || 'monospace',
      fontSize: 13, cursorBlink: true, convertEol: false, scrollback: 2000, theme: THEMES[appStore.getState().theme],
    })
    const fit = new FitAddon()
    terminal.loadAddon(fit)
    terminal.open(el)
    term.current = terminal
    terminal.textarea?.setAttribute('aria-label', t('terminal.label', { where: at }))
    terminal.textarea?.setAttribute('data-testid', 'terminal-input')
    const fitNow = () => { try { fit.fit() } catch { /* not laid out yet */ } }
    fitNow()
    const resize = new ResizeObserver(() => fitNow())
    resize.observe(el)

    const prompt = promptFor(at)
    let state: LineState = emptyLine(histories.get(at) ?? [])
    // Lines typed so far of a command that is not finished yet (an open quote, `do` without `done`).
    let pending: string[] = []
    // sh's PS2 while a command continues on the next line.
    const ps = () => (pending.length ? '> ' : prompt)
    // The row of the cursor below the prompt's first row, so a line longer than the terminal is redrawn whole.
    let cursorRow = 0
    // Redraw the line in place: up to the prompt's row, clear to the end of the screen, write, put the cursor back.
    const redraw = () => {
      const cols = Math.max(1, terminal.cols)
      const p = ps()
      const end = p.length + state.line.length
      const pos = p.length + state.cursor
      let out = `${cursorRow > 0 ? `\x1b[${cursorRow}A` : ''}\r\x1b[J${p}${state.line}`
      // At the last column the terminal waits to wrap; a space and a backspace put the cursor on the next row.
      if (end > 0 && end % cols === 0) out += ' \b'
      const endRow = Math.floor(end / cols)
      const row = Math.floor(pos / cols)
      if (endRow > row) out += `\x1b[${endRow - row}A`
      out += `\x1b[${(pos % cols) + 1}G`
      cursorRow = row
      terminal.write(out)
    }
    terminal.write(prompt)

    const complete = async () => {
      const compiler = getCompiler()
      if (!compiler) return
      const before = state.line.slice(0, state.cursor)
      const candidates = await compiler.complete(appStore.getState().files, before, at)
      if (candidates.length === 0) return
      const rest = state.line.slice(state.cursor)
      if (candidates.length === 1) {
        const done = candidates[0] + ' '
        state = { ...state, line: done + rest, cursor: done.length }
        redraw()
        return
      }
      const prefix = commonPrefix(candidates)
      if (prefix.length > before.length) {
        state = { ...state, line: prefix + rest, cursor: prefix.length }
        redraw()
        return
      }
      // Several ways on: list them (the last word of each) under the line, then the prompt again, as bash does.
      const start = before.lastIndexOf(' ') + 1
      terminal.write('\r\n' + candidates.map((c) => c.slice(start)).join('  ') + '\r\n')
      cursorRow = 0
      redraw()
    }

    const submit = async () => {
      const line = state.line
      // Leave from the line's last row, wherever the cursor was in it.
      const below = Math.floor((ps().length + line.length) / Math.max(1, terminal.cols)) - cursorRow
      state = submitted(state)
      histories.set(at, state.history)
      terminal.write(`${below > 0 ? `\x1b[${below}B` : ''}\r\n`)
      cursorRow = 0
      if (line.trim() === '' && pending.length === 0) { cursorRow = 0; terminal.write(prompt); return }
      if (line.trim() === 'clear' && pending.length === 0) { cursorRow = 0; terminal.clear(); terminal.write(`\x1b[2J\x1b[H${prompt}`); return }
      const whole = [...pending, line].join('\n')
      const reply = await runLine(at, whole, { play: true })
      if (reply?.incomplete) {
        pending = [...pending, line]
        cursorRow = 0
        terminal.write(ps())
        return
      }
      pending = []
      if (reply) {
        if (reply.stdout) terminal.write(crlf(reply.stdout))
        if (reply.stderr) terminal.write(crlf(reply.stderr))
        const last = (reply.stdout + reply.stderr).slice(-1)
        if (last && last !== '\n') terminal.write('\r\n')
      }
      cursorRow = 0
      terminal.write(prompt)
    }

    // Keys are handled one at a time, in order: what is typed while a line runs or a completion is looked up waits
    // in the queue (as a real terminal's input buffer holds type-ahead) instead of racing the answer.
    const queue: string[] = []
    let draining = false
    const drain = async () => {
      if (draining) return
      draining = true
      while (queue.length) {
        const key = queue.shift()!
        const { state: next, action } = applyKey(state, key)
        state = next
        switch (action) {
          case 'submit': await submit(); break
          case 'interrupt':
            // bash on Ctrl-C: ^C, the line abandoned, a fresh prompt.
            pending = []
            cursorRow = 0
            terminal.write('^C\r\n' + prompt)
            state = emptyLine(state.history)
            break
          case 'clear': terminal.write('\x1b[2J\x1b[H'); cursorRow = 0; redraw(); break
          case 'complete': await complete(); break
          default: redraw()
        }
      }
      draining = false
    }
    const data = terminal.onData((input) => {
      queue.push(...splitKeys(input))
      void drain()
    })
    terminal.focus()
    return () => {
      data.dispose()
      resize.disconnect()
      terminal.dispose()
      term.current = null
    }
  }, [at])

  useEffect(() => {
    if (term.current) term.current.options.theme = THEMES[theme]
  }, [theme])

  return <div className="xterm-host" ref={host} data-testid="terminal" data-at={at} />
}

/** The terminal tab: which machine, and its shell. Loaded lazily with xterm.js. */
export default function TerminalPanel() {
  const t = useT()
  const at = useTrace((s) => s.terminalAt)
  const machines = useMachines()
  const chosen = at && machines.some((m) => m.id === at) ? at : undefined
  useEffect(() => {
    if (!chosen && machines.length > 0) traceStore.setState({ terminalAt: (machines.find((m) => m.kind === 'client') ?? machines[0]).id })
  }, [chosen, machines])
  return (
    <div className="terminal-panel">
      <MachinePicker machines={machines} value={chosen ?? ''} testId="terminal-at" filterClass="terminal-filter"
        label={t('terminal.at')} labelClass="select-label terminal-at" captionClass="select-caption"
        onChange={(id) => traceStore.setState({ terminalAt: id })} />
      {chosen ? <Xterm key={chosen} at={chosen} /> : <p className="card-muted dock-empty">{t('terminal.choose')}</p>}
    </div>
  )
}
