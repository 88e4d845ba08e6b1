import fc from 'fast-check'
import { isDeepStrictEqual } from 'node:util'
import { describe, expect, it } from 'vitest'
import { gallery } from '../../scenarios/gallery.generated'
import { scenarioFiles } from '../../scenarios/generators'
import { scaleScenarioYaml } from '../../scenarios/generators/scale'
import { mutateText, mutationArb } from '../fuzz/mutate'
import { splitDocuments } from './chunks'
import { parseManifests, parseWithFastReader, parseWithYaml } from './parse'

/**
 * The fast reader (fastyaml.ts) against `yaml`: wherever it answers, the objects (data, key order, every field's range)
 * and diagnostics must be exactly what `yaml` gives; where it is unsure it must decline. Generated documents in and
 * around its subset, their typing mistakes, and every gallery scenario. FUZZ_RUNS raises the case counts.
 */
const RUNS = Number(process.env.FUZZ_RUNS) || 300
const TIMEOUT = 20_000 + RUNS * 10
const json = (x: unknown) => JSON.stringify(x)

/** The fast reader's answer for one document, checked against yaml's; whether it answered. */
function agrees(text: string): boolean {
  const fast = parseWithFastReader('f.yaml', text)
  if (!fast) return false
  const slow = parseWithYaml('f.yaml', text)
  expect(json(fast), text).toBe(json(slow))
  // -0, NaN and Infinity do not survive JSON: compare the data as values too
  expect(isDeepStrictEqual(fast.objects.map((o) => o.body), slow.objects.map((o) => o.body)), text).toBe(true)
  return true
}

const HEAD = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: m\n'

describe('fast reader: documents it reads, exactly as yaml does', () => {
  const cases: { name: string; text: string }[] = [
    { name: 'block mappings and a sequence at the key\'s column (the Kubernetes idiom)', text: `${HEAD}spec:\n  ports:\n  - name: http\n    port: 80\n  - name: https\n    port: 443\n  type: ClusterIP\n` },
    { name: 'a sequence indented below its key', text: `${HEAD}spec:\n  ports:\n    - port: 80\n      targetPort: 8080\n` },
    { name: 'flow collections (the 1000 × 10 scenario\'s style)', text: `${HEAD}spec:\n  containers:\n  - {name: web, image: nginx:1.25, ports: [{containerPort: 80}]}\n  empty: {}\n  none: []\n  spaced: { a: 1 , b: [ x , y ] }\n` },
    { name: 'YAML 1.1 scalars as go-yaml v2 reads them', text: `${HEAD}data:\n  a: yes\n  b: off\n  c: 0755\n  d: 1_000\n  e: 0x1F\n  f: 1e3\n  g: .5\n  h: ~\n  i: 12:30\n  j: 2001-12-14\n  k: .inf\n  l: -0\n  m: +1\n  nn: y\n  o: .NaN\n` },
    { name: 'quoted scalars and keys', text: `${HEAD}data:\n  "quoted key": "80"\n  'single': 'it''s'\n  empty: ""\n  colon: "a: b"\n` },
    { name: 'null values, at the end of a line and of the text', text: `${HEAD}data:\n  a:\n  b:   \n  c: 1\nlast:` },
    { name: 'blank lines and trailing spaces', text: `${HEAD}\n\ndata:   \n  a: 1   \n\n  b: [1, 2]   \n\n\nz: 2\n\n` },
    { name: 'a leading --- line', text: `---\n${HEAD}data: {a: b}\n` },
    { name: 'nested sequences of mappings, compact and not', text: `${HEAD}spec:\n  rules:\n  - host: a\n    http:\n      paths:\n      - path: /\n        backend:\n          service: {name: s, port: {number: 80}}\n  -\n    host: b\n  - - x\n` },
    { name: 'plain scalars with inner quotes, hashes, commas and Unicode', text: `${HEAD}data:\n  a: it's\n  b: a"b\n  c: a#b\n  d: a,b\n  e: 中文 café\n  f: http://x.y/z?q=1\n` },
    { name: 'keys Object.prototype has', text: `${HEAD}data:\n  constructor: 1\n  toString: x\n  hasOwnProperty: [1]\n` },
    { name: 'an empty document', text: '---\n\n' },
    { name: 'comment lines above the content', text: `# a lab's heading\n\n  # indented\n${HEAD}data: {a: 1}\n` },
    { name: 'comments after values', text: `---\n# heading\n${HEAD}data:\n  a: x  # plain\n  b: "q" # quoted\n  c: [1, 2] # flow\n  d: a#b # inner hash\nlist:\n- x # item\n- k: v # compact\n` },
    { name: 'a document of comments only', text: '---\n# nothing here\n' },
  ]
  it.each(cases)('$name', ({ text }) => {
    const answered = agrees(text)
    // `- - x` is outside the subset: that case only has to agree if answered
    if (!text.includes('- - x')) expect(answered).toBe(true)
  })
})

