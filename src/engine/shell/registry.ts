import type { Command } from './types'
import { vtysh } from '../dataplane/metallb/vtysh'

/**
 * Every command the shell knows, by name. Each command lives in its own file under shell/commands/ (or beside the
 * component it imitates) and is listed here once.
 */
const all: Command[] = [vtysh]

export const commands: ReadonlyMap<string, Command> = new Map(all.map((c) => [c.name, c]))
