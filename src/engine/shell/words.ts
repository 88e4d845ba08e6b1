/**
 * A command line split into words as a POSIX shell does it for simple commands: whitespace separates words,
 * single quotes keep everything literally, double quotes keep spaces (a backslash escapes `"`, `\`, `$` and `` ` ``),
 * a backslash outside quotes escapes the next character, an unquoted `|` starts the next command of a pipeline.
 * No expansion or redirections.
 */
export type SplitResult = { ok: true; words: string[] } | { ok: false; error: string }

export function splitWords(line: string): SplitResult {
  const r = splitPipeline(line)
  if (!r.ok) return r
  if (r.commands.length > 1) return { ok: false, error: "syntax error near unexpected token `|'" }
  return { ok: true, words: r.commands[0] ?? [] }
}

export type PipelineResult = { ok: true; commands: string[][] } | { ok: false; error: string }

/** A line with unquoted `|` separating commands, each split into words; `a | | b` and a dangling `|` are errors. */
export function splitPipeline(line: string): PipelineResult {
  const commands: string[][] = []
  let words: string[] = []
  let cur = ''
  let inWord = false
  const endCommand = (): boolean => {
    if (inWord) words.push(cur)
    cur = ''
    inWord = false
    if (words.length === 0) return false
    commands.push(words)
    words = []
    return true
  }
  for (let i = 0; i < line.length; i++) {
    const c = line[i]
    if (c === '|') {
      if (!endCommand()) return { ok: false, error: "syntax error near unexpected token `|'" }
      continue
    }
    if (c === "'") {
      const end = line.indexOf("'", i + 1)
      if (end < 0) return { ok: false, error: "unexpected EOF while looking for matching `''" }
      cur += line.slice(i + 1, end)
      inWord = true
      i = end
    } else if (c === '"') {
      let j = i + 1
      for (; j < line.length && line[j] !== '"'; j++) {
        if (line[j] === '\\' && j + 1 < line.length && '"\\$`'.includes(line[j + 1])) j++
        cur += line[j]
      }
      if (j >= line.length) return { ok: false, error: 'unexpected EOF while looking for matching `"\'' }
      inWord = true
      i = j
    } else if (c === '\\' && i + 1 < line.length) {
      cur += line[++i]
      inWord = true
    } else if (c === ' ' || c === '\t' || c === '\n') {
      if (inWord) words.push(cur)
      cur = ''
      inWord = false
    } else {
      cur += c
      inWord = true
    }
  }
  const hadPipe = commands.length > 0
  if (!endCommand() && hadPipe) return { ok: false, error: "syntax error near unexpected token `|'" }
  return { ok: true, commands }
}
