import type { ProxyMode } from '../../engine/cluster/types'
import type { SourceFile } from '../../engine/manifest/types'
import { generatedFiles, validGenerator } from '../../scenarios/generators'
import { LIMITS } from './limits'
import type { DecodeResult, ShareRun, ShareState } from './types'

/**
 * The JSON a link or file carries (version 1). Compact keys are not worth it: deflate takes care of repetition.
 * A generated scenario's unchanged files travel as `{path, generated: true}` and are made again on arrival.
 */
export interface WireV1 {
  v: 1
  scenario: string
  generator?: { name: string; params: Record<string, number> }
  files: ({ path: string; text: string } | { path: string; generated: true })[]
  positions: Record<string, [number, number]>
  mode?: ProxyMode
  request?: { from: string; command: string }
  history?: ShareRun[]
  activeFile?: string
  seed: number
  hop: number
}

const MODES: readonly string[] = ['iptables', 'ipvs', 'nftables']
// A file name as the editor's tabs show it: letters, digits, dot, dash, underscore, in '/'-separated segments,
// none of them '.' or '..' (it never leaves the scenario, but a path that looks like one is a sign of mischief).
const PATH = /^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/
const SCENARIO = /^([a-z0-9][a-z0-9-]*)?$/
// C0 controls and DEL, except tab: nothing a terminal line or an object id legitimately holds.
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f]/

/** The state as it goes on the wire: -0 becomes 0 (JSON has no -0), generated files that were not edited shrink. */
export function toWire(state: ShareState): WireV1 {
  const generated = state.generator ? generatedFiles(state.generator) : []
  const wire: WireV1 = {
    v: 1,
    scenario: state.scenario,
    files: state.files.map((f) => (generated.some((g) => g.path === f.path && g.text === f.text)
      ? { path: f.path, generated: true as const }
      : { path: f.path, text: f.text })),
    positions: Object.fromEntries(Object.entries(state.positions).map(([id, p]) => [id, [p.x + 0, p.y + 0] as [number, number]])),
    seed: state.seed,
    hop: state.hop,
  }
  if (state.generator) wire.generator = { name: state.generator.name, params: { ...state.generator.params } }
  if (state.proxyMode) wire.mode = state.proxyMode
  if (state.request) wire.request = { from: state.request.from, command: state.request.command }
  if (state.history) wire.history = state.history.map((h) => ({ from: h.from, command: h.command, ...(h.repeat !== undefined ? { repeat: h.repeat } : {}) }))
  if (state.activeFile !== undefined) wire.activeFile = state.activeFile
  return wire
}

class Invalid {
  constructor(readonly path: string) {}
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

function only(obj: Record<string, unknown>, keys: string[], at: string): void {
  for (const k of Object.keys(obj)) if (!keys.includes(k)) throw new Invalid(at ? `${at}.${k}` : k)
}

function str(v: unknown, at: string, max: number, pattern?: RegExp): string {
  if (typeof v !== 'string' || v.length > max || (pattern && !pattern.test(v))) throw new Invalid(at)
  return v
}

function int(v: unknown, at: string, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) throw new Invalid(at)
  return v
}

/**
 * Untrusted JSON to a ShareState: every field's type, length, charset and range checked, unknown keys refused. The
 * texts are data: nothing here (or in the app that shows them) evaluates or inserts them as markup.
 */
export function fromWire(data: unknown): DecodeResult {
  if (!isRecord(data) || data.v !== 1) return { ok: false, error: 'bad-version' }
  try {
    return { ok: true, state: readV1(data) }
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, error: `invalid-field:${e.path}` }
    throw e
  }
}

