import { base64urlnopad } from '@scure/base'
import { deflateSync, Inflate, strToU8 } from 'fflate'
import { DICTIONARY_V1 } from './dictionary'
import { LIMITS, LINK_LIMIT } from './limits'
import type { DecodeResult, ShareError, ShareState } from './types'
import { fromWire, toWire } from './wire'

/**
 * Share links: the state as version 1 JSON, deflated (raw DEFLATE, level 9, against the frozen preset dictionary),
 * base64url without padding, after `#s=` in the URL fragment, which browsers never send to a server.
 */
export const FRAGMENT_PREFIX = '#s='

/** The link payload (what follows `#s=`). */
export function encodeShare(state: ShareState): string {
  const json = strToU8(JSON.stringify(toWire(state)))
  return base64urlnopad.encode(deflateSync(json, { level: 9, dictionary: DICTIONARY_V1 }))
}

/** `#s=<payload>`, for `location.hash`. */
export function shareFragment(state: ShareState): string {
  return FRAGMENT_PREFIX + encodeShare(state)
}

/** Whether a location.hash is a share link at all (the app leaves other fragments alone). */
export function isShareFragment(hash: string): boolean {
  return hash.startsWith(FRAGMENT_PREFIX) || hash.startsWith('s=')
}

/**
 * A link payload (with or without `#s=`) back to the state, or why not. Untrusted input: the length is checked
 * before decoding, inflating stops the moment the output passes the limit, and every field is validated.
 */
export function decodeShare(fragment: string): DecodeResult {
  const payload = fragment.startsWith(FRAGMENT_PREFIX) ? fragment.slice(FRAGMENT_PREFIX.length)
    : fragment.startsWith('s=') ? fragment.slice(2) : fragment
  if (payload.length > LIMITS.fragmentChars) return fail('too-large')
  if (payload === '') return fail('truncated')
  if (!/^[A-Za-z0-9_-]*$/.test(payload)) return fail('bad-base64')
  let bytes: Uint8Array
  try {
    bytes = base64urlnopad.decode(payload)
  } catch {
    // Only the alphabet was checked: what fails now is the last quantum (one character over, or stray low bits),
    // which is how a link cut in the middle of a character group looks.
    return fail('truncated')
  }
  const inflated = inflateLimited(bytes, LIMITS.inflatedBytes)
  if (!inflated.ok) return inflated
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(inflated.bytes)
  } catch {
    return fail('corrupt')
  }
  return parseAndValidate(text, 'truncated')
}

/** The state as a `.kubehops.json` file: the same version 1 JSON, readable. */
export function encodeShareFile(state: ShareState): string {
  return JSON.stringify(toWire(state), null, 2) + '\n'
}

/** A `.kubehops.json` file's text back to the state, with the same limits and validation as a link. */
export function decodeShareFile(text: string): DecodeResult {
  if (text.length > LIMITS.fileChars) return fail('too-large')
  return parseAndValidate(text, 'corrupt')
}

/**
 * What the Share button offers: a link when it fits common URL limits, else the file (the issue's `.kubehops.json`),
 * or nothing when even the file could not be opened again (over the 2 MB limit).
 */
export type ShareOffer =
  | { kind: 'link'; fragment: string }
  | { kind: 'file'; name: string; text: string }
  | { kind: 'too-large' }

export function shareOffer(state: ShareState, baseLength = 0): ShareOffer {
  const wire = JSON.stringify(toWire(state))
  if (strToU8(wire).length > LIMITS.inflatedBytes) return { kind: 'too-large' }
  const fragment = shareFragment(state)
  if (baseLength + fragment.length <= LINK_LIMIT) return { kind: 'link', fragment }
  const name = `${state.scenario || 'scenario'}.kubehops.json`
  return { kind: 'file', name, text: encodeShareFile(state) }
}

function parseAndValidate(text: string, onSyntaxError: ShareError): DecodeResult {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    return fail(onSyntaxError)
  }
  return fromWire(data)
}

function fail(error: ShareError): DecodeResult {
  return { ok: false, error }
}

// Input is fed in slices this small so one slice can inflate to at most ~270 KB (DEFLATE's ratio is below 1032:1)
// before the running count is checked.
const SLICE = 256

/** Inflate with a running count of output bytes; refuse ('bomb') as soon as it passes `limit`. */
function inflateLimited(input: Uint8Array, limit: number): { ok: true; bytes: Uint8Array } | { ok: false; error: ShareError } {
  const chunks: Uint8Array[] = []
  let total = 0
  let over = false
  let ended = false
  const inflater = new Inflate({ dictionary: DICTIONARY_V1 }, (chunk, final) => {
    total += chunk.length
    if (total > limit) over = true
    else chunks.push(chunk)
    if (final) ended = true
  })
  try {
    for (let i = 0; i < input.length && !over; i += SLICE) {
      const end = Math.min(i + SLICE, input.length)
      inflater.push(input.subarray(i, end), end === input.length)
    }
    if (input.length === 0) inflater.push(new Uint8Array(0), true)
  } catch (e) {
    if (over) return fail('bomb') as { ok: false; error: ShareError }
    // fflate's FlateErrorCode.UnexpectedEOF (0): the stream stopped before its final block ended
    const code = (e as { code?: number }).code
    return { ok: false, error: code === 0 ? 'truncated' : 'corrupt' }
  }
  if (over) return { ok: false, error: 'bomb' }
  if (!ended) return { ok: false, error: 'truncated' }
  const bytes = new Uint8Array(total)
  let at = 0
  for (const c of chunks) { bytes.set(c, at); at += c.length }
  return { ok: true, bytes }
}
