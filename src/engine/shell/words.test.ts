import { describe, expect, it } from 'vitest'
import { splitWords } from './words'

describe('splitWords (POSIX shell word splitting, no expansion)', () => {
  const cases: [string, string[]][] = [
    ['curl -s http://192.168.100.21:30080', ['curl', '-s', 'http://192.168.100.21:30080']],
    ['  kubectl   get  pods ', ['kubectl', 'get', 'pods']],
    [`curl -H "X-Canary: true" http://app.example.com`, ['curl', '-H', 'X-Canary: true', 'http://app.example.com']],
    [`kubectl get pods -l 'tier in (front,back)'`, ['kubectl', 'get', 'pods', '-l', 'tier in (front,back)']],
    [`echo "a \\"b\\" \\$c" d\\ e`, ['echo', 'a "b" $c', 'd e']],
    [`x''y ""`, ['xy', '']],
    ['', []],
  ]
  it.each(cases)('%j', (line, words) => {
    expect(splitWords(line)).toEqual({ ok: true, words })
  })
  it('reports an unterminated quote as bash does', () => {
    expect(splitWords(`echo 'oops`)).toEqual({ ok: false, error: "unexpected EOF while looking for matching `''" })
  })
})
