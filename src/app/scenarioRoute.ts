import type { GalleryScenario } from '../scenarios/types'

/** The tutorial's first two labs open the playground, whatever order the gallery lists scenarios in. */
export const DEFAULT_SCENARIO = 'service-basics'

/** The scenario a location names: `?scenario=<name>` (a link to a lab) or `#scenario=<name>` (the picker's own route). */
export function scenarioNameFromLocation(hash: string, search = ''): string | null {
  return new URLSearchParams(hash.replace(/^#/, '')).get('scenario') ?? new URLSearchParams(search).get('scenario')
}

/** The gallery scenario a location names; anything else opens the default. */
export function scenarioFromLocation(hash: string, gallery: GalleryScenario[], search = ''): GalleryScenario {
  const name = scenarioNameFromLocation(hash, search)
  return gallery.find((s) => s.name === name) ?? gallery.find((s) => s.name === DEFAULT_SCENARIO) ?? gallery[0]
}

export function scenarioHash(name: string): string {
  return `#scenario=${encodeURIComponent(name)}`
}
