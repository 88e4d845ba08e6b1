import { describe, expect, it } from 'vitest'
import { applyKey, commonPrefix, emptyLine, splitKeys, submitted, type LineState } from './lineEditor'

function type(s: LineState, data: string): LineState {
  for (const k of splitKeys(data)) s = applyKey(s, k).state
  return s
}

describe('line editor (readline basics)', () => {
  it('inserts at the cursor and deletes behind it', () => {
    let s = type(emptyLine(), 'nslokup')
    s = type(s, '\x1b[D\x1b[D\x1b[D')
    s = type(s, 'o')
    expect([s.line, s.cursor]).toEqual(['nslookup', 5])
    s = type(s, '\x7f')
    expect([s.line, s.cursor]).toEqual(['nslokup', 4])
  })
  it('Home/End, Ctrl-U and Ctrl-W as readline binds them', () => {
    let s = type(emptyLine(), 'curl -s http://x')
    expect(type(s, '\x01').cursor).toBe(0)
    expect(type(type(s, '\x01'), '\x05').cursor).toBe(16)
    expect(type(s, '\x17').line).toBe('curl -s ')
    s = type(s, '\x1b[D\x1b[D')
    expect(type(s, '\x15').line).toBe('/x')
  })
  it('browses history with ↑/↓ and restores the draft', () => {
    let s = submitted(type(emptyLine(), 'one'))
    s = submitted(type(s, 'two'))
    s = submitted(type(s, 'two'))
    expect(s.history).toEqual(['one', 'two'])
    s = type(s, 'dra')
    s = type(s, '\x1b[A')
    expect(s.line).toBe('two')
    s = type(s, '\x1b[A\x1b[A')
    expect(s.line).toBe('one')
    s = type(s, '\x1b[B\x1b[B')
    expect(s.line).toBe('dra')
  })
  it('names the keys the terminal acts on', () => {
    const s = emptyLine()
    expect(['\r', '\x03', '\t', '\x0c'].map((k) => applyKey(s, k).action)).toEqual(['submit', 'interrupt', 'complete', 'clear'])
  })
  it('keeps a line starting with a space out of history (HISTCONTROL=ignorespace)', () => {
    expect(submitted(type(emptyLine(), ' secret')).history).toEqual([])
  })
  it('splits pasted text and escape sequences into keys', () => {
    expect(splitKeys('a\x1b[Ab中')).toEqual(['a', '\x1b[A', 'b', '中'])
  })
  it('common prefix of completions', () => {
    expect(commonPrefix(['mysql-service', 'mysql-service.default'])).toBe('mysql-service')
    expect(commonPrefix([])).toBe('')
  })
})
