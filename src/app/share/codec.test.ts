import type { MessageTable } from '../../engine/i18n/types'
import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex } from '@noble/hashes/utils.js'
import { base64urlnopad } from '@scure/base'
import { deflateSync, strToU8 } from 'fflate'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { gallery } from '../../scenarios/gallery.generated'
import { scenarioFiles } from '../../scenarios/generators'
import { decodeShare, decodeShareFile, encodeShare, encodeShareFile, shareFragment, shareOffer } from './codec'
import { DICTIONARY_V1 } from './dictionary'
import { LINK_LIMIT } from './limits'
import { shareErrorMessage, shareMessages } from './messages'
import type { ShareState } from './types'

const base: ShareState = {
  scenario: 'service-basics',
  files: gallery.find((g) => g.name === 'service-basics')!.files.map((f) => ({ ...f })),
  positions: { 'Pod/default/mysql-pod': { x: 120.5, y: -40 } },
  proxyMode: 'ipvs',
  request: { from: 'default/nginx-pod-1', command: 'nc -zv mysql-service 3306' },
  history: [
    { from: 'Client/workstation', command: 'curl -s http://192.168.100.21:30080', repeat: 5 },
    { from: 'Pod/default/nginx-pod-1', command: 'nc -zv mysql-service 3306' },
    { from: 'Node/node1', command: 'X=1' },
    { from: 'Node/node1', command: 'curl -s http://10.96.0.10' },
  ],
  activeFile: 'mysql.yaml',
  seed: 7,
  hop: 3,
}

/** A link payload made by hand: any JSON, deflated against the v1 dictionary (what a stranger could send). */
function payloadOf(json: string, dictionary = true): string {
  return base64urlnopad.encode(deflateSync(strToU8(json), dictionary ? { dictionary: DICTIONARY_V1 } : {}))
}

const coordinate = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }).map((x) => (x === 0 ? 0 : x))
const pathArb = fc.stringMatching(/^[A-Za-z0-9_-][A-Za-z0-9._-]{0,20}(\/[A-Za-z0-9_-][A-Za-z0-9._-]{0,10})?$/)
const lineArb = fc.string({ maxLength: 80 }).filter((s) => !/[\u0000-\u0008\u000a-\u001f\u007f]/.test(s))
const stateArb: fc.Arbitrary<ShareState> = fc.record({
  scenario: fc.constantFrom('', 'service-basics', 'ingress-https-redirect'),
  files: fc.uniqueArray(fc.record({ path: pathArb, text: fc.string({ maxLength: 300, unit: 'grapheme' }) }), { selector: (f) => f.path, maxLength: 6 }),
  positions: fc.dictionary(lineArb.filter((s) => s !== ''), fc.record({ x: coordinate, y: coordinate }), { maxKeys: 8 }),
  proxyMode: fc.option(fc.constantFrom('iptables' as const, 'ipvs' as const, 'nftables' as const), { nil: undefined }),
  request: fc.option(fc.record({ from: lineArb.filter((s) => s !== ''), command: lineArb }), { nil: undefined }),
  history: fc.option(fc.array(fc.record({ from: lineArb.filter((s) => s !== ''), command: lineArb, repeat: fc.option(fc.integer({ min: 2, max: 1000 }), { nil: undefined }) }), { maxLength: 5 }), { nil: undefined }),
  activeFile: fc.option(fc.nat({ max: 5 }), { nil: undefined }),
  seed: fc.nat({ max: 0xffffffff }),
  hop: fc.nat({ max: 1000 }),
}).map((s) => {
  const { activeFile, ...rest } = s
  const out: ShareState = { ...rest, history: s.history?.map((h) => (h.repeat === undefined ? { from: h.from, command: h.command } : h)) }
  const tab = activeFile === undefined ? undefined : s.files[activeFile]?.path
  if (tab !== undefined) out.activeFile = tab
  if (out.proxyMode === undefined) delete out.proxyMode
  if (out.request === undefined || out.history === undefined) delete out.history
  if (out.request === undefined) delete out.request
  return out
})

