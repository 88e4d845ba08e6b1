/**
 * nginx limit_req (ngx_http_limit_req_module, leaky bucket with `burst=B nodelay`): state per key is
 * `excess` (in 1/1000 requests) and `last` (ms). On a request:
 *   excess = max(0, excess - rate × elapsed_ms / 1000 + 1000); reject when excess > burst × 1000,
 * else store it. A new key starts at excess 0. Rejected requests leave the state unchanged.
 * rate is kept ×1000 like nginx: `10r/s` → 10000, `10r/m` → 166 (integer division).
 */
export interface LeakyBucket {
  excess: number
  last: number
}

export interface LimitReqZone {
  /** requests per second or per minute */
  rate: number
  per: 's' | 'm'
  burst: number
}

export function limitReq(zone: LimitReqZone, state: Map<string, LeakyBucket>, key: string, nowMs: number): { allowed: boolean; excess: number } {
  const rate = zone.per === 's' ? zone.rate * 1000 : Math.floor((zone.rate * 1000) / 60)
  const burst = zone.burst * 1000
  const node = state.get(key)
  if (!node) {
    state.set(key, { excess: 0, last: nowMs })
    return { allowed: true, excess: 0 }
  }
  let ms = nowMs - node.last
  if (ms < -60000) ms = 1
  else if (ms < 0) ms = 0
  let excess = node.excess - Math.trunc((rate * ms) / 1000) + 1000
  if (excess < 0) excess = 0
  if (excess > burst) return { allowed: false, excess }
  node.excess = excess
  if (ms) node.last = nowMs
  return { allowed: true, excess }
}
