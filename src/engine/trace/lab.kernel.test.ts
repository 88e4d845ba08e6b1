import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { compileIptables } from '../dataplane/kubeproxy/iptables/compile'
import { renderNodeRestore } from '../dataplane/kubeproxy/iptables/render'
import { compileScenario } from '../scenario'
import { Simulation } from '../sim/simulation'
import { gallery } from '../../scenarios/gallery.generated'
import { makeCluster } from '../dataplane/kubeproxy/testing/fixture'
import { traceRequest } from './walk'

/**
 * A lab in real network namespaces (where the machine allows `ip netns`): node1 of service-basics with its rules
 * loaded by the real iptables-restore, an outside client on its eth0 and nginx-pod-2 behind its cni0 bridge. The
 * client opens connections to the NodePort 192.168.100.21:30080; the real kernel's conntrack says where each went
 * and which source it was masqueraded to. The walk must agree: DNAT only to the Service's endpoints, a local
 * endpoint sees cni0's address, a remote one the node's.
 */
const available = spawnSync('sh', ['-c', 'command -v ip && command -v iptables-restore && command -v conntrack && command -v nfacct && command -v python3 && ip netns list'], { encoding: 'utf8' }).status === 0

const LAB = String.raw`
set -e
S=$1; RULES=$2; OUT=$3; DST=$4; DPORT=$5; FROM=$6
N=khn$S; C=khc$S; P=khp$S
cleanup() { for n in $N $C $P; do ip netns del $n 2>/dev/null || true; done; }
trap cleanup EXIT
ip netns add $N; ip netns add $C; ip netns add $P
ip link add c$S type veth peer name n$S
ip link set c$S netns $C; ip link set n$S netns $N
ip -n $C addr add 192.168.100.10/24 dev c$S; ip -n $C link set c$S up; ip -n $C link set lo up
ip -n $C route add default via 192.168.100.21
ip -n $N link set n$S name eth0
ip -n $N addr add 192.168.100.21/24 dev eth0; ip -n $N link set eth0 up; ip -n $N link set lo up
ip -n $N link add cni0 type bridge; ip -n $N addr add 10.244.1.1/24 dev cni0; ip -n $N link set cni0 up
ip link add p$S type veth peer name v$S
ip link set p$S netns $P; ip link set v$S netns $N
ip -n $N link set v$S master cni0; ip -n $N link set v$S up
ip -n $P addr add 10.244.1.3/24 dev p$S; ip -n $P link set p$S up; ip -n $P link set lo up
ip -n $P route add default via 10.244.1.1
ip -n $N route add 10.244.2.0/24 via 192.168.100.22 dev eth0 onlink
ip -n $N route add default via 192.168.100.1 dev eth0 onlink
ip netns exec $N sysctl -qw net.ipv4.ip_forward=1
ip netns exec $N nfacct add localhost_nps_accepted_pkts >/dev/null
ip netns exec $N nfacct add ct_state_invalid_dropped_pkts >/dev/null
ip netns exec $N iptables-restore < $RULES
ip netns exec $P python3 -c "
import socket
s=socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR,1); s.bind(('0.0.0.0',80)); s.listen(64)
open('$OUT.ready','w').close()
while True:
  c,a=s.accept(); c.close()
" &
LISTENER=$!
for i in $(seq 1 100); do [ -e $OUT.ready ] && break; sleep 0.1; done
if [ "$FROM" = node ]; then FROM=$N; else FROM=$C; fi
ip netns exec $FROM python3 -c "
import socket
for i in range(12):
  s=socket.socket(); s.settimeout(1.0)
  try: s.connect(('$DST',$DPORT))
  except Exception: pass
  s.close()
"
ip netns exec $N conntrack -L > $OUT 2>/dev/null
kill $LISTENER 2>/dev/null || true
`

