import type { SourceFile } from '../engine/manifest/types'
import { applyWhatIf } from '../engine/whatif'
import type { WhatIfOp, WhatIfResult } from '../engine/whatif/types'
import { importManifests, type ImportResult } from '../engine/importer'
import { kindScript, type ExportScenario } from '../engine/export'
import { whatIfActions, type WhatIfAction } from '../app/whatif/actions'
import { sessionFor } from './run'

/**
 * The worker's side of what-if, import and export: each compiles or parses, so none of it runs on the main thread.
 * The menu's actions read the compiled cluster the run sessions already keep for these files.
 */
export function whatIfActionsAt(files: SourceFile[], id: string): WhatIfAction[] {
  return whatIfActions(sessionFor(files).compiled.cluster, id)
}

export function applyWhatIfTo(files: SourceFile[], op: WhatIfOp): WhatIfResult {
  return applyWhatIf(files, op)
}

export function importText(text: string, redactSecrets: boolean): ImportResult {
  return importManifests(text, { redactSecrets })
}

export function kindScriptOf(scenario: ExportScenario): string {
  return kindScript(scenario)
}
