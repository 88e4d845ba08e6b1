/**
 * kubeadm's default Corefile (kubernetes/kubernetes cmd/kubeadm/app/phases/addons/dns/manifests.go, CoreDNSConfigMap),
 * with the cluster domain filled in, as `kubectl -n kube-system get cm coredns -o yaml` shows it.
 */
export function defaultCorefile(clusterDomain: string): string {
  return `.:53 {
    errors
    health {
       lameduck 5s
    }
    ready
    kubernetes ${clusterDomain} in-addr.arpa ip6.arpa {
       pods insecure
       fallthrough in-addr.arpa ip6.arpa
       ttl 30
    }
    prometheus :9153
    forward . /etc/resolv.conf {
       max_concurrent 1000
    }
    cache 30
    loop
    reload
    loadbalance
}
`
}
