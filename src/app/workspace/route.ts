import type { GalleryScenario } from '../../scenarios/types'
import { scenarioNameFromLocation } from '../scenarioRoute'

/** What the address asks for at start or on a hash change. */
export type Route =
  | { kind: 'share'; hash: string }
  | { kind: 'scenario'; scenario: GalleryScenario }
  | { kind: 'none' }

/**
 * `#s=…` is a share link; `#scenario=NAME` or `?scenario=NAME` a gallery scenario (scenarioRoute.ts reads the name;
 * an unknown name is no route); anything else leaves the saved work on screen.
 */
export function routeOf(hash: string, search: string, gallery: GalleryScenario[]): Route {
  if (hash.startsWith('#s=')) return { kind: 'share', hash }
  const name = scenarioNameFromLocation(hash, search)
  const scenario = name ? gallery.find((s) => s.name === name) : undefined
  return scenario ? { kind: 'scenario', scenario } : { kind: 'none' }
}
