import { cidrsOverlap, isIPv4, parseCidr } from '../util/ip'
import { invalid } from './checks'
import { child, type At, type ObjectCheck } from './fields'
import { isDNS1123Subdomain } from './names'
import { isPlainObject } from './plain'

/**
 * The playground's own kind, `kube-hops.dev/v1alpha1 Cluster`: the LAN the cluster sits on. It has no API server
 * behind it, so these are the playground's rules: IPv4 only, CIDRs that parse and do not overlap, names that can be
 * node names (DNS-1123 subdomains, as ValidateNodeName), and no two machines with the same name or address.
 */
export const clusterKindRules: ObjectCheck = (spec, at) => {
  const podCIDR = cidrField(spec, 'podCIDR', at)
  const serviceCIDR = cidrField(spec, 'serviceCIDR', at)
  if (podCIDR && serviceCIDR && cidrsOverlap(podCIDR, serviceCIDR)) {
    at.report('manifest.cluster.overlap', 'error',
      { path: `${at.path}.serviceCIDR`, value: serviceCIDR.text, other: podCIDR.text }, `${at.dotted}.serviceCIDR`)
  }
  nodePortRange(spec.nodePortRange, child(at, 'nodePortRange'))

  const names = new Map<string, string>() // name → path of its first definition
  const ips = new Map<string, string>()
  const machine = (m: unknown, mAt: At, group: string): void => {
    if (!isPlainObject(m)) return
    if (typeof m.name === 'string' && m.name) {
      invalid(child(mAt, 'name'), m.name, isDNS1123Subdomain(m.name))
      const key = `${group}/${m.name}`
      const first = names.get(key)
      if (first) duplicate('manifest.cluster.duplicateName', child(mAt, 'name'), m.name, first)
      else names.set(key, child(mAt, 'name').path)
    }
    if (typeof m.ip === 'string' && m.ip) {
      if (!ipv4(m.ip, child(mAt, 'ip'))) return
      const first = ips.get(m.ip)
      if (first) duplicate('manifest.cluster.duplicateIP', child(mAt, 'ip'), m.ip, first)
      else ips.set(m.ip, child(mAt, 'ip').path)
    }
  }
  const nodes = Array.isArray(spec.nodes) ? spec.nodes : []
  nodes.forEach((n, i) => {
    const nAt = child(child(at, 'nodes'), i)
    machine(n, nAt, 'node')
    if (isPlainObject(n) && typeof n.podCIDR === 'string') {
      const c = cidrField(n, 'podCIDR', nAt)
      if (c && podCIDR && !(c.prefix >= podCIDR.prefix && cidrsOverlap(c, podCIDR))) {
        at.report('manifest.cluster.outside', 'error',
          { path: `${nAt.path}.podCIDR`, value: c.text, other: podCIDR.text }, `${nAt.dotted}.podCIDR`)
      }
    }
  })
  // Clients and the router are machines on the same LAN: their names are their own (Client/x, Router/x), their
  // addresses share the segment with the nodes.
  const clients = Array.isArray(spec.clients) ? spec.clients : []
  clients.forEach((c, i) => {
    const cAt = child(child(at, 'clients'), i)
    machine(c, cAt, 'client')
    if (isPlainObject(c) && isPlainObject(c.hosts)) {
      for (const [host, ip] of Object.entries(c.hosts)) {
        const hAt = { ...child(cAt, 'hosts'), dotted: `${cAt.dotted}.hosts.${host}` }
        invalid(hAt, host, isDNS1123Subdomain(host.toLowerCase()))
        if (typeof ip === 'string') ipv4(ip, hAt)
      }
    }
  })
  if (isPlainObject(spec.router)) machine(spec.router, child(at, 'router'), 'router')
}

function ipv4(value: string, at: At): boolean {
  if (isIPv4(value)) return true
  at.report('manifest.cluster.notIPv4', 'error', { path: at.path, value }, at.dotted)
  return false
}

function cidrField(o: Record<string, unknown>, key: string, at: At) {
  const v = o[key]
  if (typeof v !== 'string' || v === '') return undefined
  const c = parseCidr(v)
  if (!c) at.report('manifest.cluster.notCIDR', 'error', { path: `${at.path}.${key}`, value: v }, `${at.dotted}.${key}`)
  return c
}

// kube-apiserver --service-node-port-range: "30000-32767" (also accepted as {min, max})
function nodePortRange(v: unknown, at: At): void {
  if (v === undefined || v === null) return
  let lo = NaN, hi = NaN
  if (typeof v === 'string') {
    const m = /^\s*(\d+)\s*-\s*(\d+)\s*$/.exec(v)
    if (m) { lo = Number(m[1]); hi = Number(m[2]) }
  } else if (isPlainObject(v)) {
    lo = typeof v.min === 'number' ? v.min : NaN
    hi = typeof v.max === 'number' ? v.max : NaN
  }
  const ok = Number.isInteger(lo) && Number.isInteger(hi) && lo >= 1 && hi <= 65535 && lo <= hi
  if (!ok) at.report('manifest.cluster.portRange', 'error', { path: at.path, value: typeof v === 'string' ? v : JSON.stringify(v) }, at.dotted)
}

function duplicate(code: string, at: At, value: string, first: string): void {
  at.report(code, 'error', { path: at.path, value, first }, at.dotted)
}
