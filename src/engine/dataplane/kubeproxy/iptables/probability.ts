/**
 * The probabilities of the `statistic` match, as kube-proxy writes them and as the kernel keeps them.
 */

const cache: string[] = []

// kube-proxy computeProbability: fmt.Sprintf("%0.10f", 1.0/float64(n)) (cached like precomputedProbabilities)
export function computeProbability(n: number): string {
  if (n < 4096) return (cache[n] ??= formatFixed(1 / n, 10))
  return formatFixed(1 / n, 10)
}

// libxt_statistic parse: info->u.random.probability = lround(0x80000000 * prob) (a u32 on a 2^31 scale)
export function kernelProbability(text: string): number {
  return Math.round(0x80000000 * Number(text))
}

// libxt_statistic save/print: "%.11f" of 1.0 * probability / 0x80000000
export function printedProbability(text: string): string {
  return formatFixed(kernelProbability(text) / 0x80000000, 11)
}

/**
 * Go's and glibc's %.Nf on a float64 in [0, 1]: the exact binary value rounded half to even. (Number#toFixed rounds
 * exact ties up, which differs for values such as 1/2048.)
 */
export function formatFixed(x: number, digits: number): string {
  const text = x.toFixed(digits)
  if (x <= 0 || x >= 1) return text
  // x = mantissa / 2^k exactly; scaled = x * 10^digits = mantissa * 10^digits / 2^k
  let k = 0
  let m = x
  while (!Number.isInteger(m) && k < 1100) { m *= 2; k++ }
  const den = 1n << BigInt(k)
  const num = BigInt(m) * 10n ** BigInt(digits)
  let q = num / den
  const r2 = (num % den) * 2n
  if (r2 > den || (r2 === den && q % 2n === 1n)) q += 1n
  const s = q.toString().padStart(digits + 1, '0')
  return `${s.slice(0, s.length - digits)}.${s.slice(s.length - digits)}`
}
