import { spawn } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { MAX_FILE_BYTES, type FileSystem } from './load'
import { runCli } from './run'

/** An in-memory file system: paths ending in / are folders. */
function memoryFs(files: Record<string, string>, stdin = ''): FileSystem {
  return {
    isDirectory: (p) => {
      if (files[p] !== undefined) return false
      const dir = p.endsWith('/') ? p : p + '/'
      if (Object.keys(files).some((f) => f.startsWith(dir))) return true
      throw new Error(`ENOENT: no such file or directory, stat '${p}'`)
    },
    listDirectory: (p) => Object.keys(files).filter((f) => f.startsWith(p.replace(/\/?$/, '/'))).map((f) => f.slice(p.replace(/\/?$/, '/').length)).filter((f) => !f.includes('/')),
    size: (p) => (files[p] ?? '').length,
    readFile: (p) => {
      if (files[p] === undefined) throw new Error(`ENOENT: no such file or directory, open '${p}'`)
      return files[p]
    },
    readStdin: () => stdin,
  }
}

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  labels: { app: a }\nspec:\n  containers:\n  - name: a\n    image: nginx:1.27\n'
const SVC = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: a\nspec:\n  selector: { app: a }\n  ports:\n  - port: 80\n'

describe('CLI usage errors exit 2', () => {
  const fs = memoryFs({})
  const cases: string[][] = [
    [],
    ['bogus'],
    ['--seed', 'x', 'check'],
    ['--mode', 'userspace', 'check'],
    ['--lang', 'fr', 'check'],
    ['--wat', 'check'],
    ['-f'],
    ['check', 'extra'],
    ['exec', 'default/a'],
    ['exec', 'default/a', '--'],
    ['exec', 'default/a', '--repeat', '0', '--', 'hostname'],
    ['exec', 'default/a', '--forever', '--', 'hostname'],
    ['--scenario', 'nope', 'check'],
    ['--scenario', 'service-basics', '-f', 'x.yaml', 'check'],
    ['-f', 'missing.yaml', 'check'],
  ]
  it.each(cases)('%j', (...argv) => {
    const out = runCli(argv, fs)
    expect(out.exitCode).toBe(2)
    expect(out.stdout).toBe('')
    expect(out.stderr).toMatch(/^error: .+\n\nUsage: npm run -s cli -- /)
  })

  it('speaks Chinese with --lang zh', () => {
    expect(runCli(['--lang', 'zh', 'bogus'], fs).stderr).toMatch(/^error: 未知命令“bogus”\n/)
  })

  it('--help prints the usage and exits 0', () => {
    expect(runCli(['--help'], fs)).toMatchObject({ exitCode: 0, stderr: '' })
  })
})

describe('CLI input', () => {
  it('reads a folder\'s *.yaml and *.yml in name order, skipping other files', () => {
    const fs = memoryFs({ 'lab/b.yml': SVC, 'lab/a.yaml': POD, 'lab/notes.txt': 'x: [' })
    const out = runCli(['-f', 'lab', 'kubectl', 'get', 'pods,svc', '-o', 'name'], fs)
    expect(out).toMatchObject({ exitCode: 0, stdout: 'pod/a\nservice/a\nservice/kubernetes\n' })
  })

  it('reads standard input for -f -', () => {
    expect(runCli(['-f', '-', 'kubectl', 'get', 'pods', '-o', 'name'], memoryFs({}, POD)).stdout).toBe('pod/a\n')
  })

  it('refuses a file over 5 MB with status 2', () => {
    const big = 'a'.repeat(MAX_FILE_BYTES + 1)
    const out = runCli(['-f', 'big.yaml', 'check'], memoryFs({ 'big.yaml': big }))
    expect(out.exitCode).toBe(2)
    expect(out.stderr).toMatch(/^error: big\.yaml is 5242881 bytes; the limit is 5242880 bytes per file\n/)
    expect(runCli(['-f', '-', 'check'], memoryFs({}, big)).exitCode).toBe(2)
  })

  it('runs the default gallery scenario without -f', () => {
    expect(runCli(['kubectl', 'get', 'svc', 'nginx-nodeport', '-o', 'name'], memoryFs({})).stdout).toBe('service/nginx-nodeport\n')
  })
})

