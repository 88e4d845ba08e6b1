import type { SourceFile } from '../manifest/types'

/**
 * The scenario as YAML files to save (the editor's files, as written), each with the path it has in the editor and a
 * header naming where it came from. Pure: the app turns them into downloads.
 */
export function scenarioYamlFiles(name: string, files: SourceFile[]): SourceFile[] {
  return files.map((f) => ({
    path: f.path.endsWith('.yaml') || f.path.endsWith('.yml') ? f.path : `${f.path}.yaml`,
    text: f.text.startsWith(`# Kube Hops scenario`) ? f.text : `# Kube Hops scenario "${name}": ${f.path}\n${f.text}`,
  }))
}
