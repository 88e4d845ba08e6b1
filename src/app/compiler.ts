import type { CompilerApi } from '../worker/protocol'

let compiler: CompilerApi | undefined

/** The page's compiler worker, registered once at start-up (main.tsx) for components that ask it for edits. */
export function registerCompiler(api: CompilerApi): void {
  compiler = api
}

export function getCompiler(): CompilerApi | undefined {
  return compiler
}
