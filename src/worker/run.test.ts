import { beforeEach, describe, expect, it } from 'vitest'
import { gallery } from '../scenarios/gallery.generated'
import { completeLine, HISTORY_LIMIT, resetSessions, runAt, sendTargets, whereFromId } from './run'

const scenario = (name: string) => gallery.find((g) => g.name === name)!.files

describe('whereFromId', () => {
  // shell/location.ts resolveWhere: node/NAME, client/NAME, router/NAME, pod/NS/NAME
  const cases: [string, string][] = [
    ['Pod/default/nginx-pod-1', 'pod/default/nginx-pod-1'],
    ['Node/node1', 'node/node1'],
    ['Client/workstation', 'client/workstation'],
    ['Router/router', 'router/router'],
  ]
  for (const [id, where] of cases) it(`${id} → ${where}`, () => expect(whereFromId(id)).toBe(where))
})

describe('runAt', () => {
  it('walks the tutorial\'s nc from an nginx pod: DNS hops, then the KUBE-SEP DNAT to mysql-pod', () => {
    const r = runAt({ files: scenario('service-basics'), where: 'Pod/default/nginx-pod-1', line: 'nc -zv mysql-service 3306', lang: 'en' })
    expect(r.exitCode).toBe(0)
    expect(r.stdout + r.stderr).toContain('succeeded')
    const hops = r.traces[0].hops
    expect(hops[0].stage).toBe('dns')
    const dnat = hops.find((h) => h.verdict === 'translated' && h.ruleContext?.includes('KUBE-SEP') && h.before.dstPort === 3306)
    expect(dnat?.rule).toMatch(/^-A KUBE-SEP-\w+ .*-j DNAT --to-destination 10\.244\.\d+\.\d+:3306/)
    expect(r.traces[0].outcome.pod).toBe('default/mysql-pod')
  })

  it('repeats a request on one simulation and summarizes where it went (canary weight 10)', () => {
    const r = runAt({ files: scenario('ingress-canary-weight'), where: 'Client/workstation', line: 'curl -s http://app.example.com', lang: 'en', repeat: 100 })
    expect(r.summary?.requests).toBe(100)
    const v2 = r.summary!.byService['default/app-v2-service'] ?? 0
    expect(v2).toBeGreaterThan(2)
    expect(v2).toBeLessThan(20)
  })

  it('a repeated send runs the whole line through the shell, pipes included (shell/repeat.ts, sh/index.ts runLine)', () => {
    const line = 'curl -s http://app.example.com | grep -o "Version [0-9]"'
    const r = runAt({ files: scenario('ingress-canary-weight'), where: 'Client/workstation', line, lang: 'en', repeat: 20 })
    expect(r.exitCode).toBe(0)
    expect(r.summary?.requests).toBe(20)
    expect(r.stdout).toContain('runs: 20, requests: 20')
  })

  it('reports an unknown machine as the shell does, in the chosen language', () => {
    const r = runAt({ files: scenario('service-basics'), where: 'Pod/default/nope', line: 'hostname', lang: 'zh' })
    expect(r.exitCode).toBe(1)
    expect(r.stderr).not.toBe('')
  })
})

describe('completion', () => {
  it('offers Service names in short, namespaced and FQDN form, and NodePorts', () => {
    const t = sendTargets(scenario('service-basics'))
    expect(t.services).toEqual(expect.arrayContaining(['mysql-service:3306', 'mysql-service.default:3306', 'mysql-service.default.svc.cluster.local:3306']))
    expect(t.nodePorts).toContain('192.168.100.21:30080')
  })
  it('completes command names first, then targets', () => {
    expect(completeLine(scenario('service-basics'), 'nsl')).toEqual(['nslookup'])
    expect(completeLine(scenario('service-basics'), 'nslookup mysql')).toContain('nslookup mysql-service')
  })
  it("uses the shell's completion at a machine, as whole lines", () => {
    expect(completeLine(scenario('service-basics'), 'nslookup mysql', 'Pod/default/nginx-pod-1')).toContain('nslookup mysql-service')
    expect(completeLine(scenario('service-basics'), 'nsl', 'Pod/default/nginx-pod-1')).toEqual(['nslookup'])
  })
  it('offers Ingress hosts', () => {
    expect(sendTargets(scenario('ingress-canary-weight')).ingressHosts).toContain('app.example.com')
  })
})

