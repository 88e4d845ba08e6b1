export { importManifests, type ImportOptions, type ImportResult, type ImportSummary, type LeftOut } from './import'
export { importerMessages } from './messages'
export { REDACTED_TEXT } from './redact'
