import { describe, expect, it } from 'vitest'
import {
  isDNS1035Label, isDNS1123Label, isDNS1123Subdomain, isLabelKey, isLabelValue, isValidPortName, isValidPortNum,
  isWildcardDNS1123Subdomain,
} from './names'

const a = (n: number) => 'a'.repeat(n)

// Good and bad values from k8s.io/apimachinery/pkg/util/validation/validation_test.go (TestIsDNS1123Label,
// TestIsDNS1123Subdomain, TestIsDNS1035Label, TestIsValidPortName, TestIsQualifiedName, TestIsValidLabelValue,
// TestIsWildcardDNS1123Subdomain).
const table: { fn: (s: string) => string[]; name: string; good: string[]; bad: string[] }[] = [
  {
    fn: isDNS1123Label, name: 'IsDNS1123Label',
    good: ['a', 'ab', 'abc', 'a1', 'a-1', 'a--1--2--b', '0', '01', '012', '1a', '1-a', '1--a--b--2', a(63)],
    bad: ['', 'A', 'ABC', 'aBc', 'A1', 'A-1', '1-A', '-', 'a-', '-a', '1-', '-1', '_', 'a_', '_a', 'a_b', '1_', '_1',
      '1_2', '.', 'a.', '.a', 'a.b', '1.', '.1', '1.2', ' ', 'a ', ' a', 'a b', '1 ', ' 1', '1 2', a(64)],
  },
  {
    fn: isDNS1123Subdomain, name: 'IsDNS1123Subdomain',
    good: ['a', 'ab', 'abc', 'a1', 'a-1', 'a--1--2--b', '0', '01', '012', '1a', '1-a', '1--a--b--2', 'a.a', 'ab.a',
      'a--1--2--b.a', 'a.1', '0.a', '1--a--b--2.a', 'a.b.c.d.e', 'aa.bb.cc.dd.ee', '1.2.3.4.5', '11.22.33.44.55', a(253)],
    bad: ['', 'A', 'ABC', 'aBc', 'A1', 'A-1', '1-A', '-', 'a-', '-a', '1-', '-1', '_', 'a_', '_a', 'a_b', '1_', '_1',
      '1_2', '.', 'a.', '.a', 'a..b', '1.', '.1', '1..2', ' ', 'a ', ' a', 'a b', '1 ', ' 1', '1 2', 'A.a', 'aB.a',
      'ab.A', 'A1.a', 'a1.A', 'A.1', 'aB.1', 'A1.1', '1A.1', '0.A', '01.A', '012.A', '1A.a', '1a.A', 'A.B.C.D.E',
      'AA.BB.CC.DD.EE', 'a.B.c.d.e', 'aa.bB.cc.dd.ee', 'a@b', 'a,b', 'a_b', 'a;b', 'a:b', 'a%b', 'a?b', 'a$b', a(254)],
  },
  {
    fn: isDNS1035Label, name: 'IsDNS1035Label',
    good: ['a', 'ab', 'abc', 'a1', 'a-1', 'a--1--2--b', a(63)],
    bad: ['0', '01', '012', '1a', '1-a', '1--a--b--2', '', 'A', 'ABC', 'aBc', 'A1', 'A-1', '1-A', '-', 'a-', '-a',
      '1-', '-1', '_', 'a_', '_a', 'a_b', '1_', '_1', '1_2', '.', 'a.', '.a', 'a.b', '1.', '.1', '1.2', ' ', 'a ',
      ' a', 'a b', '1 ', ' 1', '1 2', a(64), 'mysql_service'],
  },
  {
    fn: isValidPortName, name: 'IsValidPortName',
    good: ['telnet', 're-mail-ck', 'pop3', 'a', 'a-1', '1-a', 'a-1-b-2-c', '1-a-2-b-3'],
    bad: ['longerthan15characters', '', a(16), '12345', '1-2-3-4', '-begin', 'end-', 'two--hyphens', 'whois++', '80', 'HTTP'],
  },
  {
    fn: isLabelKey, name: 'IsQualifiedName',
    good: ['simple', 'now-with-dashes', '1-starts-with-num', '1234', 'simple/simple', 'now-with-dashes/simple',
      'now-with-dashes/now-with-dashes', 'now.with.dots/simple', 'now-with.dashes-and.dots/simple', '1-num.2-num/3-num',
      '1234/5678', '1.2.3.4/5678', 'Uppercase_Is_OK_123', 'example.com/Uppercase_Is_OK_123', 'requests.storage-foo',
      a(63), `${a(253)}/${'b'.repeat(63)}`, 'app.kubernetes.io/name'],
    bad: ['nospecialchars%^=@', 'cantendwithadash-', '-cantstartwithadash-', 'only/one/slash', 'Example.com/abc',
      'example_com/abc', 'example.com/', '/simple', a(64), `${a(254)}/abc`],
  },
  {
    fn: isLabelValue, name: 'IsValidLabelValue',
    good: ['simple', 'now-with-dashes', '1-starts-with-num', 'end-with-num-1', '1234', a(63), '', '8.0', 'v2'],
    bad: ['nospecialchars%^=@', 'Tama-nui-te-rā.is_the_Maori_sun', '\\backslashes\\are\\bad', '-starts-with-dash',
      'ends-with-dash-', '.starts.with.dot', 'ends.with.dot.', a(64)],
  },
  {
    fn: isWildcardDNS1123Subdomain, name: 'IsWildcardDNS1123Subdomain',
    good: ['*.example.com', '*.bar.com', '*.foo.bar.com'],
    bad: ['*.*.bar.com', '*.foo.*.com', '*bar.com', 'f*.bar.com', '*'],
  },
]

describe('apimachinery name formats', () => {
  for (const { fn, name, good, bad } of table) {
    it(`${name} accepts its good values`, () => {
      for (const v of good) expect(fn(v), JSON.stringify(v)).toEqual([])
    })
    it(`${name} rejects its bad values`, () => {
      for (const v of bad) expect(fn(v).length, JSON.stringify(v)).toBeGreaterThan(0)
    })
  }

  it('uses the API server wording', () => {
    // apimachinery content/errors.go and validation.go texts
    expect(isDNS1123Label('a.b')).toEqual(['must not contain dots'])
    expect(isDNS1123Label(a(64))).toContain('must be no more than 63 bytes')
    expect(isDNS1035Label('1abc')).toEqual(["a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name', or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')"])
    expect(isValidPortName('80')).toEqual(['must contain at least one letter (a-z)'])
    expect(isLabelKey('/x')).toEqual(['prefix part must be non-empty'])
    expect(isValidPortNum(0)).toEqual(['must be between 1 and 65535, inclusive'])
    expect(isValidPortNum(65535)).toEqual([])
  })
})
