import { describe, expect, it } from 'vitest'
import { KUBECTL_DESCRIBE_TABS, KUBECTL_GET_TABS, tabwrite } from './tabwriter'

// Cases from go/src/text/tabwriter/tabwriter_test.go (pad char ' ' instead of '.'), plus kubectl's two settings.
const cases: { name: string; minWidth: number; padding: number; src: string; want: string }[] = [
  { name: 'go 1a', minWidth: 8, padding: 1, src: 'a\tb\tc\naa\tbbb\tcccc\naaa\tbbbb\n',
    want: 'a       b       c\naa      bbb     cccc\naaa     bbbb\n' },
  { name: 'go 1b (trailing text is no cell)', minWidth: 8, padding: 1, src: 'aaaa\n', want: 'aaaa\n' },
  { name: 'go 2 (column blocks end at a line with fewer cells)', minWidth: 0, padding: 1,
    src: 'a\tb\nccccc\td\ne\n\tf\tgggggg\n',
    want: 'a     b\nccccc d\ne\n f gggggg\n' },
  { name: 'empty cell is padded', minWidth: 0, padding: 2, src: 'x\t\ty\nxxx\tz\tw\n', want: 'x       y\nxxx  z  w\n' },
  { name: 'no trailing newline', minWidth: 0, padding: 2, src: 'a\tb\naa\tc', want: 'a   b\naa  c' },
  { name: 'runes, not bytes', minWidth: 0, padding: 1, src: '中文\tx\nab\ty\n', want: '中文 x\nab y\n' },
]

describe('tabwrite (Go text/tabwriter)', () => {
  it.each(cases)('$name', ({ minWidth, padding, src, want }) => {
    expect(tabwrite(src, { minWidth, padding })).toBe(want)
  })

  it('kubectl get: widest cell + 3, at least 6', () => {
    // IP column of width 2 still gets minwidth 6 (cli-runtime tabwriterMinWidth).
    expect(tabwrite('NAME\tIP\tAGE\nmysql-pod\t1\t10m\n', KUBECTL_GET_TABS)).toBe('NAME        IP    AGE\nmysql-pod   1     10m\n')
  })

  it('kubectl describe: padding 2, blocks broken by lines without tabs', () => {
    const src = 'Name:\tweb\nNamespace:\tdefault\nPorts:\n  Name\tPort\n  http\t80\n'
    expect(tabwrite(src, KUBECTL_DESCRIBE_TABS)).toBe('Name:       web\nNamespace:  default\nPorts:\n  Name  Port\n  http  80\n')
  })
})
