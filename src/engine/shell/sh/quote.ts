// bash(1) RESERVED WORDS (those made of letters; `!`, `{`, `}`, `[[`, `]]` are never left bare below)
const RESERVED = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'case', 'esac', 'while', 'until', 'for', 'in', 'select', 'function', 'time'])

/**
 * Words written as one sh line that reads back as exactly those words: each in single quotes (nothing is special
 * inside them), a quote itself as `'\''`. A plain word (letters, digits and `-_./:=@%+,`) is left bare so the line
 * stays readable; a first word with `=` or a reserved word is quoted too, or sh would read it as an assignment or
 * a keyword. This is how the CLI's `exec WHERE -- CMD ARGS…`, already split by the user's own shell, reaches the
 * playground's sh: `exec nginx-pod-1 -- sh -c 'curl -s web | grep Hostname'` runs as kubectl exec would.
 */
export function quoteWords(words: readonly string[]): string {
  const bare = (w: string, i: number) => /^[A-Za-z0-9_\-./:=@%+,]+$/.test(w) && !(i === 0 && (w.includes('=') || RESERVED.has(w)))
  return words.map((w, i) => (bare(w, i) ? w : `'${w.replace(/'/g, `'\\''`)}'`)).join(' ')
}
