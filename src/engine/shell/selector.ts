/**
 * kubectl's `-l` label selectors, parsed as the API server parses them: k8s.io/apimachinery/pkg/labels/selector.go
 * (Lexer, Parser.parse, parseRequirement, NewRequirement) and matched as Requirement.Matches does.
 * `a=b`, `a==b`, `a!=b`, `a in (x,y)`, `a notin (x)`, `a`, `!a`, `a>3`, `a<3`, comma-separated (AND).
 */
export type SelectorOperator = '=' | '==' | '!=' | 'in' | 'notin' | 'exists' | '!' | 'gt' | 'lt'

export interface Requirement {
  key: string
  operator: SelectorOperator
  values: string[]
}

export type ParsedSelector = { ok: true; requirements: Requirement[] } | { ok: false; error: string }

type Token =
  | 'id' | 'eos' | 'error' | ',' | '!' | '==' | '=' | '>' | '<' | 'in' | '!=' | 'notin' | '(' | ')'

// selector.go string2token
const KEYWORDS: Record<string, Token> = {
  ')': ')', ',': ',', '!': '!', '==': '==', '=': '=', '>': '>', 'in': 'in', '<': '<', '!=': '!=', 'notin': 'notin', '(': '(',
}

const isWhitespace = (c: string) => c === ' ' || c === '\t' || c === '\r' || c === '\n'
const isSpecial = (c: string) => '=!(),><'.includes(c) && c !== ''

function lex(s: string): { tok: Token; lit: string }[] {
  const items: { tok: Token; lit: string }[] = []
  let pos = 0
  for (;;) {
    while (pos < s.length && isWhitespace(s[pos])) pos++
    if (pos >= s.length) {
      items.push({ tok: 'eos', lit: '' })
      return items
    }
    if (isSpecial(s[pos])) {
      // scanSpecialSymbol: the longest run of special characters that is still a token.
      let buffer = ''
      let last: { tok: Token; lit: string } | undefined
      while (pos < s.length && isSpecial(s[pos])) {
        buffer += s[pos]
        const t = KEYWORDS[buffer]
        if (t) {
          last = { tok: t, lit: buffer }
          pos++
        } else if (last) {
          break
        } else {
          pos++
        }
      }
      items.push(last ?? { tok: 'error', lit: `error expected: keyword found '${buffer}'` })
      continue
    }
    let buffer = ''
    while (pos < s.length && !isSpecial(s[pos]) && !isWhitespace(s[pos])) buffer += s[pos++]
    items.push({ tok: KEYWORDS[buffer] ?? 'id', lit: buffer })
  }
}

class SelectorError extends Error {}

/** Parse a selector string. Errors carry the API server's wording. */
export function parseSelector(selector: string): ParsedSelector {
  const items = lex(selector)
  let position = 0
  // In a values context `in` and `notin` are plain identifiers (Parser.lookahead/consume with Values).
  const asValue = (t: { tok: Token; lit: string }) => (t.tok === 'in' || t.tok === 'notin' ? { tok: 'id' as Token, lit: t.lit } : t)
  const lookahead = (values: boolean) => (values ? asValue(items[position]) : items[position])
  const consume = (values: boolean) => {
    const t = values ? asValue(items[position]) : items[position]
    position = Math.min(position + 1, items.length - 1)
    return t
  }

  const parseRequirement = (): Requirement => {
    let operator: SelectorOperator | undefined
    let t = consume(true)
    if (t.tok === '!') {
      operator = '!'
      t = consume(true)
    }
    if (t.tok !== 'id') throw new SelectorError(`found '${t.lit}', expected: identifier`)
    const key = t.lit
    const keyErrors = labelKeyErrors(key)
    if (keyErrors.length) throw new SelectorError(invalid('<nil>', key, keyErrors.join('; ')))
    const next = lookahead(true).tok
    // `!key` is complete whatever follows; a following operator is then rejected by the caller.
    if (operator === '!') return { key, operator, values: [] }
    if (next === 'eos' || next === ',') return { key, operator: 'exists', values: [] }
    const opTok = consume(false)
    const opMap: Partial<Record<Token, SelectorOperator>> = {
      in: 'in', '=': '=', '==': '==', '>': 'gt', '<': 'lt', notin: 'notin', '!=': '!=',
    }
    const op = opMap[opTok.tok]
    if (!op) throw new SelectorError(`found '${opTok.lit}', expected: in, notin, =, ==, !=, gt, lt`)
    let values: string[]
    if (op === 'in' || op === 'notin') values = parseValues()
    else values = parseExactValue()
    values = [...new Set(values)].sort() // sets.String.List(): sorted, deduplicated
    validateRequirement(key, op, values)
    return { key, operator: op, values }
  }

  const parseValues = (): string[] => {
    const open = consume(true)
    if (open.tok !== '(') throw new SelectorError(`found '${open.lit}' expected: '('`)
    const la = lookahead(true)
    if (la.tok === 'id' || la.tok === ',') {
      const s = parseIdentifiersList()
      if (consume(true).tok !== ')') throw new SelectorError(`found '${la.lit}', expected: ')'`)
      return s
    }
    if (la.tok === ')') {
      consume(true)
      return ['']
    }
    throw new SelectorError(`found '${la.lit}', expected: ',', ')' or identifier`)
  }

  const parseIdentifiersList = (): string[] => {
    const s = new Set<string>()
    for (;;) {
      const t = consume(true)
      if (t.tok === 'id') {
        s.add(t.lit)
        const t2 = lookahead(true)
        if (t2.tok === ',') continue
        if (t2.tok === ')') return [...s]
        throw new SelectorError(`found '${t2.lit}', expected: ',' or ')'`)
      } else if (t.tok === ',') {
        if (s.size === 0) s.add('')
        const t2 = lookahead(true)
        if (t2.tok === ')') {
          s.add('')
          return [...s]
        }
        if (t2.tok === ',') s.add('')
      } else {
        throw new SelectorError(`found '${t.lit}', expected: ',', or identifier`)
      }
    }
  }

  const parseExactValue = (): string[] => {
    const la = lookahead(true)
    if (la.tok === 'eos' || la.tok === ',') return ['']
    const t = consume(true)
    if (t.tok === 'id') return [t.lit]
    throw new SelectorError(`found '${t.lit}', expected: identifier`)
  }

  const requirements: Requirement[] = []
  try {
    for (;;) {
      const { tok, lit } = lookahead(true)
      if (tok === 'id' || tok === '!') {
        try {
          requirements.push(parseRequirement())
        } catch (e) {
          throw new SelectorError(`unable to parse requirement: ${(e as Error).message}`)
        }
        const t = consume(true)
        if (t.tok === 'eos') break
        if (t.tok === ',') {
          const t2 = lookahead(true)
          if (t2.tok !== 'id' && t2.tok !== '!') throw new SelectorError(`found '${t2.lit}', expected: identifier after ','`)
          continue
        }
        throw new SelectorError(`found '${t.lit}', expected: ',' or 'end of string'`)
      }
      if (tok === 'eos') break
      throw new SelectorError(`found '${lit}', expected: !, identifier, or 'end of string'`)
    }
  } catch (e) {
    return { ok: false, error: (e as Error).message }
  }
  // parse() sorts requirements by key for a deterministic selector.
  requirements.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  return { ok: true, requirements }
}

