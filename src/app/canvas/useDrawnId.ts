import type { ObjectId } from '../../engine/core/ids'
import { useApp } from '../store'
import { shownResult } from '../store/compileResult'
import { drawnIdOf } from './drawn'

/**
 * The canvas card that shows an object: itself, or the group card a large scenario draws it in (so a trace hop at a
 * collapsed pod points at its group).
 */
export function useDrawnId(id: ObjectId): ObjectId
export function useDrawnId(id: ObjectId | undefined): ObjectId | undefined
export function useDrawnId(id: ObjectId | undefined): ObjectId | undefined {
  return useApp((s) => (id === undefined ? undefined : drawnIdOf(shownResult(s).result?.graph, id)))
}
