import { scenarioYamlFiles } from '../../engine/export/files'
import type { SourceFile } from '../../engine/manifest/types'
import { appStore } from '../store'
import { shownResult } from '../store/compileResult'
import { canvasSvg } from './svg'
import { svgToPng } from './png'
import { downloadBlob, downloadText, safeFileName } from './download'

const YAML_TYPE = 'application/yaml'

function scenarioName(): string {
  return safeFileName(appStore.getState().scenarioName || 'scenario')
}

/**
 * The scenario's files as one multi-document YAML text: each file headed by where it came from, the files separated
 * by `---` (a file that ends without a newline gets one, so the separator starts its own line).
 */
export function joinedYaml(name: string, files: SourceFile[]): string {
  return scenarioYamlFiles(name, files).map((f) => (f.text.endsWith('\n') ? f.text : `${f.text}\n`)).join('---\n')
}

/** The scenario as one multi-document YAML file. */
export function exportYamlOne(): string {
  const s = appStore.getState()
  const text = joinedYaml(s.scenarioName || 'scenario', s.files)
  const name = `${scenarioName()}.yaml`
  downloadText(name, text, YAML_TYPE)
  return name
}

/** One download per editor file, with the file's own name. */
export function exportYamlEach(): string[] {
  const s = appStore.getState()
  const files = scenarioYamlFiles(s.scenarioName || 'scenario', s.files)
  for (const f of files) downloadText(safeFileName(f.path, 'scenario.yaml'), f.text, YAML_TYPE)
  return files.map((f) => f.path)
}

function currentSvg() {
  const s = appStore.getState()
  const graph = shownResult(s).result?.graph
  if (!graph || graph.nodes.length === 0) return undefined
  return canvasSvg(graph, { positions: s.positions, theme: s.theme, title: `Kube Hops: ${s.scenarioName}` })
}

export function exportSvg(): string | undefined {
  const svg = currentSvg()
  if (!svg) return undefined
  const name = `${scenarioName()}.svg`
  downloadText(name, svg.svg, 'image/svg+xml')
  return name
}

export async function exportPng(): Promise<string | undefined> {
  const svg = currentSvg()
  if (!svg) return undefined
  const name = `${scenarioName()}.png`
  downloadBlob(name, await svgToPng(svg.svg, svg.width, svg.height))
  return name
}
