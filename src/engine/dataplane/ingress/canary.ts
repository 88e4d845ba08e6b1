import type { Rng } from '../../core/rng'
import type { CanaryConfig } from './annotations'

export type CanaryRule = 'header-value' | 'header-pattern' | 'header-always' | 'header-never' | 'cookie-always' | 'cookie-never' | 'weight'

export interface CanaryDecision {
  canary: boolean
  /** Which rule decided. */
  by: CanaryRule
  /** For weight: the value math.random(weightTotal) drew and the total. */
  draw?: { value: number; weight: number; total: number }
  /** A canary-by-header-pattern that is not a valid regex (balancer.lua logs and keeps the mainline). */
  patternError?: boolean
}

/** nginx's $http_<name>: the request header, names compared case-insensitively with `-` and `_` equal. */
export function headerValue(headers: Record<string, string>, name: string): string | undefined {
  const want = name.toLowerCase().replace(/-/g, '_')
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase().replace(/-/g, '_') === want) return v
  return undefined
}

/** nginx's $cookie_<name>: the first cookie of that name in the Cookie header(s), names compared case-insensitively. */
export function cookieValue(headers: Record<string, string>, name: string): string | undefined {
  const raw = headerValue(headers, 'cookie')
  if (raw === undefined) return undefined
  for (const part of raw.split(';')) {
    const i = part.indexOf('=')
    if (i < 0) continue
    if (part.slice(0, i).trim().toLowerCase() === name.toLowerCase()) return part.slice(i + 1).trim()
  }
  return undefined
}

/**
 * balancer.lua route_to_alternative_balancer: header first (exact value, else pattern, else always/never), then the
 * cookie (always/never), then the weight: canary iff math.random(weightTotal) <= weight, weightTotal being
 * canary-weight-total when above 100, else 100. A header whose value does not match falls through to the cookie.
 */
export function decideCanary(policy: CanaryConfig, headers: Record<string, string>, rng: Rng): CanaryDecision {
  const header = policy.header ? headerValue(headers, policy.header) : undefined
  if (header !== undefined) {
    if (policy.headerValue) {
      if (policy.headerValue === header) return { canary: true, by: 'header-value' }
    } else if (policy.headerPattern) {
      let re: RegExp | undefined
      try {
        re = new RegExp(policy.headerPattern)
      } catch {
        return { canary: false, by: 'header-pattern', patternError: true }
      }
      if (re.test(header)) return { canary: true, by: 'header-pattern' }
    } else if (header === 'always') {
      return { canary: true, by: 'header-always' }
    } else if (header === 'never') {
      return { canary: false, by: 'header-never' }
    }
  }
  const cookie = policy.cookie ? cookieValue(headers, policy.cookie) : undefined
  if (cookie === 'always') return { canary: true, by: 'cookie-always' }
  if (cookie === 'never') return { canary: false, by: 'cookie-never' }
  const total = policy.weightTotal > 100 ? policy.weightTotal : 100
  // Lua math.random(m): an integer uniformly in [1, m]
  const value = 1 + rng.int(total)
  return { canary: value <= policy.weight, by: 'weight', draw: { value, weight: policy.weight, total } }
}
