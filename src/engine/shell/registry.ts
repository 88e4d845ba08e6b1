import type { Command } from './types'

/**
 * Every command the shell knows, by name. Each command lives in its own file under shell/commands/ (or beside the
 * component it imitates) and is listed here once.
 */
const all: Command[] = []

export const commands: ReadonlyMap<string, Command> = new Map(all.map((c) => [c.name, c]))