describe('fast reader: what it leaves to yaml', () => {
  const cases: { name: string; text: string }[] = [
    { name: 'a comment line among the content', text: `${HEAD}data:\n  a: 1\n  # c\n  b: 2\n` },
    { name: 'a deeper comment line after a value (it lengthens yaml\'s range of the value)', text: `${HEAD}data:\n  a: 1\n    # c\nz: 2\n` },
    { name: 'a comment after a key with no value', text: `${HEAD}data: # c\n  a: 1\n` },
    { name: 'a comment with no space before it', text: `${HEAD}data: "x"# c\n` },
    { name: 'a comment inside a flow collection', text: `${HEAD}data: [1, # c\n  2]\n` },
    { name: 'an anchor and an alias', text: `${HEAD}a: &x 1\nb: *x\n` },
    { name: 'a tag', text: `${HEAD}a: !!str 1\n` },
    { name: 'a block scalar', text: `${HEAD}a: |\n  text\n` },
    { name: 'a multi-line plain scalar', text: `${HEAD}a: one\n  two\n` },
    { name: 'a flow collection over two lines', text: `${HEAD}a: [1,\n  2]\n` },
    { name: 'an escape in a double-quoted scalar', text: `${HEAD}a: "x\\ny"\n` },
    { name: 'a tab', text: `${HEAD}a:\t1\n` },
    { name: 'CRLF line ends', text: `${HEAD}a: 1\r\n` },
    { name: 'a duplicate key', text: `${HEAD}a: 1\na: 2\n` },
    { name: 'a merge key', text: `${HEAD}a: {x: 1}\n<<: {y: 2}\n` },
    { name: 'a key that is not a string (bool, int, null)', text: `${HEAD}data:\n  y: 1\n` },
    { name: 'a kind: List', text: 'apiVersion: v1\nkind: List\nitems:\n- {apiVersion: v1, kind: ConfigMap, metadata: {name: a}}\n' },
    { name: 'a root that is not a mapping', text: '- a\n- b\n' },
    { name: 'a nested mapping on one line (an error)', text: `${HEAD}a: b: c\n` },
    { name: 'a bad indentation (an error)', text: `${HEAD}a:\n    b: 1\n  c: 2\n` },
    { name: 'a trailing comma in a flow mapping', text: `${HEAD}a: {x: 1,}\n` },
    { name: 'a document end marker', text: `${HEAD}...\n` },
    { name: 'content after a flow collection', text: `${HEAD}a: [1] x\n` },
  ]
  it.each(cases)('$name', ({ text }) => {
    expect(parseWithFastReader('f.yaml', text)).toBeUndefined()
  })
})

// ---- generated documents

