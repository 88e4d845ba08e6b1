import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { parse } from './parser'
import { expandWords } from './expand'
import { braceExpand } from './brace'
import type { List, SimpleCommand } from './ast'

// Expansion without a machine: variables from a table, $(...) gives its command's words joined.
const vars: Record<string, string> = { i: '7', SP: 'a  b', EMPTY: '' }
const ex = { variable: (n: string) => vars[n] ?? '', substitute: (l: List) => (l[0].first.commands[0] as SimpleCommand).words.map((w) => w.parts.map((p) => (p.k === 'lit' ? p.s : '')).join('')).slice(1).join(' ') }

function words(line: string): string[] {
  const r = parse(line)
  if (!r.ok) throw new Error(r.message)
  return expandWords((r.list[0].first.commands[0] as SimpleCommand).words, ex)
}

describe('words, quoting and expansion (bash(1) QUOTING, EXPANSION)', () => {
  it.each([
    ['echo a   b', ['echo', 'a', 'b']],
    [`echo 'a  $i' "b  $i" c$i`, ['echo', 'a  $i', 'b  7', 'c7']],
    ['echo ${i}x $ix', ['echo', '7x']],
    [`echo "$SP" $SP`, ['echo', 'a  b', 'a', 'b']],
    ['echo "" $EMPTY x', ['echo', '', 'x']],
    ['echo \\"a\\ b\\$i', ['echo', '"a b$i']],
    [`echo "a\\"b\\\\c\\d"`, ['echo', 'a"b\\c\\d']],
    ['echo {1..3}', ['echo', '1', '2', '3']],
    ['echo x{a,b}y', ['echo', 'xay', 'xby']],
    ['echo "{1..3}" {}', ['echo', '{1..3}', '{}']],
    ['echo $(echo hi there)', ['echo', 'hi', 'there']],
    ['echo a#b #comment', ['echo', 'a#b']],
    ['echo $? $', ['echo', '$']],
  ])('%s', (line, expected) => {
    expect(words(line)).toEqual(expected)
  })
})

describe('brace expansion (bash "Brace Expansion")', () => {
  it.each([
    ['{1..5}', ['1', '2', '3', '4', '5']],
    ['{5..1..2}', ['5', '3', '1']],
    ['{01..03}', ['01', '02', '03']],
    ['{a..c}', ['a', 'b', 'c']],
    ['{a,b{1,2}}c', ['ac', 'b1c', 'b2c']],
    ['{a}', ['{a}']],
    ['{1..}', ['{1..}']],
    ['${x}', ['${x}']],
  ])('%s', (text, expected) => {
    expect(braceExpand(text)).toEqual(expected)
  })
})

describe('structure', () => {
  const shape = (line: string) => {
    const r = parse(line)
    if (!r.ok) return `${r.kind}: ${r.message}`
    return r.list.map((ao) => [ao.first, ...ao.rest.map((x) => x.pipeline)].map((p) => p.commands.map((c) => c.type).join('|')).join(' && ')).join(' ; ')
  }
  it.each([
    ['a | b | c; d', 'simple|simple|simple ; simple'],
    ['a && b || c', 'simple && simple && simple'],
    ['for i in {1..3}; do echo $i; done | sort', 'for|simple'],
    ['for i in 1 2\ndo\n  echo $i\ndone', 'for'],
    ['while false; do :; done', 'while'],
    ['if true; then a; elif b; then c; else d; fi', 'if'],
    ['{ a; b; } > f', 'group'],
    ['x=1', 'simple'],
    ['echo done', 'simple'],
    ['cat <<EOF\nhello $i\nEOF\necho after', 'simple ; simple'],
  ])('%s', (line, expected) => {
    expect(shape(line)).toBe(expected)
  })

  it.each([
    ['a |', 'incomplete: syntax error: unexpected end of file'],
    ['| a', "syntax: syntax error near unexpected token `|'"],
    ['a ;; b', "syntax: syntax error near unexpected token `;;'"],
    ['for i in 1; do done', "syntax: syntax error near unexpected token `done'"],
    ['done', "syntax: syntax error near unexpected token `done'"],
    ['for 1x in a; do :; done', "syntax: `1x': not a valid identifier"],
    ["echo 'abc", "incomplete: unexpected EOF while looking for matching `''"],
    ['echo "abc', 'incomplete: unexpected EOF while looking for matching `"\''],
    ['for i in 1 2; do echo', 'incomplete: syntax error: unexpected end of file'],
    ['cat <<EOF\nabc', "incomplete: here-document delimited by end-of-file (wanted `EOF')"],
    ['sleep 1 &', 'unsupported: syntax not supported: background jobs (&)'],
    ['(cd /; ls)', 'unsupported: syntax not supported: subshells and function definitions ( ... )'],
    ['echo `date`', 'unsupported: syntax not supported: command substitution with backquotes (use $(...))'],
    ['echo $((1+2))', 'unsupported: syntax not supported: arithmetic expansion $((...))'],
    ['echo ${x:-y}', 'unsupported: syntax not supported: parameter expansion ${x:-y}'],
    ['case x in a) ;; esac', 'unsupported: syntax not supported: case ... esac'],
    ['cat <<<x', 'unsupported: syntax not supported: the <<< redirection'],
    ['echo > ', "syntax: syntax error near unexpected token `newline'"],
  ])('%s', (line, expected) => {
    expect(shape(line)).toBe(expected)
  })

  it('here-documents: expanded unless the delimiter is quoted; <<- strips leading tabs', () => {
    const body = (line: string) => {
      const r = parse(line)
      if (!r.ok) throw new Error(r.message)
      const redirect = (r.list[0].first.commands[0] as SimpleCommand).redirects[0]
      return redirect.op === '<<' ? redirect.body.parts.map((p) => (p.k === 'lit' ? p.s : `<${p.k}>`)).join('') : ''
    }
    expect(body('cat <<EOF\na $i \\$x\nEOF')).toBe('a <var> $x\n')
    expect(body("cat <<'EOF'\na $i \\$x\nEOF")).toBe('a $i \\$x\n')
    expect(body('cat <<-EOF\n\t\tx\n\tEOF')).toBe('x\n')
  })
})

describe('the parser never throws (fast-check)', () => {
  it('on random text built from shell characters', () => {
    const alphabet = fc.constantFrom(...'ab $(){}[]|&;<>\'"\\`\n\t#=!*?-0123456789'.split(''), 'for ', 'do ', 'done', ' in ', 'if ', 'fi', 'then ', '<<EOF', 'EOF', '$(', '${', '{1..3}')
    fc.assert(fc.property(fc.array(alphabet, { maxLength: 40 }), (parts) => {
      const r = parse(parts.join(''))
      expect(typeof r.ok).toBe('boolean')
    }), { numRuns: 3000 })
  })
  it('on arbitrary unicode strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 80 }), (s) => {
      expect(typeof parse(s).ok).toBe('boolean')
    }), { numRuns: 2000 })
  })
})
