import { fail, ok, type Command } from '../../shell/types'
import { sha256Base32 } from '../../util/hash'
import { intToIp, parseCidr } from '../../util/ip'
import { bridgeIP, nodeByName, nodeRoutes, nodeSubnet } from '../network'
import { ipNeigh, routerIpRoute } from '../../dataplane/metallb/render'
import { kubeIpvs0 } from '../../dataplane/kubeproxy/ipvs/render'
import { ipvsState } from '../../dataplane/kubeproxy/ipvs/state'

/** iproute2 `ip addr` / `ip route` on a node (lo, eth0, the cni0 bridge, one veth per pod) and inside a pod. */

function broadcast(cidr: string): string {
  const c = parseCidr(cidr)
  return c ? intToIp((c.base + 2 ** (32 - c.prefix) - 1) >>> 0) : ''
}

function macFrom(text: string): string {
  const h = sha256Base32(text).toLowerCase().replace(/[^0-9a-f]/g, '').padEnd(10, '0')
  return `ae:${h.slice(0, 2)}:${h.slice(2, 4)}:${h.slice(4, 6)}:${h.slice(6, 8)}:${h.slice(8, 10)}`
}

function vethName(podId: string): string {
  return 'veth' + sha256Base32(podId).toLowerCase().replace(/[^0-9a-f]/g, '').padEnd(8, '0').slice(0, 8)
}

const LO = `1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000
    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
    inet 127.0.0.1/8 scope host lo
       valid_lft forever preferred_lft forever
`

export const ip: Command = {
  name: 'ip',
  run(args, ctx) {
    const [object] = args
    const cluster = ctx.sim.scenario.cluster
    const isAddr = object === 'addr' || object === 'a' || object === 'address'
    const isRoute = object === 'route' || object === 'r' || object === 'ro'
    const isNeigh = object === 'neigh' || object === 'n' || object === 'neighbor' || object === 'neighbour'
    if (!isAddr && !isRoute && !isNeigh) return fail(`Object "${object ?? ''}" is unknown, try "ip help".\n`, 1)
    const w = ctx.where
    // The LAN's ARP caches and the router's BGP routes live with MetalLB's model (dataplane/metallb/render.ts).
    if (isNeigh) return ok(w.kind === 'pod' && !w.pod.hostNetwork ? '' : ipNeigh(ctx.sim, w.kind === 'node' ? w.node.id : w.kind === 'client' ? w.client.id : w.kind === 'router' ? w.router.id : `Node/${w.kind === 'pod' ? w.pod.nodeName : ''}`))
    if (isRoute && w.kind === 'router') return ok(routerIpRoute(cluster))
    if (w.kind === 'node' || (w.kind === 'pod' && w.pod.hostNetwork)) {
      const node = w.kind === 'node' ? w.node : nodeByName(cluster, w.pod.nodeName)!
      if (isRoute) return ok(nodeRoutes(cluster, node).map((l) => l + ' \n').join(''))
      const prefix = nodeSubnet(cluster).split('/')[1]
      let out = LO
      out += `2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UP group default qlen 1000\n    link/ether ${node.mac} brd ff:ff:ff:ff:ff:ff\n    inet ${node.ip}/${prefix} brd ${broadcast(`${node.ip}/${prefix}`)} scope global eth0\n       valid_lft forever preferred_lft forever\n`
      out += `3: cni0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default qlen 1000\n    link/ether ${macFrom('cni0' + node.name)} brd ff:ff:ff:ff:ff:ff\n    inet ${bridgeIP(node)}/${node.podCIDR.split('/')[1]} brd ${broadcast(node.podCIDR)} scope global cni0\n       valid_lft forever preferred_lft forever\n`
      let index = 4
      for (const p of cluster.pods.filter((p) => p.nodeName === node.name && !p.hostNetwork && p.podIP)) {
        out += `${index}: ${vethName(p.id)}@if2: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue master cni0 state UP group default \n    link/ether ${macFrom(p.id)} brd ff:ff:ff:ff:ff:ff link-netns cni-${p.namespace}-${p.name}\n`
        index++
      }
      // IPVS mode: the dummy interface kube-proxy binds every Service address to (dataplane/kubeproxy/ipvs)
      if (cluster.kubeProxy.mode === 'ipvs') out += kubeIpvs0(ipvsState(ctx.sim, node).dummyAddresses, index, macFrom('kube-ipvs0' + node.name))
      return ok(out)
    }
    if (w.kind === 'pod') {
      const node = nodeByName(cluster, w.pod.nodeName)
      const podNet = node?.podCIDR ?? '10.244.0.0/24'
      if (isRoute) return ok(`default via ${node ? bridgeIP(node) : ''} dev eth0 \n${podNet} dev eth0 proto kernel scope link src ${w.pod.podIP} \n`)
      return ok(LO + `2: eth0@if${4 + cluster.pods.filter((p) => p.nodeName === w.pod.nodeName && !p.hostNetwork).findIndex((p) => p.id === w.pod.id)}: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default \n    link/ether ${macFrom(w.pod.id)} brd ff:ff:ff:ff:ff:ff link-netnsid 0\n    inet ${w.pod.podIP}/${podNet.split('/')[1]} brd ${broadcast(podNet)} scope global eth0\n       valid_lft forever preferred_lft forever\n`)
    }
    const host = w.kind === 'client' ? w.client : w.router
    const prefix = nodeSubnet(cluster).split('/')[1]
    if (isRoute) return ok(`default via ${cluster.router?.ip ?? '192.168.100.1'} dev eth0 proto static \n${nodeSubnet(cluster)} dev eth0 proto kernel scope link src ${host.ip} \n`)
    return ok(LO + `2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UP group default qlen 1000\n    link/ether ${host.mac} brd ff:ff:ff:ff:ff:ff\n    inet ${host.ip}/${prefix} brd ${broadcast(`${host.ip}/${prefix}`)} scope global eth0\n       valid_lft forever preferred_lft forever\n`)
  },
}
