import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { gallery } from '../../scenarios/gallery.generated'
import { scenarioFiles } from '../../scenarios/generators'
import { compileScenario } from '../scenario'
import { scenarioYamlFiles } from './files'
import { applyWhatIf } from '../whatif/apply'
import { applicableFiles, heredocDelimiter, INGRESS_NGINX_VERSION, kindScript, METALLB_VERSION, shellQuote } from './kind'

const entry = (name: string) => gallery.find((g) => g.name === name)!
const scriptOf = (name: string) => {
  const g = entry(name)
  return kindScript({ name: g.name, files: scenarioFiles(g), requests: g.requests })
}

function bashSyntax(script: string): { status: number | null; stderr: string } {
  const r = spawnSync('bash', ['-n'], { input: script, encoding: 'utf8' })
  return { status: r.status, stderr: r.stderr }
}

describe('kindScript: a kind cluster shaped like the scenario', () => {
  // [scenario, control planes, workers, kube-proxy mode, ingress manifest (provider) or none, MetalLB]
  const cases: [string, number, number, string, string | undefined, boolean][] = [
    ['service-basics', 1, 2, 'iptables', undefined, false],
    ['kube-proxy-ipvs', 1, 2, 'ipvs', undefined, false],
    ['loadbalancer-metallb-l2', 1, 2, 'iptables', undefined, true],
    ['loadbalancer-metallb-bgp', 1, 2, 'iptables', undefined, true],
    ['ingress-host-routing', 1, 2, 'iptables', 'kind', false],
    ['ingress-controller-nodeport', 1, 2, 'iptables', 'baremetal', false],
    ['ingress-controller-loadbalancer', 1, 2, 'iptables', 'cloud', true],
  ]
  for (const [name, cps, workers, mode, provider, metallb] of cases) {
    it(`${name}: ${cps} control plane + ${workers} workers, kube-proxy ${mode}, ${provider ? `ingress-nginx (${provider})` : 'no ingress-nginx'}${metallb ? ', MetalLB' : ''}; valid bash`, () => {
      const script = scriptOf(name)
      expect(bashSyntax(script)).toEqual({ status: 0, stderr: '' })
      expect(script.match(/^- role: control-plane/gm)).toHaveLength(cps)
      expect(script.match(/^- role: worker/gm)).toHaveLength(workers)
      expect(script).toContain(`  kubeProxyMode: "${mode}"\n`)
      expect(script).toContain('  podSubnet: "10.244.0.0/16"\n  serviceSubnet: "10.96.0.0/12"\n')
      const ingressUrl = `https://raw.githubusercontent.com/kubernetes/ingress-nginx/${INGRESS_NGINX_VERSION}/deploy/static/provider/${provider}/deploy.yaml`
      if (provider) expect(script).toContain(`kubectl apply -f ${ingressUrl}\n`)
      else expect(script).not.toContain('ingress-nginx/')
      expect(script.includes(`metallb/metallb/${METALLB_VERSION}/config/manifests/metallb-native.yaml`)).toBe(metallb)
      // every suggested request is run, from where it belongs
      for (const r of entry(name).requests) {
        if (r.from.startsWith('router/')) expect(script).toContain(`echo ${shellQuote(`--- ${r.from} $ ${r.command}`)}`.slice(0, -1))
        else expect(script).toContain(`echo ${shellQuote(r.command)} | lan`)
      }
      // every applicable manifest is in a heredoc, whole
      for (const f of applicableFiles(entry(name).files)) expect(script).toContain(`# ${f.path}\nlan <<'KUBE_HOPS_EOF' | kubectl apply -f -\n${f.text.replace(/\n$/, '')}\nKUBE_HOPS_EOF\n`)
    })
  }

  it('leaves out what kubectl cannot apply on kind: the playground\'s Cluster kind, KubeProxyConfiguration, the kube-proxy ConfigMap', () => {
    const ipvs = applicableFiles(entry('kube-proxy-ipvs').files)
    expect(ipvs.map((f) => f.path)).toEqual(['mysql.yaml', 'nginx.yaml'])
    const ingress = applicableFiles(entry('ingress-host-routing').files).map((f) => f.text).join('\n')
    expect(ingress).not.toContain('kube-hops.dev/v1alpha1')
    // what is kept compiles to the same user objects
    const kept = compileScenario(applicableFiles(entry('service-basics').files)).cluster.pods.filter((p) => !p.system).map((p) => p.name)
    expect(kept).toEqual(compileScenario(entry('service-basics').files).cluster.pods.filter((p) => !p.system).map((p) => p.name))
  })

  it('requests run as kubectl exec in pods, from a workstation pod with its hosts, and in the kind node for node requests', () => {
    const script = scriptOf('service-basics')
    expect(script).toContain(`kubectl exec -n default nginx-pod-1 -- sh -c "$(echo 'nc -zv mysql-service 3306' | lan)" || true`)
    expect(script).toContain(`kubectl exec kube-hops-workstation -- sh -c "$(echo 'curl -s http://192.168.100.21:30080' | lan)" || true`)
    expect(script).toContain(`docker exec kube-hops-service-basics-worker sh -c "$(echo 'iptables -t nat -L KUBE-SERVICES -n' | lan)" || true`)
    const ingress = scriptOf('ingress-host-routing')
    expect(ingress).toContain('  hostAliases:\n  - ip: "$(echo 192.168.100.21 | lan)"\n    hostnames: ["nginx.example.com"]\n')
    expect(ingress).toContain('    ingress-ready: "true"\n')
  })

  it('a text with a line equal to the heredoc delimiter gets another one; quotes in commands survive', () => {
    expect(heredocDelimiter(['a\nKUBE_HOPS_EOF\nb', 'KUBE_HOPS_EOF_1'])).toBe('KUBE_HOPS_EOF_2')
    expect(heredocDelimiter(['  KUBE_HOPS_EOF'])).toBe('KUBE_HOPS_EOF') // bash matches the whole line only
    const files = [{ path: 'a.yaml', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n' }]
    const script = kindScript({ name: 'odd', files, requests: [{ from: 'client/workstation', command: `curl -H "X-It's: 1" http://x` }] })
    expect(script).toContain(`echo 'curl -H "X-It'\\''s: 1" http://x' | lan`)
    expect(bashSyntax(script).status).toBe(0)
    expect(shellQuote(`it's`)).toBe(`'it'\\''s'`)
  })

  // A powered-off node keeps its pods, which stop serving: on kind, `docker stop` of the node's container once they are
  // up (the node lifecycle controller then sets Ready=Unknown and marks them not ready); the control plane stays up.
  const powered: [string, string, string[], string[]][] = [
    ['nothing powered off', 'service-basics', [], []],
    ['node2 (a worker)', 'service-basics', ['node2'], ['kube-hops-service-basics-worker2']],
    ['node1 and node2', 'loadbalancer-metallb-bgp', ['node1', 'node2'], ['kube-hops-loadbalancer-metallb-bgp-worker', 'kube-hops-loadbalancer-metallb-bgp-worker2']],
    ['master (the control plane): left running', 'service-basics', ['master'], []],
  ]
  it.each(powered)('power off: %s', (_label, name, off, stopped) => {
    let files = scenarioFiles(entry(name))
    for (const node of off) {
      const r = applyWhatIf(files, { op: 'powerOff', node })
      if ('error' in r) throw new Error(JSON.stringify(r))
      files = r.files
    }
    const script = kindScript({ name, files, requests: entry(name).requests })
    expect(bashSyntax(script)).toEqual({ status: 0, stderr: '' })
    expect([...script.matchAll(/^docker stop (\S+) {3}# (\S+) is powered off in the scenario$/gm)].map((m) => m[1])).toEqual(stopped)
    for (const node of stopped) {
      const stop = script.indexOf(`docker stop ${node}`)
      // after the scenario's pods are up, before the requests
      expect(stop).toBeGreaterThan(script.indexOf('kubectl wait --for=condition=Ready pod --all -A'))
      expect(stop).toBeLessThan(script.indexOf('# 4. The suggested requests'))
      expect(script).toContain(`docker stop ${node}   # `)
      expect(script.slice(stop)).toMatch(new RegExp(`^docker stop ${node} .*\\nkubectl wait --for=condition=Ready=Unknown node/${node} --timeout=180s \\|\\| true\\n`))
    }
    expect(script.includes('# 3b. Powered off in the scenario.')).toBe(off.length > 0)
    if (off.includes('master')) expect(script).toContain("# master (kube-hops-service-basics-control-plane) is powered off in the scenario but stays up here: kind's API server runs on it.")
  })

  it('a generated scenario exports like any other (the scale generator at 20 × 10: two workers)', () => {
    const g = entry('scale-1000x10')
    const small = kindScript({ name: g.name, files: scenarioFiles({ files: [], generator: { name: 'scale', params: { services: 20, podsPerService: 10 } } }), requests: [] })
    expect(bashSyntax(small).status).toBe(0)
    expect(small.match(/^- role: worker/gm)).toHaveLength(2)
  })

  it('the scenario as YAML files: the editor\'s files with a header', () => {
    const out = scenarioYamlFiles('service-basics', entry('service-basics').files)
    expect(out.map((f) => f.path)).toEqual(['mysql.yaml', 'nginx.yaml'])
    expect(out[0].text).toBe(`# Kube Hops scenario "service-basics": mysql.yaml\n${entry('service-basics').files[0].text}`)
  })
})
