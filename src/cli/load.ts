import type { SourceFile } from '../engine/manifest/types'
import type { UsageError } from './args'

/** What the loader may touch: the file system and standard input, injected so tests can give their own. */
export interface FileSystem {
  isDirectory(path: string): boolean
  listDirectory(path: string): string[]
  size(path: string): number
  readFile(path: string): string
  readStdin(): string
}

/** kubectl's -f takes big manifests, but the playground refuses more than this per file (a pasted dump, a bomb). */
export const MAX_FILE_BYTES = 5 * 1024 * 1024

const YAML_FILE = /\.ya?ml$/i

function utf8Length(text: string): number {
  let n = 0
  for (const ch of text) {
    const c = ch.codePointAt(0) as number
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4
  }
  return n
}

/** Every -f argument to source files: `-` is standard input, a folder its *.yaml and *.yml files sorted by name. */
export function loadSources(paths: string[], fs: FileSystem): { ok: true; files: SourceFile[] } | { ok: false; error: UsageError } {
  const files: SourceFile[] = []
  const tooLarge = (path: string, size: number) => ({
    ok: false as const,
    error: { code: 'shell.cli.fileTooLarge', params: { path, size: String(size), limit: String(MAX_FILE_BYTES) } },
  })
  const read = (path: string): { ok: true; file: SourceFile } | { ok: false; error: UsageError } => {
    try {
      const size = fs.size(path)
      if (size > MAX_FILE_BYTES) return tooLarge(path, size)
      return { ok: true, file: { path, text: fs.readFile(path) } }
    } catch (e) {
      return { ok: false, error: { code: 'shell.cli.unreadable', params: { path, detail: (e as Error).message } } }
    }
  }
  for (const path of paths) {
    if (path === '-') {
      const text = fs.readStdin()
      const size = utf8Length(text)
      if (size > MAX_FILE_BYTES) return tooLarge('<stdin>', size)
      files.push({ path: '<stdin>', text })
      continue
    }
    let isDir: boolean
    try {
      isDir = fs.isDirectory(path)
    } catch (e) {
      return { ok: false, error: { code: 'shell.cli.unreadable', params: { path, detail: (e as Error).message } } }
    }
    if (!isDir) {
      const r = read(path)
      if (!r.ok) return r
      files.push(r.file)
      continue
    }
    const names = fs.listDirectory(path).filter((n) => YAML_FILE.test(n)).sort()
    if (names.length === 0) return { ok: false, error: { code: 'shell.cli.noYaml', params: { path } } }
    for (const name of names) {
      const r = read(path.endsWith('/') ? path + name : `${path}/${name}`)
      if (!r.ok) return r
      files.push(r.file)
    }
  }
  return { ok: true, files }
}