describe('the terminal shell', () => {
  it("runs the tutorial's canary loop as typed: about 90 × Version 1 and 10 × Version 2", () => {
    const line = 'for i in {1..100}; do curl -s http://app.example.com | grep -o "Version [0-9]"; done | sort | uniq -c'
    const r = runAt({ files: scenario('ingress-canary-weight'), where: 'Client/workstation', line, lang: 'en' })
    const m = /^ +(\d+) Version 1\n +(\d+) Version 2\n$/.exec(r.stdout)
    expect(m, r.stdout).not.toBeNull()
    expect(Number(m![1]) + Number(m![2])).toBe(100)
    expect(r.traces).toHaveLength(100)
  })
  it('keeps shell variables from one line to the next on the same machine', () => {
    const files = scenario('service-basics')
    runAt({ files, where: 'Node/node1', line: 'X=hello', lang: 'en' })
    expect(runAt({ files, where: 'Node/node1', line: 'echo $X', lang: 'en' }).stdout).toBe('hello\n')
  })
  it('says when a line needs more input', () => {
    expect(runAt({ files: scenario('service-basics'), where: 'Node/node1', line: 'for i in 1 2; do', lang: 'en' }).incomplete).toBe(true)
  })
  it('returns a kubectl edit of the scenario for the editor to apply', () => {
    const r = runAt({ files: scenario('service-basics'), where: 'Node/master', line: 'kubectl label pod nginx-pod-1 tier=web', lang: 'en' })
    expect(r.stdout).toContain('labeled')
    expect(r.scenarioEdit?.changed).toEqual(['nginx.yaml'])
    expect(r.scenarioEdit?.files.find((f) => f.path === 'nginx.yaml')?.text).toMatch(/tier: "?web/)
  })
})

describe('the history of runs per simulation (what a share link replays)', () => {
  beforeEach(() => resetSessions())
  const files = scenario('service-basics')
  // nginx-nodeport selects 3 nginx pods: kube-proxy's statistic-mode random draws spread them over the three
  const send = { files, where: 'Client/workstation', line: 'curl -s http://192.168.100.21:30080', lang: 'en' as const }

  it('three sends to a 3-endpoint Service: the third carries the first two, and replaying them reaches its endpoint', () => {
    const replies = [runAt(send), runAt(send), runAt(send)]
    expect(replies.map((r) => r.historyIndex)).toEqual([0, 1, 2])
    expect(replies[2].history).toEqual([{ where: 'Client/workstation', line: send.line }, { where: 'Client/workstation', line: send.line }])
    const pods = replies.map((r) => r.traces[0].outcome.pod)
    // the case only means something when the random stream moved the third request elsewhere than the first
    expect(pods[2]).not.toBe(pods[0])
    resetSessions()
    for (const h of replies[2].history!) runAt({ ...send, where: h.where, line: h.line, ...(h.repeat ? { repeat: h.repeat } : {}) })
    expect(runAt(send).traces[0].outcome.pod).toBe(pods[2])
  })

  it('a repeated send is one entry with its count; an unknown machine and an unfinished line are none', () => {
    runAt({ ...send, repeat: 5 })
    runAt({ ...send, where: 'Pod/default/nope' })
    runAt({ ...send, where: 'Node/node1', line: 'for i in 1 2; do' })
    const r = runAt(send)
    expect(r.historyIndex).toBe(1)
    expect(r.history).toEqual([{ where: 'Client/workstation', line: send.line, repeat: 5 }])
  })

  it('a kubectl edit makes new files, hence a new simulation whose history starts empty', () => {
    runAt(send)
    const edit = runAt({ files, where: 'Node/master', line: 'kubectl label pod nginx-pod-1 tier=web', lang: 'en' })
    expect(edit.scenarioEdit).toBeDefined()
    expect(edit.history).toBeUndefined()
    const after = runAt({ ...send, files: edit.scenarioEdit!.files })
    expect([after.historyIndex, after.history]).toEqual([0, []])
    // the old files' simulation kept its own history
    expect(runAt(send).history).toHaveLength(1)
  })

  it('trace k of a repeated send is where a single send lands after the first k (what share/build.ts replays)', () => {
    const traces = runAt({ ...send, repeat: 6 }).traces
    for (const k of [1, 2, 5]) {
      resetSessions()
      if (k > 1) runAt({ ...send, repeat: k })
      else runAt(send)
      expect(runAt(send).traces[0].outcome.pod, `trace ${k}`).toBe(traces[k].outcome.pod)
    }
  })

  it(`keeps the last ${HISTORY_LIMIT} runs: past that the history is shorter than the run's index`, () => {
    for (let i = 0; i < HISTORY_LIMIT + 4; i++) runAt({ ...send, where: 'Node/node1', line: `echo ${i}` })
    const r = runAt(send)
    expect(r.historyIndex).toBe(HISTORY_LIMIT + 4)
    expect(r.history).toHaveLength(HISTORY_LIMIT)
    expect(r.history![0].line).toBe('echo 4')
  })
})
