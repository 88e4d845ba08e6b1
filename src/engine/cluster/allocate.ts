import { cidrContains, cidrSize, intToIp, ipToInt, isIPv4, parseCidr, type Cidr } from '../util/ip'

/**
 * Deterministic address and port allocation. Values written in the input are reserved first (an import of
 * `kubectl get -o yaml` keeps its addresses); everything else is handed out in document order from a fixed
 * sequence, so appending an object never moves an earlier one.
 */

/** Pod addresses of one node's range: user pods from .2 upward (.1 is the cni0 bridge), system pods from the top down. */
export class PodIpPool {
  private readonly used = new Set<number>()
  private nextUp: number
  private nextDown: number
  private readonly first: number
  private readonly last: number

  constructor(readonly cidr: Cidr) {
    this.first = cidr.base + 2
    this.last = cidr.base + cidrSize(cidr) - 2 // below the broadcast address
    this.nextUp = this.first
    this.nextDown = this.last
  }

  reserve(ip: string): void {
    if (isIPv4(ip)) this.used.add(ipToInt(ip))
  }

  allocateUp(): string | undefined {
    while (this.nextUp <= this.last && this.used.has(this.nextUp)) this.nextUp++
    if (this.nextUp > this.last) return undefined
    this.used.add(this.nextUp)
    return intToIp(this.nextUp)
  }

  allocateDown(): string | undefined {
    while (this.nextDown >= this.first && this.used.has(this.nextDown)) this.nextDown--
    if (this.nextDown < this.first) return undefined
    this.used.add(this.nextDown)
    return intToIp(this.nextDown)
  }
}

/** ClusterIPs: `.1` is the kubernetes Service, `.10` kube-dns (kubeadm), user Services from `.11` upward. */
export class ClusterIpPool {
  private readonly used = new Set<number>()
  private next: number
  private readonly last: number
  readonly cidr: Cidr

  constructor(serviceCidr: string) {
    this.cidr = parseCidr(serviceCidr)!
    this.next = this.cidr.base + 11
    this.last = this.cidr.base + cidrSize(this.cidr) - 2
  }

  /** The n-th address of the range, for the well-known ones. */
  nth(n: number): string {
    return intToIp(this.cidr.base + n)
  }

  contains(ip: string): boolean {
    // The network and broadcast addresses are not allocatable (ipallocator's range excludes them).
    if (!isIPv4(ip) || !cidrContains(this.cidr, ip)) return false
    const n = ipToInt(ip)
    return n > this.cidr.base && n < this.cidr.base + cidrSize(this.cidr) - 1
  }

  isUsed(ip: string): boolean {
    return isIPv4(ip) && this.used.has(ipToInt(ip))
  }

  reserve(ip: string): void {
    if (isIPv4(ip)) this.used.add(ipToInt(ip))
  }

  allocate(): string | undefined {
    while (this.next <= this.last && this.used.has(this.next)) this.next++
    if (this.next > this.last) return undefined
    this.used.add(this.next)
    return intToIp(this.next)
  }
}

/** NodePorts from the bottom of the range upward, skipping used ones. */
export class NodePortPool {
  private readonly used = new Set<number>()
  private next: number

  constructor(readonly min: number, readonly max: number) {
    this.next = min
  }

  contains(port: number): boolean {
    return Number.isInteger(port) && port >= this.min && port <= this.max
  }

  isUsed(port: number): boolean {
    return this.used.has(port)
  }

  reserve(port: number): void {
    this.used.add(port)
  }

  allocate(): number | undefined {
    while (this.next <= this.max && this.used.has(this.next)) this.next++
    if (this.next > this.max) return undefined
    this.used.add(this.next)
    return this.next
  }
}
