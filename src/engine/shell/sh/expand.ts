import type { List, Part, Word } from './ast'
import { braceExpand } from './brace'

/**
 * Word expansion in bash's order (bash(1) EXPANSION): brace expansion, then parameter expansion and command
 * substitution, then field splitting of the unquoted results on IFS (default: space, tab, newline), then quote
 * removal. Pathname expansion is not performed: the playground's machines have no directories to match, and bash
 * leaves a pattern that matches nothing as written.
 */
export interface Expander {
  variable(name: string): string
  /** The output of `$(list)` with trailing newlines removed (POSIX 2.6.3). */
  substitute(list: List): string
}

const IFS_WHITESPACE = ' \t\n'

/** The words a word becomes; an unquoted empty expansion becomes no word at all. */
export function expandWord(word: Word, ex: Expander): string[] {
  const fields: string[] = []
  for (const parts of braceWords(word.parts)) fields.push(...splitFields(parts, ex))
  return fields
}

/** A word expanded as one string: assignments, here-documents and redirection targets (no brace expansion, no splitting). */
export function expandString(word: Word, ex: Expander): string {
  return word.parts.map((p) => textOf(p, ex)).join('')
}

export function expandWords(words: Word[], ex: Expander): string[] {
  return words.flatMap((w) => expandWord(w, ex))
}

function textOf(p: Part, ex: Expander): string {
  return p.k === 'lit' ? p.s : p.k === 'var' ? ex.variable(p.name) : ex.substitute(p.list)
}

/** Brace expansion over the unquoted literal parts: the word's alternatives, each as parts. */
function braceWords(parts: Part[]): Part[][] {
  let out: Part[][] = [[]]
  for (const p of parts) {
    const alts = p.k === 'lit' && !p.quoted && p.s.includes('{') ? braceExpand(p.s) : undefined
    if (!alts || alts.length === 1) {
      const q = alts ? { ...p, s: alts[0] } as Part : p
      for (const w of out) w.push(q)
      continue
    }
    const next: Part[][] = []
    for (const w of out) for (const a of alts) next.push([...w, { k: 'lit', s: a, quoted: false }])
    out = next
  }
  return out
}

function splitFields(parts: Part[], ex: Expander): string[] {
  const fields: string[] = []
  let cur = ''
  let have = false
  for (const p of parts) {
    const text = textOf(p, ex)
    if (p.k === 'lit' || p.quoted) {
      cur += text
      have = have || p.quoted || text !== ''
      continue
    }
    for (const c of text) {
      if (IFS_WHITESPACE.includes(c)) {
        if (have) fields.push(cur)
        cur = ''
        have = false
      } else {
        cur += c
        have = true
      }
    }
  }
  if (have) fields.push(cur)
  return fields
}
