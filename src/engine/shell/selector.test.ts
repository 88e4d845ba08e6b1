import { describe, expect, it } from 'vitest'
import { parseSelector, selectorMatches } from './selector'

const pod = { app: 'nginx', version: 'v2', tier: 'web', replicas: '3' }

// Cases after apimachinery pkg/labels/selector_test.go (TestSelectorParse, TestSelectorMatches, TestLexer).
const matching: [string, boolean][] = [
  ['', true],
  ['app=nginx', true],
  ['app==nginx', true],
  ['app=mysql', false],
  ['app!=mysql', true],
  ['app!=nginx', false],
  ['missing!=x', true], // != matches objects without the key
  ['app=nginx,version=v2', true],
  ['app=nginx,version=v1', false],
  ['app in (nginx,mysql)', true],
  ['app in (mysql)', false],
  ['app notin (mysql)', true],
  ['missing notin (x)', true],
  ['app', true],
  ['missing', false],
  ['!missing', true],
  ['!app', false],
  ['replicas>2', true],
  ['replicas<2', false],
  ['app>2', false],
  ['  app = nginx , tier in ( web ) ', true],
  ['version in (v1,v2,v3)', true],
  ['x=', false],
  ['x in (,)', false],
]

describe('label selector matching', () => {
  it.each(matching)('%j matches %s', (sel, want) => {
    const parsed = parseSelector(sel)
    expect(parsed.ok).toBe(true)
    if (parsed.ok) expect(selectorMatches(parsed.requirements, pod)).toBe(want)
  })

  it('matches an empty value only with key=', () => {
    const parsed = parseSelector('x=')
    expect(parsed.ok && selectorMatches(parsed.requirements, { x: '' })).toBe(true)
  })
})

const errors: [string, string][] = [
  ['x=a||y=b', 'unable to parse requirement: values[0][x]: Invalid value: "a||y": a valid label must be an empty string or consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character (e.g. \'MyValue\',  or \'my_value\',  or \'12345\', regex used for validation is \'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?\')'],
  ['x==a==b', "found '==', expected: ',' or 'end of string'"],
  ['x=a,', "found '', expected: identifier after ','"],
  [',x=a', "found ',', expected: !, identifier, or 'end of string'"],
  ['x in a', "unable to parse requirement: found 'a' expected: '('"],
  ['x in (a', "unable to parse requirement: found '', expected: ',' or ')'"],
  ['x gt 1', "unable to parse requirement: found 'gt', expected: in, notin, =, ==, !=, gt, lt"],
  ['!x=a', "found '=', expected: ',' or 'end of string'"],
  ['x>a', "unable to parse requirement: values[0]: Invalid value: \"a\": for 'Gt', 'Lt' operators, the value must be an integer"],
  ['a b', "unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt"],
]

describe('label selector errors (apiserver wording)', () => {
  it.each(errors)('%j', (sel, message) => {
    const parsed = parseSelector(sel)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.error).toBe(message)
  })

  it('rejects an invalid key as validation.IsQualifiedName does', () => {
    const parsed = parseSelector('-bad=x')
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.error).toMatch(/^unable to parse requirement: <nil>: Invalid value: "-bad": name part must consist of alphanumeric characters/)
  })

  it('rejects an invalid value as IsValidLabelValue does', () => {
    const parsed = parseSelector('app=-x')
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.error).toContain('values[0][app]: Invalid value: "-x": a valid label must be an empty string')
  })

  it('sorts requirements by key and deduplicates set values', () => {
    const parsed = parseSelector('b in (y,x,y),a=1')
    expect(parsed).toEqual({ ok: true, requirements: [
      { key: 'a', operator: '=', values: ['1'] },
      { key: 'b', operator: 'in', values: ['x', 'y'] },
    ] })
  })
})
