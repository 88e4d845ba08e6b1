import { describe, expect, it } from 'vitest'
import { composeCommand, emptyComposition, shellQuote } from './compose'

describe('composeCommand', () => {
  const cases: { name: string; in: Partial<typeof emptyComposition>; out: string | undefined }[] = [
    // the tutorial's lab 1: nc -zv mysql-service 3306 from an nginx pod
    { name: 'a Service port that is not a web port is a TCP connect', in: { target: 'mysql-service:3306' }, out: 'nc -zv mysql-service 3306' },
    { name: 'a bare name is HTTP on port 80', in: { target: 'nginx-nodeport' }, out: 'curl -s http://nginx-nodeport' },
    { name: 'a NodePort is HTTP', in: { target: '192.168.100.21:30080' }, out: 'curl -s http://192.168.100.21:30080' },
    { name: 'a URL keeps its path', in: { target: 'https://app.example.com/v2?x=1' }, out: "curl -s 'https://app.example.com/v2?x=1'" },
    // the tutorial's header canary: curl -H "canary: always"
    { name: 'headers and cookies become -H and -b', in: { target: 'app.example.com', headers: 'canary: always', cookies: 'canary=always' },
      out: "curl -s -H 'canary: always' -b canary=always http://app.example.com" },
    { name: 'a method other than GET is -X', in: { target: 'app.example.com', method: 'POST' }, out: 'curl -s -X POST http://app.example.com' },
    { name: 'forcing HTTP on a database port', in: { target: 'mysql-service:3306', protocol: 'http' }, out: 'curl -s http://mysql-service:3306' },
    { name: 'forcing TCP on a web name', in: { target: 'nginx-nodeport', protocol: 'tcp' }, out: 'nc -zv nginx-nodeport 80' },
    { name: 'nothing to send', in: { target: '  ' }, out: undefined },
  ]
  for (const tc of cases) it(tc.name, () => expect(composeCommand({ ...emptyComposition, ...tc.in })).toBe(tc.out))
})

describe('shellQuote', () => {
  it('leaves plain words and quotes the rest so the shell reads them back as one word', () => {
    expect(shellQuote('a.b:80')).toBe('a.b:80')
    expect(shellQuote("it's")).toBe(`'it'\\''s'`)
  })
})
