import { useEffect, useRef, useState } from 'react'
import { appStore, useApp } from '../store'
import { getCompiler } from '../compiler'
import { isGood } from '../store/compileResult'
import type { Inspection } from '../../worker/inspect'
import { useTrace } from '../trace/store'

export type InspectionState =
  | { status: 'loading'; previous?: Inspection }
  | { status: 'done'; inspection: Inspection }
  | { status: 'failed'; message: string }

/**
 * The worker's data-plane view of the selected object (inspect.ts), asked for lazily: only for this object, only once
 * a tab needs it (`enabled`), again when a newer good compile arrives, the node changes or a request ran. While the
 * YAML is broken the last answer stays (the canvas keeps its last good picture too). An answer to an older question
 * is dropped.
 */
export function useInspection(id: string, node: string | undefined, enabled = true): InspectionState {
  const current = useApp((s) => s.current)
  // a request the user ran moves counters the rules show (iptables-save's chain counters, ipvsadm's connections)
  const lastRun = useTrace((s) => s.runs.at(-1)?.id)
  const [state, setState] = useState<InspectionState>({ status: 'loading' })
  const asked = useRef(0)
  const lastId = useRef(id)
  const good = current !== undefined && isGood(current)

  useEffect(() => {
    if (!good || !enabled) return
    const compiler = getCompiler()
    if (!compiler) return
    const n = ++asked.current
    // the same object's previous answer stays visible while the new one is computed; another object's never does
    const sameObject = lastId.current === id
    lastId.current = id
    setState((s) => ({ status: 'loading', ...(sameObject && s.status === 'done' ? { previous: s.inspection } : {}) }))
    const files = appStore.getState().files
    compiler.inspect({ files, id, ...(node ? { node } : {}) }).then(
      (inspection) => { if (n === asked.current) setState({ status: 'done', inspection }) },
      (e: unknown) => { if (n === asked.current) setState({ status: 'failed', message: e instanceof Error ? e.message : String(e) }) },
    )
  }, [id, node, current, good, enabled, lastRun])

  return state
}