describe('CLI commands', () => {
  it('check: findings on stdout, exit 1 on an error, 0 when clean, diagnostics as data with --json', () => {
    const bad = memoryFs({ 'x.yaml': 'kind: [\n' })
    const out = runCli(['-f', 'x.yaml', 'check'], bad)
    expect(out.exitCode).toBe(1)
    expect(out.stdout).toMatch(/^x\.yaml:\d+:\d+: error yaml\.syntax: YAML syntax error: /)
    expect(runCli(['-f', 'p.yaml', 'check'], memoryFs({ 'p.yaml': POD })).exitCode).toBe(0)
    const json = JSON.parse(runCli(['--lang', 'zh', '--json', '-f', 'x.yaml', 'check'], bad).stdout)
    expect(json[0]).toMatchObject({ code: 'yaml.syntax', severity: 'error' })
    expect(json[0].text).toMatch(/^YAML 语法错误/)
  })

  it('exec: an unknown WHERE is a clear error, exit 1', () => {
    const out = runCli(['exec', 'default/ghost', '--', 'hostname'], memoryFs({}))
    expect(out).toMatchObject({ exitCode: 1, stdout: '' })
    expect(out.stderr).toContain('There is no pod "default/ghost" in this scenario')
  })

  it('exec: the command\'s exit status and output pass through', () => {
    expect(runCli(['exec', 'nginx-pod-1', '--', 'hostname'], memoryFs({}))).toEqual({ stdout: 'nginx-pod-1\n', stderr: '', exitCode: 0 })
    expect(runCli(['exec', 'nginx-pod-1', '--', 'cat', '/x'], memoryFs({})).exitCode).toBe(1)
    expect(runCli(['--json', 'exec', 'nginx-pod-1', '--repeat', '3', '--', 'hostname'], memoryFs({})).stdout)
      .toBe('{\n  "runs": 3,\n  "byOutput": {\n    "nginx-pod-1\\n": 3\n  },\n  "exitCodes": {\n    "0": 3\n  }\n}\n')
  })

  // kubectl exec POD -- sh -c '…' runs a shell line in the container; the words arrive already split by the user's shell
  it.each([
    [['sh', '-c', 'curl -s http://nginx-nodeport | grep -c Hostname:'], { stdout: '1\n', stderr: '', exitCode: 0 }],
    [['bash', '-c', 'echo "$0 $X" && exit 3'], { stdout: 'sh \n', stderr: '', exitCode: 3 }],
    [['echo', 'a|b', '$HOME', "it's"], { stdout: "a|b $HOME it's\n", stderr: '', exitCode: 0 }],
    [['nope'], { stdout: '', stderr: 'bash: nope: command not found\n', exitCode: 127 }],
    // the CLI writes no files back: kubectl's verbs that edit the scenario refuse, as they did before
    [['kubectl', 'scale', '--replicas=2', 'deployment/x'], { stdout: '', stderr: 'error: this shell cannot change the scenario; run the command in the terminal\n', exitCode: 1 }],
  ])('exec -- %j', (argv, expected) => {
    expect(runCli(['exec', 'nginx-pod-1', '--', ...argv], memoryFs({}))).toEqual(expected)
  })

  it('exec --json: the command\'s data and its traces', () => {
    const out = JSON.parse(runCli(['--json', 'exec', 'nginx-pod-1', '--', 'curl', '-s', 'http://nginx-nodeport'], memoryFs({})).stdout)
    expect(out).toMatchObject({ outcome: { result: 'ok', service: 'default/nginx-nodeport' } })
  })

  it('is deterministic: the same input and seed give byte-identical output', () => {
    const argv = ['--seed', '7', 'kubectl', 'get', 'all', '-A', '-o', 'yaml']
    expect(runCli(argv, memoryFs({}))).toEqual(runCli(argv, memoryFs({})))
  })
})

describe('the CLI as a process', () => {
  // Spawned the way the brief documents it; the three runs go in parallel, with room for a loaded machine.
  function cli(args: string[], input?: string): Promise<{ status: number | null; stdout: string }> {
    return new Promise((done) => {
      const child = spawn('npx', ['tsx', 'src/cli/main.ts', ...args], { stdio: ['pipe', 'pipe', 'pipe'] })
      let stdout = ''
      child.stdout.on('data', (d) => { stdout += String(d) })
      child.stdin.end(input ?? '')
      child.on('close', (status) => done({ status, stdout }))
    })
  }

  it('npx tsx src/cli/main.ts prints kubectl\'s table and exits with the command\'s status', async () => {
    const [ok, usage, piped] = await Promise.all([cli(['kubectl', 'get', 'pods']), cli(['--nope']), cli(['-f', '-', 'check'], 'kind: [\n')])
    expect(ok.status).toBe(0)
    expect(ok.stdout.split('\n')[0]).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/)
    expect(usage.status).toBe(2)
    expect(piped.status).toBe(1)
    expect(piped.stdout).toMatch(/^<stdin>:\d+:\d+: error yaml\.syntax/)
  }, 300_000)
})