const scalarTexts = ['a', 'web', 'nginx:1.25', '80', '0755', '0x1F', '1_000', '1e3', '.5', '-1', '+1', '-0', 'true', 'True', 'yes', 'no', 'on',
  'off', 'y', 'n', 'null', '~', '', '.inf', '-.inf', '.nan', '1.0', '12:30', '2001-12-14', 'http://x.y/z', 'a b', 'a,b', "it's", 'a"b',
  '10.0.0.0/8', '~x', '=', '<<', 'café', '中文', '-x', '- x', '#x', 'a #b', 'a: b', 'a:b', 'a:', '[x]', '{x}', 'x]', '*x', '&x', '!x', '|', '>',
  '%x', '@x', '`x', '?x', ':x', 'a\\b', ' a', 'a ', '---', '...', '0b101', '1:2:3', '0o7', '1__0', '+.5', '2e', 'a\u00a0b', 'x😀', '\u2028', '\ufeffx', '\u0085']
const keyTexts = ['a', 'b', 'name', 'app.kubernetes.io/name', 'x-y', '_x', '1', 'true', 'y', '<<', '__proto__', 'constructor', '0', '', 'a b', 'a.b',
  'a:b', '-a', 'k8s', 'null', 'x/y.z']

type Value = { s: string } | { map: [string, Value][] } | { seq: Value[] }
const valueArb: fc.Arbitrary<Value> = fc.letrec<{ v: Value }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ s: fc.constantFrom(...scalarTexts) }),
    fc.record({ map: fc.array(fc.tuple(fc.constantFrom(...keyTexts), tie('v')), { maxLength: 4 }) }),
    fc.record({ seq: fc.array(tie('v'), { maxLength: 4 }) }),
  ),
})).v

/** How one document is written: quoting, indentation, flow or block, spacing. */
interface Style { quote: number; indent: number; flow: number; spaces: number; blank: number; seqAtKey: boolean; comments: number }
const styleArb = fc.record({
  quote: fc.nat({ max: 9 }), indent: fc.integer({ min: 1, max: 4 }), flow: fc.nat({ max: 9 }), spaces: fc.nat({ max: 9 }),
  blank: fc.nat({ max: 9 }), seqAtKey: fc.boolean(), comments: fc.nat({ max: 9 }),
})

