/**
 * Do two samples of categorical outcomes (the endpoint each connection reached: the engine's seeded draws, the
 * kernel's real ones) come from the same distribution? Pearson's chi-square test of homogeneity on the 2 x k table.
 */

/** Regularized upper incomplete gamma Q(a, x), by its series below a+1 and its continued fraction above. */
export function gammaQ(a: number, x: number): number {
  if (x <= 0) return 1
  if (x < a + 1) {
    let sum = 1 / a
    let term = sum
    for (let n = 1; n < 500; n++) {
      term *= x / (a + n)
      sum += term
      if (Math.abs(term) < Math.abs(sum) * 1e-15) break
    }
    return 1 - sum * Math.exp(-x + a * Math.log(x) - logGamma(a))
  }
  // Lentz's method for the continued fraction
  let b = x + 1 - a
  let c = 1 / 1e-300
  let d = 1 / b
  let h = d
  for (let i = 1; i < 500; i++) {
    const an = -i * (i - a)
    b += 2
    d = an * d + b
    if (Math.abs(d) < 1e-300) d = 1e-300
    c = b + an / c
    if (Math.abs(c) < 1e-300) c = 1e-300
    d = 1 / d
    const delta = d * c
    h *= delta
    if (Math.abs(delta - 1) < 1e-15) break
  }
  return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h
}

/** ln Γ(z) by the Lanczos approximation (g = 7, n = 9). */
export function logGamma(z: number): number {
  const g = 7
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7]
  if (z < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * z)) - logGamma(1 - z)
  const zz = z - 1
  let x = c[0]
  for (let i = 1; i < g + 2; i++) x += c[i] / (zz + i)
  const t = zz + g + 0.5
  return 0.5 * Math.log(2 * Math.PI) + (zz + 0.5) * Math.log(t) - t + Math.log(x)
}

export interface Homogeneity {
  statistic: number
  df: number
  /** The probability of a statistic at least this large when both samples share one distribution. */
  p: number
}

/** Chi-square homogeneity of two count tables keyed by category. Categories absent from both are ignored. */
export function chiSquareHomogeneity(a: Record<string, number>, b: Record<string, number>): Homogeneity {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => (a[k] ?? 0) + (b[k] ?? 0) > 0)
  const na = keys.reduce((s, k) => s + (a[k] ?? 0), 0)
  const nb = keys.reduce((s, k) => s + (b[k] ?? 0), 0)
  const n = na + nb
  let statistic = 0
  for (const k of keys) {
    const col = (a[k] ?? 0) + (b[k] ?? 0)
    for (const [obs, rowTotal] of [[a[k] ?? 0, na], [b[k] ?? 0, nb]] as const) {
      const expected = (rowTotal * col) / n
      if (expected > 0) statistic += (obs - expected) ** 2 / expected
    }
  }
  const df = Math.max(0, keys.length - 1)
  return { statistic, df, p: df === 0 ? 1 : gammaQ(df / 2, statistic / 2) }
}

/** Goodness of fit of one count table to the uniform distribution over its categories. */
export function chiSquareUniform(counts: Record<string, number>): Homogeneity {
  const values = Object.values(counts)
  const n = values.reduce((a, b) => a + b, 0)
  const expected = n / values.length
  const statistic = values.reduce((s, o) => s + (o - expected) ** 2 / expected, 0)
  const df = Math.max(0, values.length - 1)
  return { statistic, df, p: df === 0 ? 1 : gammaQ(df / 2, statistic / 2) }
}

export function countBy<T>(items: T[], key: (t: T) => string): Record<string, number> {
  const out: Record<string, number> = {}
  for (const it of items) out[key(it)] = (out[key(it)] ?? 0) + 1
  return out
}
