/**
 * The engine's only source of randomness: a seeded stream (mulberry32), so a scenario and a seed give the
 * same trace on every machine. Every random choice a real component makes (iptables `statistic`, IPVS,
 * canary weight, ECMP hashing, CoreDNS `loadbalance`) draws from one of these.
 */
export interface Rng {
  /** A float in [0, 1). */
  next(): number
  /** An integer in [0, n). */
  int(n: number): number
  /** The seed this stream was created with, for the record. */
  readonly seed: number
}

export function createRng(seed: number): Rng {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return { seed, next, int: (n: number) => Math.floor(next() * n) }
}

/** A stable 32-bit seed from a string (FNV-1a), for deriving per-object streams such as pod name suffixes. */
export function seedFrom(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}
