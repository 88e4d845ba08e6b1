import type { GalleryScenario } from '../scenarios/types'

/** The tutorial's first two labs open the playground, whatever order the gallery lists scenarios in. */
export const DEFAULT_SCENARIO = 'service-basics'

/** `#scenario=<name>` opens a gallery scenario (the e2e routes use it); anything else opens the default. */
export function scenarioFromLocation(hash: string, gallery: GalleryScenario[]): GalleryScenario {
  const name = new URLSearchParams(hash.replace(/^#/, '')).get('scenario')
  // Generated scenarios are not opened yet (see Toolbar's picker).
  return gallery.find((s) => s.name === name && !s.generator) ?? gallery.find((s) => s.name === DEFAULT_SCENARIO) ?? gallery[0]
}

export function scenarioHash(name: string): string {
  return `#scenario=${encodeURIComponent(name)}`
}