describe('share codec (link and file)', () => {
  it('round-trips any state through a link and through a file (fast-check)', () => {
    fc.assert(fc.property(stateArb, (state) => {
      const viaLink = decodeShare(shareFragment(state))
      expect(viaLink).toEqual({ ok: true, state })
      expect(decodeShareFile(encodeShareFile(state))).toEqual({ ok: true, state })
    }), { numRuns: 100 })
  }, 60_000)

  it('a link is base64url in the fragment; decode takes it with or without #s=', () => {
    const fragment = shareFragment(base)
    expect(fragment).toMatch(/^#s=[A-Za-z0-9_-]+$/)
    expect(decodeShare(fragment.slice(3))).toEqual({ ok: true, state: base })
    expect(decodeShare(fragment.slice(1))).toEqual({ ok: true, state: base })
  })

  it('a truncated link says truncated, wherever it was cut', () => {
    const payload = encodeShare(base)
    for (const keep of [1, 2, 5, 10, Math.floor(payload.length / 2), payload.length - 3, payload.length - 1]) {
      const r = decodeShare(payload.slice(0, keep))
      expect(r, `cut at ${keep}`).toEqual({ ok: false, error: 'truncated' })
    }
    expect(decodeShare('#s=')).toEqual({ ok: false, error: 'truncated' })
  })

  it('refuses characters outside base64url, and oversized fragments before decoding', () => {
    expect(decodeShare('#s=abc$def')).toEqual({ ok: false, error: 'bad-base64' })
    expect(decodeShare('#s=ab+/cd==')).toEqual({ ok: false, error: 'bad-base64' })
    expect(decodeShare('#s=' + 'A'.repeat(64 * 1024 + 1))).toEqual({ ok: false, error: 'too-large' })
  })

  it('a decompression bomb (a few KB inflating past 2 MB) is refused, and inflating stops early', () => {
    const bomb = payloadOf(`{"v":1,"scenario":"","files":[{"path":"a.yaml","text":"${'a'.repeat(20 * 1024 * 1024)}"}],"positions":{},"seed":1,"hop":0}`)
    expect(bomb.length).toBeLessThan(64 * 1024)
    const r = decodeShare(bomb)
    expect(r).toEqual({ ok: false, error: 'bomb' })
  })

  it('a link made without the v1 dictionary, or garbage that inflates, is corrupt or truncated, never a crash', () => {
    const noDict = decodeShare(payloadOf(JSON.stringify({ v: 1 }), false))
    expect(noDict.ok).toBe(false)
    expect(decodeShare(base64urlnopad.encode(new Uint8Array([0xff, 0xff, 0xff, 0xff])))).toEqual({ ok: false, error: 'corrupt' })
  })

  it('refuses other versions and non-objects', () => {
    expect(decodeShare(payloadOf(JSON.stringify({ ...JSON.parse(encodeShareFile(base)), v: 2 })))).toEqual({ ok: false, error: 'bad-version' })
    expect(decodeShare(payloadOf('[1,2,3]'))).toEqual({ ok: false, error: 'bad-version' })
    expect(decodeShareFile('{"hello": "world"}')).toEqual({ ok: false, error: 'bad-version' })
    expect(decodeShareFile('not json')).toEqual({ ok: false, error: 'corrupt' })
  })

  // Each case: a change to a valid wire object and the field the refusal must name.
  const invalid: [string, (w: Record<string, any>) => void, string][] = [
    ['unknown top-level key', (w) => { w.script = 'alert(1)' }, 'script'],
    ['path with ..', (w) => { w.files[0].path = '../etc/passwd' }, 'files.0.path'],
    ['path with a slash at the start', (w) => { w.files[0].path = '/abs.yaml' }, 'files.0.path'],
    ['path with markup', (w) => { w.files[0].path = '<img src=x onerror=alert(1)>.yaml' }, 'files.0.path'],
    ['duplicate path', (w) => { w.files[1].path = w.files[0].path }, 'files.1.path'],
    ['text not a string', (w) => { w.files[0].text = 42 }, 'files.0.text'],
    ['extra key in a file', (w) => { w.files[0].onload = 'x' }, 'files.0.onload'],
    ['too many files', (w) => { w.files = Array.from({ length: 101 }, (_, i) => ({ path: `f${i}.yaml`, text: '' })) }, 'files'],
    ['generated file without a generator', (w) => { w.files[0] = { path: 'scale.yaml', generated: true } }, 'files.0.generated'],
    ['unknown generator', (w) => { w.generator = { name: 'rm-rf', params: {} } }, 'generator'],
    ['generator out of range', (w) => { w.generator = { name: 'scale', params: { services: 1e6, podsPerService: 10 } } }, 'generator'],
    ['generator past 10 000 pods', (w) => { w.generator = { name: 'scale', params: { services: 2000, podsPerService: 20 } } }, 'generator'],
    ['generator with an extra parameter', (w) => { w.generator = { name: 'scale', params: { services: 10, podsPerService: 10, nodes: 3 } } }, 'generator'],
    ['seed negative', (w) => { w.seed = -1 }, 'seed'],
    ['seed past 32 bits', (w) => { w.seed = 2 ** 32 }, 'seed'],
    ['seed fractional', (w) => { w.seed = 1.5 }, 'seed'],
    ['hop as text', (w) => { w.hop = '3' }, 'hop'],
    ['mode unknown', (w) => { w.mode = 'userspace' }, 'mode'],
    ['position not a pair', (w) => { w.positions['Pod/default/x'] = [1] }, 'positions.Pod/default/x'],
    ['position too far', (w) => { w.positions['Pod/default/x'] = [1e12, 0] }, 'positions.Pod/default/x'],
    ['request with a newline', (w) => { w.request.command = 'curl x\nrm -rf /' }, 'request.command'],
    ['request from empty', (w) => { w.request.from = '' }, 'request.from'],
    ['scenario name with markup', (w) => { w.scenario = '<b>x</b>' }, 'scenario'],
    ['history entry with a newline', (w) => { w.history[3].command = 'curl x\nrm -rf /' }, 'history.3.command'],
    ['history entry with an escape sequence', (w) => { w.history[1].command = 'echo \u001b]0;owned\u0007' }, 'history.1.command'],
    ['history entry from empty', (w) => { w.history[0].from = '' }, 'history.0.from'],
    ['history entry with an unknown key', (w) => { w.history[2].onclick = 'x' }, 'history.2.onclick'],
    ['history entry not an object', (w) => { w.history[2] = 'curl x' }, 'history.2'],
    ['history command too long', (w) => { w.history[0].command = 'a'.repeat(4097) }, 'history.0.command'],
    ['history repeat of 1 (written without a count)', (w) => { w.history[0].repeat = 1 }, 'history.0.repeat'],
    ['history repeat past the Composer\'s 1000', (w) => { w.history[0].repeat = 1001 }, 'history.0.repeat'],
    ['history repeat fractional', (w) => { w.history[0].repeat = 2.5 }, 'history.0.repeat'],
    ['history of 202 runs', (w) => { w.history = Array.from({ length: 202 }, () => ({ from: 'Node/node1', command: 'true' })) }, 'history'],
    ['history not a list', (w) => { w.history = { 0: w.history[0] } }, 'history'],
    ['history without a shown request', (w) => { delete w.request }, 'history'],
    ['active tab that is not one of the files', (w) => { w.activeFile = 'other.yaml' }, 'activeFile'],
    ['active tab not a string', (w) => { w.activeFile = 0 }, 'activeFile'],
  ]
  for (const [name, change, field] of invalid) {
    it(`names the field that fails: ${name}`, () => {
      const w = JSON.parse(encodeShareFile(base))
      change(w)
      const expected = { ok: false, error: `invalid-field:${field}` }
      expect(decodeShareFile(JSON.stringify(w))).toEqual(expected)
      expect(decodeShare(payloadOf(JSON.stringify(w)))).toEqual(expected)
    })
  }

  it('<script> in every string field survives as text, and __proto__ is only a key', () => {
    const evil = '<script>alert("x")</script>'
    const state: ShareState = {
      scenario: '',
      files: [{ path: 'a.yaml', text: `metadata:\n  name: ${evil}\n  labels: {app: "${evil}"}\n` }],
      positions: { [`Pod/default/${evil}`]: { x: 1, y: 2 }, ['__proto__']: { x: 3, y: 4 } },
      request: { from: `default/${evil}`, command: `curl -H "X: ${evil}" http://x` },
      seed: 1,
      hop: 0,
    }
    const r = decodeShare(shareFragment(state))
    expect(r).toEqual({ ok: true, state })
    if (!r.ok) return
    expect(Object.getPrototypeOf(r.state.positions)).toBe(Object.prototype)
    expect(Object.keys(r.state.positions)).toContain('__proto__')
  })

  it('a generated scenario travels as its generator\'s parameters; an edited generated file travels in full', () => {
    const entry = gallery.find((g) => g.name === 'scale-1000x10')!
    const state: ShareState = { scenario: entry.name, files: scenarioFiles(entry), generator: entry.generator, positions: {}, seed: 1, hop: 0 }
    const fragment = shareFragment(state)
    expect(fragment.length).toBeLessThan(200)
    expect(decodeShare(fragment)).toEqual({ ok: true, state })
    const edited = { ...state, files: [{ path: 'scale.yaml', text: state.files[0].text.replace('svc-0}', 'svc-zero}') }] }
    expect(decodeShare(shareFragment(edited))).toEqual({ ok: true, state: edited })
  })

  it('every gallery scenario (the largest tutorial lab included: HTTPS with its certificate) shares in under 2,000 characters', () => {
    for (const entry of gallery) {
      const state: ShareState = {
        scenario: entry.name, files: scenarioFiles(entry), positions: { 'Pod/default/nginx-app-1': { x: 312, y: 148 } },
        request: { from: entry.requests[0].from, command: entry.requests[0].command }, seed: 1, hop: 4,
        activeFile: scenarioFiles(entry).at(-1)!.path,
        ...(entry.generator ? { generator: entry.generator } : {}),
      }
      const link = `https://kubehops.example/${shareFragment(state)}`
      expect(link.length, entry.name).toBeLessThan(2000)
    }
  })

  it('a full history (200 sends before the shown one, plus a repeated one) round-trips and stays a link', () => {
    const history = Array.from({ length: 200 }, (_, i) => ({ from: 'Client/workstation', command: `curl -s http://192.168.100.2${i % 3}:30080` }))
    const state: ShareState = { ...base, history: [...history, { from: 'Client/workstation', command: 'curl -s http://app.example.com', repeat: 1000 }] }
    expect(decodeShare(shareFragment(state))).toEqual({ ok: true, state })
    expect(shareOffer(state).kind).toBe('link')
  })

  it('offers a file when the link would pass 8000 characters', () => {
    const noisy = { ...base, activeFile: 'big.yaml', files: [{ path: 'big.yaml', text: Array.from({ length: 4000 }, (_, i) => `# ${(i * 2654435761) % 1000003}`).join('\n') }] }
    const offer = shareOffer(noisy)
    expect(offer.kind).toBe('file')
    if (offer.kind !== 'file') return
    expect(offer.name).toBe('service-basics.kubehops.json')
    expect(shareFragment(noisy).length).toBeGreaterThan(LINK_LIMIT)
    expect(decodeShareFile(offer.text)).toEqual({ ok: true, state: noisy })
    expect(shareOffer(base)).toEqual({ kind: 'link', fragment: shareFragment(base) })
  })

  it('the v1 dictionary is frozen (links already shared inflate against these exact bytes)', () => {
    expect(bytesToHex(sha256(DICTIONARY_V1))).toBe(FROZEN_DICTIONARY_SHA256)
  })

  it('every refusal has a message in English and Chinese with the field filled in', () => {
    for (const e of ['truncated', 'bad-base64', 'too-large', 'bomb', 'corrupt', 'bad-version', 'invalid-field:files.0.path'] as const) {
      const { code, params } = shareErrorMessage(e)
      const table: MessageTable = shareMessages
      expect(table[code], code).toBeDefined()
      for (const lang of ['en', 'zh'] as const) {
        const text = table[code][lang].replace(/\{(\w+)\}/g, (_, k: string) => params[k])
        expect(text).not.toMatch(/\{\w+\}/)
      }
    }
  })
})

const FROZEN_DICTIONARY_SHA256 = '5ae3f1e4b6b2181f87212cd5c7e4a4401af07f5d953d665960832bc0ce7df00c'