describe.skipIf(!available)('the walk agrees with a real kernel (network namespaces)', () => {
  it('NodePort 30080 on node1: DNAT targets and masquerade sources', () => {
    const compiled = compileScenario(gallery.find((g) => g.name === 'service-basics')!.files)
    const node1 = compiled.cluster.nodes.find((n) => n.name === 'node1')!
    const dir = mkdtempSync(join(tmpdir(), 'kube-hops-lab-'))
    writeFileSync(join(dir, 'rules'), renderNodeRestore(compileIptables(compiled.cluster, node1)))
    writeFileSync(join(dir, 'lab.sh'), LAB)
    const tag = String(process.pid % 100000)
    const run = spawnSync('bash', [join(dir, 'lab.sh'), tag, join(dir, 'rules'), join(dir, 'ct'), '192.168.100.21', '30080'], { encoding: 'utf8', timeout: 50_000 })
    expect(run.status, run.stderr).toBe(0)
    const lines = readFileSync(join(dir, 'ct'), 'utf8').split('\n').filter((l) => l.includes('dport=30080'))
    expect(lines.length).toBeGreaterThanOrEqual(3)
    // the reply tuple: src = the endpoint the kernel DNATed to, dst = the address the connection was masqueraded to
    const kernel = new Map<string, string>()
    for (const l of lines) {
      const m = /dport=30080 (?:\[UNREPLIED\] )?src=(\S+) dst=(\S+) sport=80/.exec(l)
      if (m) kernel.set(m[1], m[2])
    }
    // what the walk says for the same request, over several seeds
    const walk = new Map<string, string>()
    for (let seed = 1; seed <= 30; seed++) {
      const t = traceRequest(new Simulation(compiled, seed), { from: 'Client/workstation', protocol: 'TCP', host: '192.168.100.21', port: 30080 })
      const dnat = t.hops.find((h) => h.rule?.includes('-j DNAT'))!
      const masq = t.hops.find((h) => h.note.code === 'trace.nf.masquerade')!
      walk.set(dnat.after.dst, masq.after.src)
    }
    expect([...kernel.keys()].every((ep) => walk.has(ep))).toBe(true)
    for (const [ep, src] of kernel) expect(src, ep).toBe(walk.get(ep))
  }, 60_000)

  // xt_recent as kube-proxy uses it: node1 itself (OUTPUT) sent to a ClientIP-affinity Service's cluster IP sticks
  // to one endpoint, and is masqueraded (off-cluster source, "! -s 10.244.0.0/16 -j KUBE-MARK-MASQ")
  it('ClientIP affinity to a cluster IP from the node', () => {
    const cluster = makeCluster({
      pods: [
        { name: 'web-1', node: 'node1', ip: '10.244.1.3', labels: { app: 'web' } },
        { name: 'web-2', node: 'node2', ip: '10.244.2.2', labels: { app: 'web' } },
        { name: 'web-3', node: 'node2', ip: '10.244.2.3', labels: { app: 'web' } },
      ],
      services: [{ name: 'web', clusterIP: '10.96.0.50', selector: { app: 'web' }, ports: [{ name: 'http', port: 80 }], sessionAffinity: 'ClientIP' }],
    })
    const node1 = cluster.nodes.find((n) => n.name === 'node1')!
    const dir = mkdtempSync(join(tmpdir(), 'kube-hops-lab-'))
    writeFileSync(join(dir, 'rules'), renderNodeRestore(compileIptables(cluster, node1)))
    writeFileSync(join(dir, 'lab.sh'), LAB)
    const run = spawnSync('bash', [join(dir, 'lab.sh'), String((process.pid + 1) % 100000), join(dir, 'rules'), join(dir, 'ct'), '10.96.0.50', '80', 'node'], { encoding: 'utf8', timeout: 50_000 })
    expect(run.status, run.stderr).toBe(0)
    const replies = readFileSync(join(dir, 'ct'), 'utf8').split('\n').filter((l) => l.includes('dst=10.96.0.50'))
      .map((l) => /dport=80 (?:\[UNREPLIED\] )?src=(\S+) dst=(\S+) sport=80/.exec(l)).filter((m) => m !== null)
    expect(replies.length).toBeGreaterThanOrEqual(3)
    const kernelEndpoints = new Set(replies.map((m) => m![1]))
    expect(kernelEndpoints.size).toBe(1)

    const sim = new Simulation({ files: [], objects: [], cluster, diagnostics: [] }, 1)
    const walked = new Set<string>()
    for (let i = 0; i < 10; i++) {
      const t = traceRequest(sim, { from: 'Node/node1', protocol: 'TCP', host: '10.96.0.50', port: 80 })
      walked.add(t.hops.find((h) => h.rule?.includes('-j DNAT'))!.after.dst)
      // masqueraded like the kernel did: to cni0's address toward a local pod, to node1's toward a remote one
      const masq = t.hops.find((h) => h.note.code === 'trace.nf.masquerade')!
      const ep = t.hops.find((h) => h.rule?.includes('-j DNAT'))!.after.dst
      expect(masq.after.src).toBe(ep.startsWith('10.244.1.') ? '10.244.1.1' : '192.168.100.21')
      sim.clock.advance(10)
    }
    expect(walked.size).toBe(1)
    for (const m of replies) expect(m![2]).toBe(m![1].startsWith('10.244.1.') ? '10.244.1.1' : '192.168.100.21')
  }, 60_000)
})
