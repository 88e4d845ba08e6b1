import { describe, expect, it } from 'vitest'
import { compileScenario } from '../../../scenario'
import { resolveWhere } from '../../../shell/location'
import { runCommandLine } from '../../../shell/runner'
import { Simulation } from '../../../sim/simulation'
import { traceRequest } from '../../../trace/walk'
import { gallery } from '../../../../scenarios/gallery.generated'
import { makeCluster } from '../testing/fixture'
import { shellOn } from '../testing/shell'
import { expectGolden } from '../../../../../test/support/golden'
import { renderNftTransaction } from './render'
import { nftTable } from './state'

const files = (name: string) => gallery.find((g) => g.name === name)!.files

describe('nftables mode on the tutorial\'s Service labs (k/k pkg/proxy/nftables/proxier.go)', () => {
  const compiled = compileScenario(files('service-basics'), { modeOverride: 'nftables' })
  for (const node of compiled.cluster.nodes) {
    it(`${node.name}: golden nft list ruleset and kube-proxy's nft -f input`, () => {
      const sh = shellOn(compiled)
      expectGolden(new URL(`./testdata/service-basics.${node.name}.nft`, import.meta.url), sh.run(`node/${node.name}`, ['nft', 'list', 'ruleset']).stdout)
      expectGolden(new URL(`./testdata/service-basics.${node.name}.nft-input`, import.meta.url), renderNftTransaction(nftTable(sh.sim, node)))
    })
  }

  it('nft list prints the table with tabs, maps with one element per line, numgen vmaps and symbolic priorities', () => {
    const sh = shellOn(compiled)
    const out = sh.run('node/node1', ['nft', 'list', 'table', 'ip', 'kube-proxy']).stdout
    expect(out).toBe(sh.run('node/node1', ['nft', 'list', 'ruleset']).stdout)
    expect(out.startsWith('table ip kube-proxy {\n\tcomment "rules for kube-proxy"\n\tset cluster-ips {\n\t\ttype ipv4_addr\n\t\tcomment "Active ClusterIPs"\n')).toBe(true)
    expect(out).toContain('\tchain nat-prerouting {\n\t\ttype nat hook prerouting priority dstnat; policy accept;\n\t\tjump services\n\t}\n')
    expect(out).toContain('\tchain filter-prerouting {\n\t\ttype filter hook prerouting priority dstnat - 10; policy accept;\n')
    expect(out).toContain('\tchain filter-input {\n\t\ttype filter hook input priority -110; policy accept;\n')
    expect(out).toMatch(/\t\tnumgen random mod 3 vmap \{ 0 : goto endpoint-[A-Z2-7]{8}-default\/nginx-nodeport\/tcp\/http__10\.244\.1\.3\/80, 1 : goto endpoint-/)
    expect(out).toMatch(/\t\telements = \{ 10\.96\.0\.1 \. tcp \. 443 : goto service-[A-Z2-7]{8}-default\/kubernetes\/tcp\/https,\n\t\t\t     10\.96\./)
    // iptables holds nothing of kube-proxy's in this mode
    expect(sh.run('node/node1', ['iptables-save']).stdout).not.toContain('KUBE-SERVICES')
  })

  it('the tutorial\'s ConfigMap with mode: "nftables" gives the nft table and the map lookups in the trace', () => {
    const src = files('kube-proxy-ipvs').map((f) => ({ ...f, text: f.text.replaceAll('mode: "ipvs"', 'mode: "nftables"') }))
    const c = compileScenario(src)
    expect(c.cluster.kubeProxy.mode).toBe('nftables')
    const sh = shellOn(c)
    expect(sh.run('node/node1', ['nft', 'list', 'ruleset']).stdout).toMatch(/\t\telements = \{ tcp \. 30080 : goto external-[A-Z2-7]{8}-default\/nginx-nodeport\/tcp\/http \}/)
    const r = sh.run('client/workstation', ['curl', '-s', 'http://192.168.100.21:30080'])
    expect(r.exitCode).toBe(0)
    const hops = r.traces![0].hops
    expect(hops.find((h) => h.note.code === 'nft.map.hit')!.rule).toBe('ip daddr @nodeport-ips meta l4proto . th dport vmap @service-nodeports')
    const draw = hops.find((h) => h.note.code === 'nft.numgen')!
    expect(draw.draw?.description).toBe('numgen random mod 3')
    expect(r.traces![0].outcome.clientIPReason).toBe('outcome.clientip.masq.external')
  })

  it('no endpoints: the ClusterIP is rejected through @no-endpoint-services; a port the Service lacks by cluster-ips-check', () => {
    const cl = makeCluster({
      pods: [{ name: 'client', node: 'node1', ip: '10.244.1.20', labels: { app: 'client' } }],
      services: [{ name: 'empty', clusterIP: '10.96.0.60', selector: { app: 'none' }, ports: [{ port: 80, targetPort: 80 }] }],
    })
    cl.kubeProxy = { ...cl.kubeProxy, mode: 'nftables' }
    const sim = new Simulation({ files: [], objects: [], cluster: cl, diagnostics: [] }, 1)
    const t = traceRequest(sim, { from: 'Pod/default/client', protocol: 'TCP', host: '10.96.0.60', port: 80 })
    expect(t.outcome.result).toBe('rejected')
    expect(t.hops.some((h) => h.note.code === 'nft.noendpoints.reject' && h.rule === 'ip daddr . meta l4proto . th dport vmap @no-endpoint-services')).toBe(true)
    const other = traceRequest(sim, { from: 'Pod/default/client', protocol: 'TCP', host: '10.96.0.60', port: 81 })
    expect(other.outcome.result).toBe('rejected')
    expect(other.hops.at(-1)!.note.code).toBe('nft.clusterip.badport')
  })

  it('session affinity: update @affinity-… then ip saddr @affinity-… sends the client back to the same endpoint', () => {
    const cl = makeCluster({
      pods: [
        { name: 'web-a', node: 'node1', ip: '10.244.1.10', labels: { app: 'web' }, ports: [{ containerPort: 80 }] },
        { name: 'web-b', node: 'node2', ip: '10.244.2.10', labels: { app: 'web' }, ports: [{ containerPort: 80 }] },
        { name: 'client', node: 'node1', ip: '10.244.1.20', labels: { app: 'client' } },
      ],
      services: [{ name: 'web', clusterIP: '10.96.0.50', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 80 }], sessionAffinity: 'ClientIP', affinityTimeoutSeconds: 10800 }],
    })
    cl.kubeProxy = { ...cl.kubeProxy, mode: 'nftables' }
    const sim = new Simulation({ files: [], objects: [], cluster: cl, diagnostics: [] }, 3)
    const eps = new Set(Array.from({ length: 8 }, () => traceRequest(sim, { from: 'Pod/default/client', protocol: 'TCP', host: '10.96.0.50', port: 80 }).outcome.endpoint))
    expect(eps.size).toBe(1)
    const text = runCommandLine(sim, (resolveWhere(cl, 'node/node1') as { ok: true; where: never }).where, ['nft', 'list', 'ruleset'], {}).stdout
    expect(text).toMatch(/\tset affinity-[A-Z2-7]{8}-default\/web\/tcp\/__10\.244\.1\.10\/80 \{\n\t\ttype ipv4_addr\n\t\tsize 65535\n\t\tflags dynamic,timeout\n\t\ttimeout 3h\n\t\}/)
  })
})