function readV1(d: Record<string, unknown>): ShareState {
  only(d, ['v', 'scenario', 'generator', 'files', 'positions', 'mode', 'request', 'history', 'activeFile', 'seed', 'hop'], '')
  const state: ShareState = {
    scenario: str(d.scenario, 'scenario', LIMITS.scenarioChars, SCENARIO),
    files: [],
    positions: {},
    seed: int(d.seed, 'seed', 0, LIMITS.seed),
    hop: int(d.hop, 'hop', 0, LIMITS.hop),
  }

  let generated: SourceFile[] = []
  if (d.generator !== undefined) {
    const g = d.generator
    if (!isRecord(g)) throw new Invalid('generator')
    only(g, ['name', 'params'], 'generator')
    const name = str(g.name, 'generator.name', 64)
    if (!isRecord(g.params)) throw new Invalid('generator.params')
    const params: Record<string, number> = {}
    for (const [k, v] of Object.entries(g.params)) params[k] = int(v, `generator.params.${k}`, 0, Number.MAX_SAFE_INTEGER)
    if (!validGenerator({ name, params })) throw new Invalid('generator')
    state.generator = { name, params }
    generated = generatedFiles(state.generator)
  }

  if (!Array.isArray(d.files) || d.files.length > LIMITS.files) throw new Invalid('files')
  const seen = new Set<string>()
  d.files.forEach((f, i) => {
    const at = `files.${i}`
    if (!isRecord(f)) throw new Invalid(at)
    const path = str(f.path, `${at}.path`, LIMITS.pathChars, PATH)
    if (path.split('/').some((s) => s === '.' || s === '..')) throw new Invalid(`${at}.path`)
    if (seen.has(path)) throw new Invalid(`${at}.path`)
    seen.add(path)
    if ('generated' in f) {
      only(f, ['path', 'generated'], at)
      const made = generated.find((g) => g.path === path)
      if (f.generated !== true || !made) throw new Invalid(`${at}.generated`)
      state.files.push({ path, text: made.text })
    } else {
      only(f, ['path', 'text'], at)
      // the total is bounded by the inflate limit; a text is any string (YAML, comments, any language)
      state.files.push({ path, text: str(f.text, `${at}.text`, LIMITS.inflatedBytes) })
    }
  })

  if (!isRecord(d.positions)) throw new Invalid('positions')
  const entries = Object.entries(d.positions)
  if (entries.length > LIMITS.positions) throw new Invalid('positions')
  for (const [id, p] of entries) {
    const at = `positions.${id}`
    if (id === '' || id.length > LIMITS.objectIdChars || CONTROL.test(id)) throw new Invalid(at)
    if (!Array.isArray(p) || p.length !== 2) throw new Invalid(at)
    const [x, y] = p.map((c) => {
      if (typeof c !== 'number' || !Number.isFinite(c) || Math.abs(c) > LIMITS.coordinate) throw new Invalid(at)
      return c
    })
    // __proto__ and friends are only keys here: defineProperty, never the prototype setter
    Object.defineProperty(state.positions, id, { value: { x, y }, enumerable: true, writable: true, configurable: true })
  }

  if (d.mode !== undefined) {
    if (typeof d.mode !== 'string' || !MODES.includes(d.mode)) throw new Invalid('mode')
    state.proxyMode = d.mode as ProxyMode
  }
  if (d.request !== undefined) {
    const r = d.request
    if (!isRecord(r)) throw new Invalid('request')
    only(r, ['from', 'command'], 'request')
    const from = str(r.from, 'request.from', LIMITS.fromChars)
    const command = str(r.command, 'request.command', LIMITS.commandChars)
    if (from === '' || CONTROL.test(from)) throw new Invalid('request.from')
    if (CONTROL.test(command)) throw new Invalid('request.command')
    state.request = { from, command }
  }
  if (d.history !== undefined) {
    // replayed runs are only meaningful before a shown request
    if (!Array.isArray(d.history) || d.history.length > LIMITS.history || !state.request) throw new Invalid('history')
    state.history = d.history.map((h, i) => readRun(h, `history.${i}`))
  }
  if (d.activeFile !== undefined) {
    const path = str(d.activeFile, 'activeFile', LIMITS.pathChars)
    if (!state.files.some((f) => f.path === path)) throw new Invalid('activeFile')
    state.activeFile = path
  }
  return state
}

function readRun(h: unknown, at: string): ShareRun {
  if (!isRecord(h)) throw new Invalid(at)
  only(h, ['from', 'command', 'repeat'], at)
  const from = str(h.from, `${at}.from`, LIMITS.fromChars)
  const command = str(h.command, `${at}.command`, LIMITS.commandChars)
  if (from === '' || CONTROL.test(from)) throw new Invalid(`${at}.from`)
  if (CONTROL.test(command)) throw new Invalid(`${at}.command`)
  if (h.repeat === undefined) return { from, command }
  // a single run is written without a count (worker/run.ts records `repeat` only above 1)
  return { from, command, repeat: int(h.repeat, `${at}.repeat`, 2, LIMITS.repeat) }
}
