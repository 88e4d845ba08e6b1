import type { Remote } from 'comlink'
import type { CompilerApi } from '../worker/protocol'

let compiler: Remote<CompilerApi> | undefined

/** The page's compiler worker, registered once at start-up (main.tsx) for components that ask it for edits. */
export function registerCompiler(api: Remote<CompilerApi>): void {
  compiler = api
}

export function getCompiler(): Remote<CompilerApi> | undefined {
  return compiler
}
