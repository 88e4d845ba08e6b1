/**
 * kubectl's AGE column: k8s.io/apimachinery/pkg/util/duration.HumanDuration, a succinct duration with 2–3
 * significant figures (`70s`, `3m10s`, `70m`, `3h2m`, `47h`, `2d1h`, `8d`, `2y1d`). Input in milliseconds.
 */
export function humanDuration(ms: number): string {
  const MINUTE = 60_000
  const HOUR = 60 * MINUTE
  // int(d.Seconds()) truncates toward zero; up to 2 s of clock skew reads as "0s".
  const seconds = Math.trunc(ms / 1000)
  if (seconds < -1) return '<invalid>'
  if (seconds < 0) return '0s'
  if (seconds < 60 * 2) return `${seconds}s`
  const minutes = Math.floor(ms / MINUTE)
  if (minutes < 10) {
    const s = Math.floor(ms / 1000) % 60
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`
  }
  if (minutes < 60 * 3) return `${minutes}m`
  const hours = Math.floor(ms / HOUR)
  if (hours < 8) {
    const m = minutes % 60
    return m === 0 ? `${hours}h` : `${hours}h${m}m`
  }
  if (hours < 48) return `${hours}h`
  if (hours < 24 * 8) {
    const h = hours % 24
    return h === 0 ? `${Math.floor(hours / 24)}d` : `${Math.floor(hours / 24)}d${h}h`
  }
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24)}d`
  if (hours < 24 * 365 * 8) {
    const dy = Math.floor(hours / 24) % 365
    const y = Math.floor(hours / 24 / 365)
    return dy === 0 ? `${y}y` : `${y}y${dy}d`
  }
  return `${Math.floor(hours / 24 / 365)}y`
}
