import type { Translate } from '../i18n/t'
import type { CanvasEdge } from './model'

// Apart from announce.ts, which runs the engine's MetalLB election in the worker: the canvas (initial JavaScript) only
// words the labels.
/**
 * The label of an announcement edge on the canvas. A Service's own edge says what it announces (`ARP 192.168.100.100`);
 * an edge from a group card (collapse.ts) stands for several Services' announcements: one address when they all
 * announce the same (shared IPs), else how many, in the reader's language.
 */
export function announceText(e: CanvasEdge, t: Translate): string | undefined {
  const labels = e.labels ?? (e.label !== undefined ? [e.label] : [])
  if (labels.length <= 1) return labels[0]
  // L2 edges run from a Service (or its group) to the winner's node box; BGP ones from the router, never grouped
  if (labels.every((l) => l.startsWith('ARP '))) return t('canvas.edge.arpMany', { first: labels[0].slice('ARP '.length), more: labels.length - 1 })
  return t('canvas.edge.announceMany', { count: labels.length })
}
