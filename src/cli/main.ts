import { readdirSync, readFileSync, statSync } from 'node:fs'
import { runCli } from './run'

/** The Node entry: real arguments, real files, real standard streams. Everything else is in run.ts. */
const out = runCli(process.argv.slice(2), {
  isDirectory: (p) => statSync(p).isDirectory(),
  listDirectory: (p) => readdirSync(p),
  size: (p) => statSync(p).size,
  readFile: (p) => readFileSync(p, 'utf8'),
  readStdin: () => readFileSync(0, 'utf8'),
})
process.stdout.write(out.stdout)
process.stderr.write(out.stderr)
process.exitCode = out.exitCode
