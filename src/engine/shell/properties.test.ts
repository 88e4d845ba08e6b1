import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseSelector, selectorMatches, type Requirement } from './selector'
import { KUBECTL_GET_TABS, tabwrite } from './tabwriter'

const cell = fc.string({ unit: fc.constantFrom(...'abcXYZ019-./:<>() '.split('')), maxLength: 12 })

describe('tabwriter invariants (kubectl get tables)', () => {
  it('every column starts at the same offset on every line, widest cell + 3 apart, at least 6', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 5 }).chain((n) => fc.array(fc.array(cell, { minLength: n, maxLength: n }), { minLength: 1, maxLength: 8 })), (rows) => {
      const out = tabwrite(rows.map((r) => r.join('\t') + '\n').join(''), KUBECTL_GET_TABS).split('\n').slice(0, -1)
      let offset = 0
      for (let col = 0; col < rows[0].length; col++) {
        for (let r = 0; r < rows.length; r++) expect(out[r].slice(offset, offset + rows[r][col].length)).toBe(rows[r][col])
        if (col === rows[0].length - 1) break
        const width = Math.max(6, ...rows.map((r) => r[col].length + 3))
        offset += width
      }
    }))
  })
})

const labelPart = fc.string({ unit: fc.constantFrom(...'abcz09'.split('')), minLength: 1, maxLength: 4 })
const labels = fc.dictionary(labelPart, labelPart, { maxKeys: 4 })
const requirement: fc.Arbitrary<Requirement> = fc.record({
  key: labelPart,
  operator: fc.constantFrom<Requirement['operator']>('=', '!=', 'in', 'notin', 'exists', '!'),
  values: fc.uniqueArray(labelPart, { minLength: 1, maxLength: 3 }),
}).map((r) => (r.operator === 'exists' || r.operator === '!' ? { ...r, values: [] } : r.operator === '=' || r.operator === '!=' ? { ...r, values: r.values.slice(0, 1) } : r))

function text(r: Requirement): string {
  switch (r.operator) {
    case 'exists': return r.key
    case '!': return `!${r.key}`
    case 'in': case 'notin': return `${r.key} ${r.operator} (${r.values.join(',')})`
    default: return `${r.key}${r.operator}${r.values[0]}`
  }
}

function direct(r: Requirement, l: Record<string, string>): boolean {
  const has = Object.prototype.hasOwnProperty.call(l, r.key)
  switch (r.operator) {
    case '=': case 'in': return has && r.values.includes(l[r.key])
    case '!=': case 'notin': return !has || !r.values.includes(l[r.key])
    case 'exists': return has
    default: return !has
  }
}

describe('selector invariants', () => {
  it('a written selector parses and matches exactly as its requirements say (AND)', () => {
    fc.assert(fc.property(fc.array(requirement, { minLength: 1, maxLength: 4 }), labels, (reqs, l) => {
      const parsed = parseSelector(reqs.map(text).join(','))
      expect(parsed.ok).toBe(true)
      if (parsed.ok) expect(selectorMatches(parsed.requirements, l)).toBe(reqs.every((r) => direct(r, l)))
    }))
  })
})
