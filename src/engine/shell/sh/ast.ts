/**
 * The syntax tree of the shell subset (see README.md): POSIX sh's grammar for lists, and-or lists, pipelines,
 * simple commands, `for`, `while`/`until`, `if` and `{ …; }` groups, with redirections.
 */

/** One piece of a word. `quoted` parts are not brace-expanded or field-split (POSIX 2.6.5). */
export type Part =
  | { k: 'lit'; s: string; quoted: boolean }
  | { k: 'var'; name: string; quoted: boolean }
  | { k: 'sub'; list: List; quoted: boolean }

export interface Word {
  parts: Part[]
}

export type Redirect =
  /** `N> file`, `N>> file`, `N< file` */
  | { op: '>' | '>>' | '<'; fd: number; target: Word }
  /** `N>&M`: fd N becomes a copy of fd M */
  | { op: '>&'; fd: number; to: number }
  /** `<<EOF` / `<<-EOF`: the body, expanded unless the delimiter was quoted */
  | { op: '<<'; fd: number; body: Word }

export interface SimpleCommand {
  type: 'simple'
  assigns: { name: string; value: Word }[]
  words: Word[]
  redirects: Redirect[]
}

export interface ForCommand {
  type: 'for'
  name: string
  /** undefined: `for NAME; do` iterates over the positional parameters (none in this shell). */
  items: Word[] | undefined
  body: List
  redirects: Redirect[]
}

export interface WhileCommand {
  type: 'while'
  until: boolean
  cond: List
  body: List
  redirects: Redirect[]
}

export interface IfCommand {
  type: 'if'
  branches: { cond: List; body: List }[]
  otherwise?: List
  redirects: Redirect[]
}

export interface GroupCommand {
  type: 'group'
  body: List
  redirects: Redirect[]
}

export type Command = SimpleCommand | ForCommand | WhileCommand | IfCommand | GroupCommand

export interface Pipeline {
  negate: boolean
  commands: Command[]
}

export interface AndOr {
  first: Pipeline
  rest: { op: '&&' | '||'; pipeline: Pipeline }[]
}

export type List = AndOr[]