function validateRequirement(key: string, op: SelectorOperator, values: string[]): void {
  const errs: string[] = []
  if ((op === 'gt' || op === 'lt')) {
    values.forEach((v, i) => {
      if (!/^[+-]?\d+$/.test(v)) errs.push(invalid(`values[${i}]`, v, "for 'Gt', 'Lt' operators, the value must be an integer"))
    })
  }
  values.forEach((v, i) => {
    const ve = labelValueErrors(v)
    if (ve.length) errs.push(invalid(`values[${i}][${key}]`, v, ve.join('; ')))
  })
  if (errs.length === 1) throw new SelectorError(errs[0])
  if (errs.length > 1) throw new SelectorError(`[${errs.join(', ')}]`)
}

// field.Invalid(...).Error(): `<field>: Invalid value: "<value>": <detail>`
function invalid(field: string, value: string, detail: string): string {
  return `${field}: Invalid value: ${JSON.stringify(value)}: ${detail}`
}

// apimachinery pkg/util/validation: RegexError's wording, examples joined with "',  or '".
function regexError(msg: string, fmt: string, ...examples: string[]): string {
  let s = msg + ' (e.g. '
  examples.forEach((e, i) => {
    if (i > 0) s += ' or '
    s += `'${e}', `
  })
  return s + `regex used for validation is '${fmt}')`
}

const QUALIFIED_NAME_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]'
const QUALIFIED_NAME_MSG = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"
const LABEL_VALUE_MSG = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/

// validation.IsQualifiedName, the rule for label keys.
function labelKeyErrors(key: string): string[] {
  const parts = key.split('/')
  let name: string
  const errs: string[] = []
  if (parts.length === 1) name = parts[0]
  else if (parts.length === 2) {
    const prefix = parts[0]
    name = parts[1]
    if (prefix.length === 0) errs.push('prefix part must be non-empty')
    else if (prefix.length > 253) errs.push('prefix part must be no more than 253 characters')
    else if (!DNS1123_SUBDOMAIN.test(prefix)) {
      errs.push('prefix part ' + regexError("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
        '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*', 'example.com'))
    }
  } else {
    return ['a qualified name ' + regexError(QUALIFIED_NAME_MSG, QUALIFIED_NAME_FMT, 'MyName', 'my.name', '123-abc') +
      " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"]
  }
  if (name.length === 0) errs.push('name part must be non-empty')
  else if (name.length > 63) errs.push('name part must be no more than 63 characters')
  if (name.length > 0 && !new RegExp(`^${QUALIFIED_NAME_FMT}$`).test(name)) {
    errs.push('name part ' + regexError(QUALIFIED_NAME_MSG, QUALIFIED_NAME_FMT, 'MyName', 'my.name', '123-abc'))
  }
  return errs
}

// validation.IsValidLabelValue
function labelValueErrors(v: string): string[] {
  const errs: string[] = []
  if (v.length > 63) errs.push('must be no more than 63 characters')
  if (!new RegExp(`^(${QUALIFIED_NAME_FMT})?$`).test(v)) {
    errs.push(regexError(LABEL_VALUE_MSG, `(${QUALIFIED_NAME_FMT})?`, 'MyValue', 'my_value', '12345'))
  }
  return errs
}

/** Requirement.Matches for every requirement (AND). An empty selector matches everything. */
export function selectorMatches(requirements: Requirement[], labels: Record<string, string>): boolean {
  return requirements.every((r) => requirementMatches(r, labels))
}

function requirementMatches(r: Requirement, labels: Record<string, string>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, r.key)
  const val = has ? labels[r.key] : undefined
  switch (r.operator) {
    case '=': case '==': case 'in':
      return has && r.values.includes(val as string)
    case '!=': case 'notin':
      return !has || !r.values.includes(val as string)
    case 'exists':
      return has
    case '!':
      return !has
    case 'gt': case 'lt': {
      if (!has || !/^[+-]?\d+$/.test(val as string) || r.values.length !== 1) return false
      const a = Number(val), b = Number(r.values[0])
      return r.operator === 'gt' ? a > b : a < b
    }
  }
}