function writer(style: Style, pick: () => number) {
  const scalar = (s: string, inFlow: boolean): string => {
    const r = pick() % 10
    if (r < style.quote % 4) return `'${s.replace(/'/g, "''")}'`
    if (r < (style.quote % 4) + 1 && !/["\\]/.test(s)) return `"${s}"`
    // plain when YAML reads it back as written (enough of the time to reach the reader's plain-scalar paths)
    return s === '' || (inFlow && /[,[\]{}]/.test(s)) ? `'${s}'` : s
  }
  const key = (k: string) => (pick() % 5 === 0 || k === '' ? `"${k}"` : k)
  const pad = () => (pick() % 10 < style.spaces % 3 ? ' ' : '')
  const flow = (v: Value): string => {
    if ('s' in v) return scalar(v.s, true)
    if ('map' in v) return `{${pad()}${v.map.map(([k, x]) => `${key(k)}: ${pad()}${flow(x)}`).join(`${pad()}, `)}${pad()}}`
    return `[${pad()}${v.seq.map(flow).join(`${pad()}, `)}${pad()}]`
  }
  const trail = () => (pick() % 10 < style.spaces % 4 ? '  ' : '')
  // a comment after a value (half the styles), and now and then one where the reader must decline
  const note = () => (pick() % 10 < style.comments % 5 ? [' # note', '  #: "x" [y]', '# tight', ' #'][pick() % 4] : '')
  const blankLine = () => (pick() % 10 < style.blank % 3 ? '\n' : '')
  /** A value after `key:` or `- ` at indentation n: the rest of the line and any lines below. */
  const after = (v: Value, n: number, inMap: boolean): string => {
    if ('s' in v) return ` ${scalar(v.s, false)}${trail()}${note()}\n`
    const empty = 'map' in v ? v.map.length === 0 : v.seq.length === 0
    if (empty || pick() % 10 < style.flow % 5) return ` ${flow(v)}${trail()}${note()}\n`
    const lineNote = pick() % 10 === 0 ? note() : ''
    if ('seq' in v && inMap && style.seqAtKey) return `${trail()}${lineNote}\n${block(v, n)}`
    return `${trail()}${lineNote}\n${block(v, n + style.indent)}`
  }
  const block = (v: Value, n: number): string => {
    const ind = ' '.repeat(n)
    const commentLine = () => (pick() % 20 < style.comments % 3 ? `${' '.repeat(pick() % 6)}# a line\n` : '')
    if ('map' in v) return v.map.map(([k, x]) => `${blankLine()}${commentLine()}${ind}${key(k)}:${after(x, n, true)}`).join('')
    if ('seq' in v) {
      return v.seq.map((x) => {
        // `- key: value` (a compact mapping) when the item is a non-empty mapping, half the time
        if ('map' in x && x.map.length > 0 && pick() % 2 === 0) {
          const inner = block(x, n + 2)
          return `${ind}- ${inner.slice(n + 2)}`
        }
        return `${ind}-${after(x, n, false)}`
      }).join('')
    }
    return `${ind}${scalar(v.s, false)}\n`
  }
  return { block, flow }
}

const documentArb = fc.tuple(fc.array(fc.tuple(fc.constantFrom(...keyTexts), valueArb), { maxLength: 5 }), styleArb, fc.array(fc.nat(), { minLength: 8, maxLength: 8 }), fc.boolean())
  .map(([pairs, style, seeds, marker]) => {
    let k = 0
    const pick = () => (seeds[k++ % seeds.length] + k * 7) % 1000
    const w = writer(style, pick)
    const heading = ['', '# heading\n', '  # indented heading\n\n# two\n'][seeds[0] % 3]
    return (marker ? '---\n' : '') + heading + HEAD + w.block({ map: pairs.filter(([key]) => !['apiVersion', 'kind', 'metadata'].includes(key)) }, 0)
  })

describe('fast reader: generated documents', () => {
  it('agrees with yaml on every document it reads, and reads most of them', () => {
    let answered = 0
    fc.assert(fc.property(documentArb, (text) => { if (agrees(text)) answered++ }), { numRuns: RUNS })
    // the generator stays mostly inside the subset: a reader that declined everything would pass the check above
    expect(answered).toBeGreaterThan(RUNS * 0.15)
  }, TIMEOUT)

  it('agrees with yaml on the same documents after typing mistakes, or declines', () => {
    fc.assert(fc.property(documentArb, fc.array(mutationArb, { minLength: 1, maxLength: 3 }), (text, ms) => {
      agrees(ms.reduce(mutateText, text))
    }), { numRuns: RUNS })
  }, TIMEOUT)
})

describe('fast reader: the gallery', () => {
  it('every scenario document: the fast reader agrees with yaml wherever it answers, and reads all of 1000 × 10', () => {
    for (const g of gallery) {
      for (const f of scenarioFiles(g)) for (const c of splitDocuments(f.text) ?? []) agrees(c.text)
    }
    const scale = splitDocuments(scaleScenarioYaml({ services: 50, podsPerService: 3 }))!
    expect(scale.filter((c) => agrees(c.text))).toHaveLength(scale.length)
  })

  it('parseManifests gives, for a whole file, what yaml alone gives (ranges counted across documents)', () => {
    const text = scaleScenarioYaml({ services: 30, podsPerService: 2 })
    const fast = parseManifests([{ path: 'scale.yaml', text }])
    // a last document the fast reader declines (a comment) sends the whole file to yaml, as before the fast reader
    const slow = parseManifests([{ path: 'scale.yaml', text: `${text}---\n# the end\n` }])
    expect(json(fast)).toBe(json(slow))
    expect(fast.objects).toHaveLength(61)
  })
})
