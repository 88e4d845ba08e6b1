import { describe, expect, it } from 'vitest'
import { gallery } from '../scenarios/gallery.generated'
import type { SourceFile } from '../engine/manifest/types'
import type { ProxyMode } from '../engine/cluster/types'
import { inspectObject, type Inspection } from './inspect'
import { setProxyMode } from './proxyMode'

const filesOf = (name: string, mode?: ProxyMode): SourceFile[] => {
  const files = gallery.find((s) => s.name === name)!.files
  return mode ? setProxyMode(files, mode) : files
}

function rulesText(r: Inspection): string {
  return 'rules' in r ? r.rules.map((b) => `$ ${b.command}\n${b.text}`).join('') : ''
}

describe('inspectObject: a Service\'s share of the node\'s kube-proxy rules', () => {
  // Each row: the mode, lines that must appear (the tools' own text), lines that belong to other Services and must not.
  const cases: { mode: ProxyMode; source: string; must: RegExp[]; mustNot: RegExp[] }[] = [
    {
      mode: 'iptables', source: 'proxier.go syncProxyRules: KUBE-SERVICES → KUBE-SVC → KUBE-SEP, KUBE-NODEPORTS → KUBE-EXT',
      must: [
        /^-A KUBE-SERVICES -d 10\.96\.0\.12\/32 -p tcp -m comment --comment "default\/nginx-nodeport:http cluster IP" -m tcp --dport 80 -j KUBE-SVC-\w{16}$/m,
        /^-A KUBE-SVC-\w{16} .*--probability 0\.33333333349 -j KUBE-SEP-\w{16}$/m,
        /^-A KUBE-NODEPORTS -p tcp -m comment --comment "default\/nginx-nodeport:http" -m tcp --dport 30080 -j KUBE-EXT-\w{16}$/m,
        /^-A KUBE-SEP-\w{16} -p tcp .* -j DNAT --to-destination 10\.244\.\d+\.\d+:80$/m,
        /^\*nat$/m, /^COMMIT$/m,
      ],
      mustNot: [/mysql-service/, /kube-dns/, /KUBE-POSTROUTING/],
    },
    {
      mode: 'ipvs', source: 'ipvs proxier: one virtual server per ClusterIP and NodePort address, ipsets KUBE-CLUSTER-IP / KUBE-NODE-PORT-TCP',
      must: [/^TCP {2}10\.96\.0\.12:80 rr$/m, /^ {2}-> 10\.244\.\d+\.\d+:80 +Masq +1 /m, /^add KUBE-CLUSTER-IP 10\.96\.0\.12,tcp:80$/m, /^add KUBE-NODE-PORT-TCP 30080$/m],
      mustNot: [/3306/, /:53 /, /10\.96\.0\.11/],
    },
    {
      mode: 'nftables', source: 'nftables proxier: service-/endpoint-/external- chains and the service-ips / service-nodeports maps',
      must: [
        /^\tchain service-\w{8}-default\/nginx-nodeport\/tcp\/http \{$/m,
        /^\tchain external-\w{8}-default\/nginx-nodeport\/tcp\/http \{$/m,
        /10\.96\.0\.12 \. tcp \. 80 : goto service-\w{8}-default\/nginx-nodeport\/tcp\/http/,
        /tcp \. 30080 : goto external-/,
      ],
      mustNot: [/mysql-service/, /kube-dns/, /chain nat-prerouting/],
    },
  ]
  for (const c of cases) {
    it(`${c.mode}: ${c.source}`, () => {
      const r = inspectObject({ files: filesOf('service-basics', c.mode), id: 'Service/default/nginx-nodeport' })
      expect(r.kind).toBe('service')
      if (r.kind !== 'service') return
      expect(r.mode).toBe(c.mode)
      expect(r.node).toBe('node1')
      expect(r.nodes).toEqual(['master', 'node1', 'node2'])
      const text = rulesText(r)
      for (const m of c.must) expect(text).toMatch(m)
      for (const m of c.mustNot) expect(text).not.toMatch(m)
    })
  }

  it('every line shown for the Service is a line of the node\'s own full listing (nothing is made up)', () => {
    for (const mode of ['iptables', 'ipvs', 'nftables'] as ProxyMode[]) {
      const files = filesOf('service-basics', mode)
      const svc = inspectObject({ files, id: 'Service/default/nginx-nodeport', node: 'node2' })
      const node = inspectObject({ files, id: 'Node/node2' })
      const full = new Set(rulesText(node).split('\n').map((l) => l.trim()))
      // ipset save's `add SET MEMBER` is the same member ipset list prints under the set's Members
      const lines = rulesText(svc).split('\n').filter((l) => l.trim() !== '' && !l.startsWith('$ '))
      expect(lines.length).toBeGreaterThan(3)
      for (const l of lines) {
        const member = /^add \S+ (.*)$/.exec(l)
        // nft wraps a set's elements several per line: compare element by element
        const pieces = member ? [member[1]] : l.includes(' : goto ') || /elements = \{/.test(l) ? l.replace(/^\s*elements = \{ /, '').replace(/ \}$/, '').split(', ').map((p) => p.trim()) : [l.trim()]
        for (const p of pieces) {
          if (/^(table ip kube-proxy|}|elements|# (Generated|Completed))/.test(p)) continue
          const inFull = full.has(p) || [...full].some((f) => f.includes(p))
          expect(inFull, `${mode}: ${p}`).toBe(true)
        }
      }
    }
  })

  it('externalTrafficPolicy Local: rules differ per node (KUBE-XLB/SVL only where endpoints run)', () => {
    // proxier.go: a node without local endpoints drops external traffic for an eTP=Local Service
    const files = filesOf('service-basics').map((f) => f.path === 'nginx.yaml'
      ? { ...f, text: f.text.replace('type: NodePort', 'type: NodePort\n  externalTrafficPolicy: Local') }
      : f)
    const texts = ['node1', 'node2', 'master'].map((node) => rulesText(inspectObject({ files, id: 'Service/default/nginx-nodeport', node })))
    expect(texts[0]).toMatch(/KUBE-SVL-/)
    expect(texts[2]).toMatch(/has no local endpoints" -j KUBE-MARK-DROP|has no local endpoints/)
    expect(new Set(texts).size).toBe(3)
  })
})

describe('inspectObject: DNS names, announcements, resolv.conf, nginx servers', () => {
  it('a ClusterIP Service: A to the ClusterIP, AAAA empty, SRV per named port (CoreDNS kubernetes plugin)', () => {
    const r = inspectObject({ files: filesOf('service-basics'), id: 'Service/default/mysql-service' })
    if (r.kind !== 'service') throw new Error(r.kind)
    expect(r.dns).toEqual([
      { role: 'service', name: 'mysql-service.default.svc.cluster.local.', type: 'A', rcode: 'NOERROR', records: ['mysql-service.default.svc.cluster.local. 30 IN A 10.96.0.11'] },
      { role: 'service', name: 'mysql-service.default.svc.cluster.local.', type: 'AAAA', rcode: 'NOERROR', records: [] },
      {
        role: 'port', name: '_mysql._tcp.mysql-service.default.svc.cluster.local.', type: 'SRV', rcode: 'NOERROR',
        records: ['_mysql._tcp.mysql-service.default.svc.cluster.local. 30 IN SRV 0 100 3306 mysql-service.default.svc.cluster.local.'],
      },
    ])
    expect(r.announcements).toEqual([])
  })

  it('a headless Service: one name per ready endpoint, each answering its pod IP (endpointHostname: dashed IP)', () => {
    const r = inspectObject({ files: filesOf('headless-web'), id: 'Service/default/web-headless' })
    if (r.kind !== 'service') throw new Error(r.kind)
    const endpoints = r.dns.filter((d) => d.role === 'endpoint')
    expect(endpoints.length).toBe(3)
    for (const e of endpoints) {
      const ip = /^(\d+-\d+-\d+-\d+)\.web-headless\.default\.svc\.cluster\.local\.$/.exec(e.name)![1].replaceAll('-', '.')
      expect(e.records).toEqual([`${e.name} 30 IN A ${ip}`])
    }
    // asked twice, the same answer order: the inspector's DNS questions do not share a moving random stream
    expect(inspectObject({ files: filesOf('headless-web'), id: 'Service/default/web-headless' })).toEqual(r)
  })

  it('MetalLB L2: the elected speaker and the candidates in election order', () => {
    const r = inspectObject({ files: filesOf('loadbalancer-metallb-l2'), id: 'Service/default/nginx-loadbalancer' })
    if (r.kind !== 'service') throw new Error(r.kind)
    const l2 = r.announcements.find((a) => a.mode === 'l2')
    expect(l2 && l2.mode === 'l2' && { ip: l2.ip, node: l2.node, first: l2.candidates[0], code: l2.reason.code }).toEqual({ ip: '192.168.100.100', node: 'node2', first: 'node2', code: 'metallb.l2.elected' })
  })

  it('MetalLB BGP: which nodes advertise, and the router paths per peer', () => {
    const r = inspectObject({ files: filesOf('loadbalancer-metallb-bgp'), id: 'Service/default/nginx-loadbalancer' })
    if (r.kind !== 'service') throw new Error(r.kind)
    const bgp = r.announcements.find((a) => a.mode === 'bgp')
    if (!bgp || bgp.mode !== 'bgp') throw new Error('no bgp')
    expect(bgp.nodes.find((n) => n.node === 'master')).toMatchObject({ advertises: false, reason: 'nodeLabeledExcludeBalancers' })
    expect(bgp.routes.map((p) => `${p.prefix} ${p.node} ${p.peer}`)).toContain('172.16.10.1/32 node1 edge')
  })

  it('a pod: resolv.conf as kubelet writes it for ClusterFirst (search with the namespace, kube-dns, ndots:5)', () => {
    const r = inspectObject({ files: filesOf('service-basics'), id: 'Pod/default/nginx-pod-1' })
    expect(r).toEqual({
      kind: 'pod', dnsPolicy: 'cluster',
      resolvConf: 'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n',
    })
  })

  it('an Ingress: the nginx servers its rules produced, as the controller renders them', () => {
    const r = inspectObject({ files: filesOf('ingress-host-routing'), id: 'Ingress/default/domain-ingress' })
    if (r.kind !== 'ingress') throw new Error(r.kind)
    expect(r.servers).toBe(2)
    expect(r.nginx).toMatch(/^## start server httpd\.example\.com$/m)
    expect(r.nginx).toMatch(/set \$service_name {3}"nginx-service";/)
    expect(r.nginx).not.toMatch(/## start server _$/m)
  })

  it('a Node: the full rule set by the mode\'s own commands', () => {
    const modes: [ProxyMode, string[], RegExp][] = [
      ['iptables', ['iptables-save'], /^-A KUBE-SERVICES .*mysql-service:mysql cluster IP/m],
      ['ipvs', ['ipvsadm -Ln', 'ipset list', 'iptables-save'], /^Name: KUBE-CLUSTER-IP$/m],
      ['nftables', ['nft list ruleset'], /^\tchain services \{$/m],
    ]
    for (const [mode, commands, line] of modes) {
      const r = inspectObject({ files: filesOf('service-basics', mode), id: 'Node/node1' })
      if (r.kind !== 'node') throw new Error(r.kind)
      expect(r.rules.map((b) => b.command)).toEqual(commands)
      expect(rulesText(r)).toMatch(line)
    }
  })

  it('an unknown object is none', () => {
    expect(inspectObject({ files: filesOf('service-basics'), id: 'Service/default/nope' })).toEqual({ kind: 'none' })
    expect(inspectObject({ files: filesOf('service-basics'), id: 'Client/workstation' })).toEqual({ kind: 'none' })
  })
})
