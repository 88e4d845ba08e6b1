/** Whether the user asked the system for less motion: steps then jump instead of gliding. */
export function prefersReducedMotion(): boolean {
  return typeof window !== 'undefined' && !!window.matchMedia?.('(prefers-reduced-motion: reduce)').matches
}

/** How long one hop lasts while playing, at a speed multiplier. */
export function hopDurationMs(speed: number): number {
  return Math.round(900 / speed)
}
