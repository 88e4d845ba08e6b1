import { describe, expect, it } from 'vitest'
import { parseRfc3339, rfc1123z, rfc3339, uidOf } from './meta'

// Expected strings as Go formats them (time.RFC3339 and time.RFC1123Z in UTC); instants checked against Date.UTC.
const instants: [number, string, string][] = [
  [Date.UTC(2026, 0, 1, 0, 0, 0), '2026-01-01T00:00:00Z', 'Thu, 01 Jan 2026 00:00:00 +0000'],
  [Date.UTC(2025, 11, 31, 23, 50, 0), '2025-12-31T23:50:00Z', 'Wed, 31 Dec 2025 23:50:00 +0000'],
  [Date.UTC(2024, 1, 29, 12, 3, 4), '2024-02-29T12:03:04Z', 'Thu, 29 Feb 2024 12:03:04 +0000'],
  [0, '1970-01-01T00:00:00Z', 'Thu, 01 Jan 1970 00:00:00 +0000'],
]

describe('timestamps without Date', () => {
  it.each(instants)('%d → %s', (ms, iso, rfc1123) => {
    expect(rfc3339(ms)).toBe(iso)
    expect(rfc1123z(ms)).toBe(rfc1123)
    expect(parseRfc3339(iso)).toBe(ms)
  })

  it('truncates to whole seconds as metav1.Time does', () => {
    expect(rfc3339(Date.UTC(2026, 0, 1) + 999)).toBe('2026-01-01T00:00:00Z')
  })

  it('uids are stable and UUID-shaped', () => {
    expect(uidOf('Pod/default/a')).toBe(uidOf('Pod/default/a'))
    expect(uidOf('Pod/default/a')).not.toBe(uidOf('Pod/default/b'))
    expect(uidOf('x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  })
})
