import { describe, expect, it } from 'vitest'
import { simulationOf } from '../testing'
import { resolveWhere } from '../location'
import type { Location } from '../types'
import type { Simulation } from '../../sim/simulation'
import { createShellSession, runShellLine, type ShellSession } from './index'

function at(sim: Simulation, where: string): Location {
  const r = resolveWhere(sim.scenario.cluster, where)
  if (!r.ok) throw new Error(`no ${where}`)
  return r.where
}

/** A session on a scenario, and a function that runs lines in it at one place (default: the control-plane node). */
function shell(scenario: string | { path: string; text: string }[], where?: string): { session: ShellSession; sh: (line: string) => ReturnType<typeof runShellLine> } {
  const sim = simulationOf(scenario)
  const session = createShellSession(sim)
  const place = where ? at(sim, where) : { kind: 'node' as const, node: sim.scenario.cluster.nodes.find((n) => n.controlPlane) ?? sim.scenario.cluster.nodes[0] }
  let current: Location = place
  return {
    session,
    sh: (line) => {
      const r = runShellLine(session, current, line)
      current = r.where
      return r
    },
  }
}

/** The ingress-host-routing scenario without the client's hosts entries, so /etc/hosts starts as Debian's. */
function withoutClientHosts(): { path: string; text: string }[] {
  const sim = simulationOf('ingress-host-routing')
  return sim.scenario.files.map((f) => ({ path: f.path, text: f.text.replace(/\n\s*# the tutorial's `echo[^\n]*\n\s*hosts:\n(\s+[^\n]+: [^\n]+\n)+/, '\n') }))
}

describe("the tutorial's command lines, as typed", () => {
  it('canary by weight: 100 requests through grep | sort | uniq -c split about 90/10 (ingress-nginx canary-weight)', () => {
    const { sh } = shell('ingress-canary-weight', 'client/workstation')
    const r = sh('for i in {1..100}; do curl -s http://app.example.com | grep -o "Version [0-9]"; done | sort | uniq -c')
    expect(r.exitCode).toBe(0)
    const m = /^ {5}(\d\d) Version 1\n {6}(\d) Version 2\n$/.exec(r.output)
    expect(m, r.output).not.toBeNull()
    expect(Number(m![1]) + Number(m![2])).toBe(100)
    expect(Number(m![2])).toBeGreaterThanOrEqual(3)
    expect(Number(m![2])).toBeLessThanOrEqual(20)
    expect(r.traces).toHaveLength(100)
  })

  it("the NodePort loop: six requests, each with its banner and the pod's Hostname: line", () => {
    const { sh } = shell('service-basics')
    const r = sh('for i in {1..6}; do echo "=== Request $i ==="; curl -s http://192.168.100.21:30080 | grep "Hostname:"; echo ""; done')
    expect(r.exitCode).toBe(0)
    const blocks = r.output.split('\n\n').filter((b) => b !== '')
    expect(blocks).toHaveLength(6)
    blocks.forEach((b, i) => expect(b).toMatch(new RegExp(`^=== Request ${i + 1} ===\\n.*Hostname: nginx-pod-\\d`)))
    expect(r.traces).toHaveLength(6)
  })

  it('echo … >> /etc/hosts on the client, then curl resolves the Ingress host through it (nss files before DNS)', () => {
    const { sh } = shell(withoutClientHosts(), 'client/workstation')
    const before = sh('curl -s -o /dev/null -w "%{http_code}" http://nginx.example.com')
    expect(before.exitCode).toBe(6)
    expect(sh('echo "192.168.100.21 nginx.example.com httpd.example.com" >> /etc/hosts').exitCode).toBe(0)
    expect(sh('tail -n 1 /etc/hosts').output).toBe('192.168.100.21 nginx.example.com httpd.example.com\n')
    const after = sh('curl -s -o /dev/null -w "%{http_code}" http://nginx.example.com')
    expect(after.output).toBe('200')
  })

  it('kubectl run … --rm -it -- nslookup prints the answer (busybox) and `pod "test-dns" deleted`; the YAML is untouched', () => {
    const { sh } = shell('service-basics')
    const r = sh('kubectl run test-dns --image=busybox:1.36 --rm -it --restart=Never -- nslookup mysql-service')
    expect(r.output).toMatch(/Name:\s+mysql-service\.default\.svc\.cluster\.local\nAddress: 10\.96\.\d+\.\d+\n/)
    // busybox nslookup also tries the other search domains and exits 1 on their NXDOMAIN; kubectl's attach then
    // reports the container's failure after --rm deleted the pod
    expect(r.output.endsWith('pod "test-dns" deleted\npod default/test-dns terminated (Error)\n')).toBe(true)
    expect(r.exitCode).toBe(1)
    const fqdn = sh('kubectl run test-dns --image=busybox:1.36 --rm -it --restart=Never -- nslookup mysql-service.default.svc.cluster.local')
    expect(fqdn.output.endsWith('pod "test-dns" deleted\n')).toBe(true)
    expect(fqdn.exitCode).toBe(0)
    expect(r.scenarioEdit).toBeUndefined()
  })

  it('busybox wget -qO- through the same walk as curl', () => {
    const { sh } = shell('service-basics')
    const r = sh('kubectl run test --image=busybox:1.36 --rm -it --restart=Never -- wget -qO- nginx-nodeport | grep -c Hostname:')
    expect(r.output).toBe('1\n')
  })
})

describe('kubectl verbs that edit the scenario', () => {
  it('label --overwrite takes nginx-pod-1 out of the Service; the next command sees it; the edit carries the YAML', () => {
    const { sh } = shell('service-basics')
    const r = sh('kubectl label pod nginx-pod-1 app=other --overwrite && kubectl get endpoints nginx-nodeport')
    expect(r.exitCode).toBe(0)
    const lines = r.output.split('\n')
    expect(lines[0]).toBe('pod/nginx-pod-1 labeled')
    const endpoints = /nginx-nodeport\s+(\S+)/.exec(r.output)![1].split(',')
    expect(endpoints).toHaveLength(2)
    expect(r.scenarioEdit?.summary).toEqual(['pod/nginx-pod-1 labeled'])
    const file = r.scenarioEdit!.files.find((f) => r.scenarioEdit!.changed.includes(f.path))!
    expect(file.text).toMatch(/name: nginx-pod-1\n(.*\n)*?\s+app: "other"/)
  })

  it.each([
    ['kubectl label pod nginx-pod-1 app=other', "error: 'app' already has a value (nginx), and --overwrite is false\n", 1],
    ['kubectl label pod nginx-pod-1 app=nginx', 'pod/nginx-pod-1 not labeled\n', 0],
    ['kubectl label pod nope a=b', 'Error from server (NotFound): pods "nope" not found\n', 1],
    ['kubectl delete svc nginx-nodeport', 'service "nginx-nodeport" deleted\n', 0],
    ['kubectl delete pod nope', 'Error from server (NotFound): pods "nope" not found\n', 1],
    ['kubectl scale --replicas=2 deployment/nope', 'Error from server (NotFound): deployments.apps "nope" not found\n', 1],
    [`kubectl patch svc nginx-nodeport -p '{"spec":{"type":"ClusterIP"}}'`, 'service/nginx-nodeport patched\n', 0],
    [`kubectl patch svc nginx-nodeport -p '{"spec":{"type":"NodePort"}}'`, 'service/nginx-nodeport patched (no change)\n', 0],
    ['kubectl run x --image=busybox --rm -- true', "error: --rm should only be used for attached containers\nSee 'kubectl run -h' for help and examples\n", 1],
  ])('%s', (line, output, status) => {
    const { sh } = shell('service-basics')
    const r = sh(line)
    expect(r.output).toBe(output)
    expect(r.exitCode).toBe(status)
  })

  it("label node: a lab machine's labels in the Cluster document (the tutorial's ingress=true)", () => {
    const { sh } = shell('ingress-host-routing')
    const off = sh('kubectl label node node1 ingress-; kubectl get nodes --show-labels | grep -c ingress=true')
    expect(off.output).toBe('node/node1 unlabeled\n1\n')
    const on = sh('kubectl label node node1 ingress=true; kubectl get nodes --show-labels | grep -c ingress=true')
    expect(on.output).toBe('node/node1 labeled\n2\n')
    expect(on.scenarioEdit?.changed).toEqual(['cluster.yaml'])
  })

  // kubectl delete.go: -l and --all select by type (NotFound ignored), "No resources found" on stdout when nothing matched
  it.each([
    ['kubectl delete pod -l app=nginx; kubectl get pods -l app=nginx',
      'pod "nginx-pod-1" deleted\npod "nginx-pod-2" deleted\npod "nginx-pod-3" deleted\nNo resources found in default namespace.\n', 0],
    ['kubectl delete svc -l app=nope', 'No resources found\n', 0],
    ['kubectl delete svc --all -n kube-system', 'error: service "kube-dns" is not in the scenario\'s YAML (a controller or the playground\'s cluster makes it); delete or edit what makes it\n', 1],
    ['kubectl delete svc --all 2>/dev/null; kubectl get svc -o name', 'service "mysql-service" deleted\nservice "nginx-nodeport" deleted\nservice/kubernetes\n', 0],
    ['kubectl delete pod -l app=nginx --all', 'error: cannot set --all and --selector at the same time\n', 1],
    ['kubectl delete pod nginx-pod-1 -l app=nginx', 'error: name cannot be provided when a selector is specified\n', 1],
    ['kubectl delete pod nginx-pod-1 --all', 'error: name cannot be provided when a selector is specified\n', 1],
    ['kubectl delete pod/nginx-pod-1 -l app=nginx', 'error: selectors and the all flag cannot be used when passing resource/name arguments\n', 1],
    ['kubectl delete -l app=nginx', 'error: at least one resource must be specified to use a selector\n', 1],
    ['kubectl delete -f x.yaml svc', 'error: when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well\n', 1],
    ['kubectl delete pod -l "app in (nginx"', 'error: unable to parse requirement: found \'\', expected: \',\' or \')\'\n', 1],
    ['kubectl delete endpointslices -l kubernetes.io/service-name=mysql-service',
      'error: endpointslice.discovery.k8s.io "mysql-service-', 1],
  ])('%s', (line, output, status) => {
    const { sh } = shell('service-basics')
    const r = sh(line)
    if (status === 1 && output.endsWith('-')) expect(r.output.startsWith(output)).toBe(true)
    else expect(r.output).toBe(output)
    expect(r.exitCode).toBe(status)
  })

  it('kubectl delete -f FILE deletes the objects the file names', () => {
    const { sh } = shell('service-basics')
    const svc = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: mysql-service\n'
    const r = sh(`cat > svc.yaml <<EOF\n${svc}EOF\nkubectl delete -f svc.yaml; kubectl get svc mysql-service`)
    expect(r.output).toBe('service "mysql-service" deleted\nError from server (NotFound): services "mysql-service" not found\n')
  })

  it('delete then a request: the Service is gone for the next command of the same line', () => {
    const { sh } = shell('service-basics')
    const r = sh('kubectl delete svc mysql-service; kubectl get svc mysql-service')
    expect(r.output).toBe('service "mysql-service" deleted\nError from server (NotFound): services "mysql-service" not found\n')
    expect(r.scenarioEdit?.files.some((f) => f.text.includes('name: mysql-service\n'))).toBe(false)
  })

  it('cat > FILE <<EOF then kubectl apply -f FILE creates, re-applying is unchanged, a change configures', () => {
    const { sh } = shell('service-basics')
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web-pod-1\n  labels:\n    app: web\nspec:\n  containers:\n  - name: nginx\n    image: nginx:1.20\n'
    expect(sh(`cat > web-pods.yaml <<EOF\n${pod}EOF`).exitCode).toBe(0)
    const created = sh('kubectl apply -f web-pods.yaml')
    expect(created.output).toBe('pod/web-pod-1 created\n')
    expect(created.scenarioEdit?.files.find((f) => f.path === 'web-pods.yaml')?.text).toBe(pod)
    expect(sh('kubectl apply -f web-pods.yaml && kubectl get pod web-pod-1 -o name').output).toBe('pod/web-pod-1 unchanged\npod/web-pod-1\n')
    const changed = sh(`sed_free=1; cat <<'EOF' | kubectl apply -f -\n${pod.replace('app: web', 'app: web2')}EOF`)
    expect(changed.output).toBe('pod/web-pod-1 configured\n')
  })

  it('scale a Deployment through the what-if edit: deployment.apps/NAME scaled', () => {
    const { sh } = shell('ingress-canary-weight')
    const deploy = /deployment\.apps\/(\S+)/.exec(sh('kubectl get deploy -o name').output)
    if (!deploy) return
    const r = sh(`kubectl scale --replicas=4 deployment/${deploy[1]}`)
    expect(r.output).toBe(`deployment.apps/${deploy[1]} scaled\n`)
    expect(r.scenarioEdit?.changed.length).toBe(1)
  })
})

describe('shell semantics', () => {
  it.each([
    ['x=1; echo $x; echo "$x$x"', '1\n11\n'],
    ['false; echo $?; true && echo yes || echo no', '1\nyes\n'],
    ['false && echo a || echo b', 'b\n'],
    ['echo a; exit 3; echo b', 'a\n'],
    ['(exit 3)', 'sh: syntax not supported: subshells and function definitions ( ... )\n'],
    ['for i in 1 2 3; do if [ x = x ]; then :; fi; echo $i; done 2>/dev/null | wc -l', '3\n'],
    ['for i in 1 2 3 4; do echo $i; if true; then break; fi; done', '1\n'],
    ['echo $(echo a; echo b)', 'a b\n'],
    ['echo "$(seq 3)"', '1\n2\n3\n'],
    ['echo -n a; echo -e "b\\tc"', 'ab\tc\n'],
    ['echo err >&2 | wc -l', 'err\n0\n'],
    ['{ echo a; echo b >&2; } 2>&1 | sort -r', 'b\na\n'],
    ['nosuch 2>/dev/null; echo $?', '127\n'],
    ['printf "%s=%d\\n" a 1 b 2', 'a=1\nb=2\n'],
    ['seq 10 | head -3 | tail -n 1', '3\n'],
    ['printf "b 2\\na 10\\nc 1\\n" | sort -k2 -n', 'c 1\nb 2\na 10\n'],
    ['printf "a\\na\\nb\\n" | uniq -c', '      2 a\n      1 b\n'],
    ['echo "a:b:c" | cut -d: -f2,3', 'b:c\n'],
    ['echo "one two" | wc', '      1       2       8\n'],
    ['echo hello | tr a-z A-Z', 'HELLO\n'],
    ['echo a > /tmp/f; echo b >> /tmp/f; cat /tmp/f', 'a\nb\n'],
    ['cat < /nope; echo $?', 'sh: /nope: No such file or directory\n1\n'],
    ['echo {a,b}{1,2}', 'a1 a2 b1 b2\n'],
    ['sh -c "echo inner; exit 4"; echo $?', 'inner\n4\n'],
    ['for i in a b; do echo $i; done > /tmp/o; wc -l < /tmp/o', '2\n'],
    ['[ 1 -lt 2 ] && [ a != b ] && [ -n x ] && [ -z "" ] && test -f /etc/hosts && ! [ -e /nope ] && echo ok', 'ok\n'],
    ['[ a = b ]; echo $?; [ x -eq 1 ]; echo $?; [ a', '1\nsh: [: x: integer expression expected\n2\nsh: [: missing `]\'\n'],
    ['i=0; while [ $i -lt 3 ]; do i=$(echo $i | tr 012 123); echo -n $i; done', '123'],
    ['echo `date`', 'sh: syntax not supported: command substitution with backquotes (use $(...))\n'],
  ])('%s', (line, output) => {
    const { sh } = shell('service-basics')
    expect(sh(line).output).toEqual(output)
  })

  it('an endless loop stops at the command limit instead of hanging', () => {
    const { sh } = shell('service-basics')
    const r = sh('while true; do :; done')
    expect(r.output).toMatch(/^sh: stopped after \d+ commands/)
    expect(r.exitCode).toBe(1)
  })

  it('variables and $? carry to the next line; an incomplete line asks for more', () => {
    const { sh, session } = shell('service-basics')
    sh('name=web')
    expect(sh('echo $name').output).toBe('web\n')
    sh('false')
    expect(session.status).toBe(1)
    expect(sh('for i in 1 2; do').incomplete).toBe(true)
  })

  it('same scenario, same seed, same line: the same output', () => {
    const line = 'for i in {1..20}; do curl -s http://192.168.100.21:30080 | grep Hostname:; done | sort | uniq -c'
    expect(shell('service-basics').sh(line).output).toBe(shell('service-basics').sh(line).output)
  })
})
