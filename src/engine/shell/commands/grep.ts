import type { Command, CommandResult, ShellContext } from '../types'
import { readFile } from '../files/registry'

/**
 * grep (GNU) for pipelines such as the tutorial's `curl -s http://… | grep Hostname:` and
 * `kubectl get pods -n kube-system | grep coredns`: -i -v -c -o -n -w -E -F -q, patterns as basic (default) or
 * extended regular expressions. Exit status 0 when a line was selected, 1 when none, 2 on an error (grep(1)).
 */
interface GrepOptions {
  ignoreCase: boolean
  invert: boolean
  count: boolean
  onlyMatching: boolean
  lineNumbers: boolean
  word: boolean
  extended: boolean
  fixed: boolean
  quiet: boolean
}

const USAGE = "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n"

// POSIX basic regular expressions: `\(`, `\)`, `\{`, `\}`, `\|`, `\+`, `\?` are the operators; the bare
// characters are literals. Turn one into the equivalent JavaScript pattern.
function basicToJs(bre: string): string {
  let out = ''
  for (let i = 0; i < bre.length; i++) {
    const c = bre[i]
    if (c === '\\' && i + 1 < bre.length) {
      const n = bre[++i]
      out += '(){}|+?'.includes(n) ? n : `\\${n}`
    } else if ('(){}|+?'.includes(c)) {
      out += `\\${c}`
    } else {
      out += c
    }
  }
  return out
}

function compile(pattern: string, o: GrepOptions): RegExp | string {
  let source = o.fixed ? pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : o.extended ? pattern : basicToJs(pattern)
  if (o.word) source = `(?<![\\w])(?:${source})(?![\\w])`
  try {
    return new RegExp(source, o.ignoreCase ? 'gi' : 'g')
  } catch (e) {
    return `grep: ${(e as Error).message.replace(/^Invalid regular expression: /, '')}`
  }
}

export const grep: Command = {
  name: 'grep',
  run(args: string[], ctx: ShellContext): CommandResult {
    const o: GrepOptions = { ignoreCase: false, invert: false, count: false, onlyMatching: false, lineNumbers: false, word: false, extended: false, fixed: false, quiet: false }
    const flagOf: Record<string, keyof GrepOptions> = {
      i: 'ignoreCase', v: 'invert', c: 'count', o: 'onlyMatching', n: 'lineNumbers', w: 'word', E: 'extended', F: 'fixed', q: 'quiet',
    }
    const long: Record<string, keyof GrepOptions> = {
      '--ignore-case': 'ignoreCase', '--invert-match': 'invert', '--count': 'count', '--only-matching': 'onlyMatching',
      '--line-number': 'lineNumbers', '--word-regexp': 'word', '--extended-regexp': 'extended', '--fixed-strings': 'fixed', '--quiet': 'quiet', '--silent': 'quiet',
    }
    const rest: string[] = []
    let pattern: string | undefined
    for (let i = 0; i < args.length; i++) {
      const a = args[i]
      if (a === '--') { rest.push(...args.slice(i + 1)); break }
      if (a === '-e' || a === '--regexp') { pattern = args[++i]; continue }
      if (a.startsWith('--')) {
        if (!long[a]) return { stdout: '', stderr: `grep: unrecognized option '${a}'\n${USAGE}`, exitCode: 2 }
        o[long[a]] = true
        continue
      }
      if (a.startsWith('-') && a.length > 1) {
        for (const f of a.slice(1)) {
          if (!flagOf[f]) return { stdout: '', stderr: `grep: invalid option -- '${f}'\n${USAGE}`, exitCode: 2 }
          o[flagOf[f]] = true
        }
        continue
      }
      rest.push(a)
    }
    if (pattern === undefined) pattern = rest.shift()
    if (pattern === undefined) return { stdout: '', stderr: USAGE, exitCode: 2 }
    const re = compile(pattern, o)
    if (typeof re === 'string') return { stdout: '', stderr: re + '\n', exitCode: 2 }
    const inputs: { name: string; text: string }[] = []
    let stderr = ''
    let trouble = false
    for (const file of rest.length ? rest : ['-']) {
      if (file === '-') { inputs.push({ name: '(standard input)', text: ctx.stdin ?? '' }); continue }
      const text = readFile(ctx.sim, ctx.where, file)
      if (text === undefined) { stderr += `grep: ${file}: No such file or directory\n`; trouble = true; continue }
      inputs.push({ name: file, text })
    }
    const prefixNames = inputs.length > 1
    let stdout = ''
    let selected = 0
    for (const { name, text } of inputs) {
      const lines = text.endsWith('\n') ? text.slice(0, -1).split('\n') : text === '' ? [] : text.split('\n')
      let count = 0
      lines.forEach((line, i) => {
        re.lastIndex = 0
        const matches = [...line.matchAll(re)].filter((m) => m[0] !== '' || !o.onlyMatching)
        const hit = (matches.length > 0) !== o.invert
        if (!hit) return
        count++
        if (o.count || o.quiet) return
        const prefix = (prefixNames ? `${name}:` : '') + (o.lineNumbers ? `${i + 1}:` : '')
        if (o.onlyMatching && !o.invert) for (const m of matches) stdout += `${prefix}${m[0]}\n`
        else stdout += `${prefix}${line}\n`
      })
      if (o.count && !o.quiet) stdout += `${prefixNames ? `${name}:` : ''}${count}\n`
      selected += count
    }
    if (o.quiet) stdout = ''
    const exitCode = o.quiet && selected > 0 ? 0 : trouble ? 2 : selected > 0 ? 0 : 1
    return { stdout, stderr, exitCode, json: { selected } }
  },
}
