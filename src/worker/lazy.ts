/**
 * The worker's parts the first canvas does not need (the shell and its commands, traces, the inspector's rule texts,
 * what-ifs, import and export) load on first use, or when the first compile has answered (loadTheRest), so the
 * worker's start evaluates only the compile and layout path. Each wrapper has the signature of the function it
 * stands for, made async.
 */
type Module<T> = () => Promise<T>
const once = <T>(load: Module<T>): Module<T> => {
  let p: Promise<T> | undefined
  return () => (p ??= load())
}
const run = once(() => import('./run'))
const transfer = once(() => import('./transfer'))
const inspect = once(() => import('./inspect'))

type Run = typeof import('./run')
type Transfer = typeof import('./transfer')
type Inspect = typeof import('./inspect')

export function loadTheRest(): void {
  void run()
  void transfer()
  void inspect()
}

export const runAt = async (...a: Parameters<Run['runAt']>) => (await run()).runAt(...a)
export const sendTargets = async (...a: Parameters<Run['sendTargets']>) => (await run()).sendTargets(...a)
export const completeLine = async (...a: Parameters<Run['completeLine']>) => (await run()).completeLine(...a)
export const resetSessions = async () => (await run()).resetSessions()
export const whatIfActionsAt = async (...a: Parameters<Transfer['whatIfActionsAt']>) => (await transfer()).whatIfActionsAt(...a)
export const applyWhatIfTo = async (...a: Parameters<Transfer['applyWhatIfTo']>) => (await transfer()).applyWhatIfTo(...a)
export const importText = async (...a: Parameters<Transfer['importText']>) => (await transfer()).importText(...a)
export const kindScriptOf = async (...a: Parameters<Transfer['kindScriptOf']>) => (await transfer()).kindScriptOf(...a)
export const inspectObject = async (...a: Parameters<Inspect['inspectObject']>) => (await inspect()).inspectObject(...a)
