import {
  cidr, clusterIP, dns1035Label, dns1123Label, dns1123Subdomain, ingressHost, ipAddress, labelKey, labelValue,
  optionalPortNumber, poolAddress, portName, portNumber, portNumOrName,
} from './checks'
import { clusterKindRules } from './cluster-kind'
import {
  any, bool, int, intOrString, listOf, mapOf, obj, oneOf, str, type Decoder, type Spec, type ValueCheck,
} from './fields'
import {
  affinityTimeout, bgpPeerRules, clusterCIDRList, configMapKey, endpointSliceRules, ingressBackendRules, ingressPathRules,
  nodeAddressRules, nodePortAddress, podSpecRules, serviceSpecRules, uniqueContainerNames, uniquePortNames,
} from './rules'

/**
 * The fields the engine reads, per kind, with their Go types (k8s.io/api, metallb api, kube-proxy config) and the
 * formats the API server enforces. The Go type names appear in the decode errors exactly as the API server prints
 * them (`Go struct field ServicePort.spec.ports.port of type int32`).
 */
export interface KindSpec {
  decoder: Decoder
  /** How metadata.name is validated (the ValidateXxxName function of the kind); undefined = no name needed. */
  name?: ValueCheck
  root: Spec
}

const PROTOCOL = oneOf('v1.Protocol', 'TCP', 'UDP', 'SCTP')
const labels = mapOf(str(labelValue), labelKey) // ValidateLabels: keys IsQualifiedName, values IsValidLabelValue
// ValidateAnnotations: keys are qualified names (lower-cased first); values any string
const annotationKey: ValueCheck = (k, at) => labelKey(String(k).toLowerCase(), at)
const annotations = mapOf(str(), annotationKey)

const objectMeta = (namespaced: boolean): Spec => obj('v1.ObjectMeta', {
  name: str(),
  ...(namespaced ? { namespace: str(dns1123Label) } : {}),
  labels,
  annotations,
  deletionTimestamp: str(),
})

const labelSelector = obj('v1.LabelSelector', {
  matchLabels: labels,
  matchExpressions: listOf(obj('v1.LabelSelectorRequirement', {
    key: str(labelKey),
    operator: oneOf('v1.LabelSelectorOperator', 'In', 'NotIn', 'Exists', 'DoesNotExist'),
    values: listOf(str()),
  }, ['key', 'operator'])),
})

const containerPort = obj('v1.ContainerPort', {
  containerPort: int('int32', { check: portNumber }),
  name: str(portName),
  protocol: PROTOCOL,
  hostPort: int('int32', { check: optionalPortNumber }),
  hostIP: str(ipAddress),
}, ['containerPort'])

const container = obj('v1.Container', {
  name: str(dns1123Label),
  image: str(),
  command: listOf(str()),
  args: listOf(str()),
  env: listOf(obj('v1.EnvVar', { name: str(), value: str() }, ['name'])),
  ports: listOf(containerPort, '[]v1.ContainerPort', uniquePortNames),
  restartPolicy: oneOf('v1.ContainerRestartPolicy', 'Always'),
}, ['name'])

const toleration = obj('v1.Toleration', {
  key: str(labelKey),
  operator: oneOf('v1.TolerationOperator', 'Equal', 'Exists'),
  value: str(),
  effect: oneOf('v1.TaintEffect', 'NoSchedule', 'PreferNoSchedule', 'NoExecute'),
  tolerationSeconds: int('int64'),
})

export const taint = obj('v1.Taint', {
  key: str(labelKey),
  value: str(labelValue),
  effect: oneOf('v1.TaintEffect', 'NoSchedule', 'PreferNoSchedule', 'NoExecute'),
}, ['key', 'effect'])

const podSpec = obj('v1.PodSpec', {
  containers: listOf(container, '[]v1.Container', uniqueContainerNames),
  initContainers: listOf(container, '[]v1.Container', uniqueContainerNames),
  nodeName: str(),
  nodeSelector: labels,
  hostNetwork: bool,
  hostname: str(dns1123Label),
  subdomain: str(dns1123Label),
  dnsPolicy: oneOf('v1.DNSPolicy', 'ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'),
  dnsConfig: obj('v1.PodDNSConfig', {
    nameservers: listOf(str(ipAddress)),
    searches: listOf(str()),
    options: listOf(obj('v1.PodDNSConfigOption', { name: str(), value: str() })),
  }),
  tolerations: listOf(toleration),
  hostAliases: listOf(obj('v1.HostAlias', { ip: str(ipAddress), hostnames: listOf(str()) })),
  restartPolicy: oneOf('v1.RestartPolicy', 'Always', 'OnFailure', 'Never'),
}, ['containers'], podSpecRules)

const podTemplate = obj('v1.PodTemplateSpec', {
  metadata: obj('v1.ObjectMeta', { labels, annotations }),
  spec: podSpec,
}, ['spec'])

const condition = (go: string) => obj(go, { type: str(), status: oneOf('v1.ConditionStatus', 'True', 'False', 'Unknown') })

const servicePort = obj('v1.ServicePort', {
  name: str(dns1123Label), // validateServicePort: ValidateDNS1123Label (unlike container ports)
  protocol: PROTOCOL,
  port: int('int32', { check: portNumber }),
  targetPort: intOrString((v, at) => { if (v !== 0) portNumOrName(v, at) }), // 0 = defaulted to port
  nodePort: int('int32', { check: optionalPortNumber }),
  appProtocol: str(),
}, ['port'])

const objectReference = obj('v1.ObjectReference', { kind: str(), namespace: str(), name: str() })

const endpointAddress = obj('v1.EndpointAddress', {
  ip: str(ipAddress), hostname: str(dns1123Label), nodeName: str(), targetRef: objectReference,
}, ['ip'])

const endpointPort = (go: string, required: string[]) => obj(go, {
  name: str(dns1123Label), port: int('int32', { check: portNumber }), protocol: PROTOCOL, appProtocol: str(),
}, required)

const ingressBackend = obj('v1.IngressBackend', {
  service: obj('v1.IngressServiceBackend', {
    name: str(dns1035Label), // validateIngressServiceBackend: ValidateServiceName
    port: obj('v1.ServiceBackendPort', { name: str(portName), number: int('int32', { check: portNumber }) }),
  }, ['name']),
  resource: any,
}, [], ingressBackendRules)

const metallbSelectors = listOf(labelSelector, '[]v1.LabelSelector')

const workloadSpec = (go: string, extra: Record<string, Spec>) => obj(go, {
  selector: labelSelector,
  template: podTemplate,
  ...extra,
}, ['selector', 'template'])

const dns1123SubdomainName = dns1123Subdomain

export const KIND_SPECS: Record<string, KindSpec> = {
  Namespace: {
    decoder: 'builtin', name: dns1123Label, // ValidateNamespaceName: NameIsDNSLabel
    root: obj('v1.Namespace', { metadata: objectMeta(false) }),
  },
  Node: {
    decoder: 'builtin', name: dns1123SubdomainName,
    root: obj('v1.Node', {
      metadata: objectMeta(false),
      spec: obj('v1.NodeSpec', {
        podCIDR: str(cidr), podCIDRs: listOf(str(cidr)), unschedulable: bool, taints: listOf(taint),
      }),
      status: obj('v1.NodeStatus', {
        addresses: listOf(obj('v1.NodeAddress', {
          type: oneOf('v1.NodeAddressType', 'Hostname', 'InternalIP', 'ExternalIP', 'InternalDNS', 'ExternalDNS'),
          address: str(),
        }, [], nodeAddressRules)),
        conditions: listOf(condition('v1.NodeCondition')),
      }),
    }),
  },
  Pod: {
    decoder: 'builtin', name: dns1123SubdomainName,
    root: obj('v1.Pod', {
      metadata: objectMeta(true),
      spec: podSpec,
      status: obj('v1.PodStatus', {
        podIP: str(ipAddress),
        podIPs: listOf(obj('v1.PodIP', { ip: str(ipAddress) })),
        hostIP: str(ipAddress),
        phase: oneOf('v1.PodPhase', 'Pending', 'Running', 'Succeeded', 'Failed', 'Unknown'),
        conditions: listOf(condition('v1.PodCondition')),
      }),
    }, ['spec']),
  },
  Service: {
    decoder: 'builtin', name: dns1035Label, // ValidateServiceName: NameIsDNS1035Label
    root: obj('v1.Service', {
      metadata: objectMeta(true),
      spec: obj('v1.ServiceSpec', {
        type: oneOf('v1.ServiceType', 'ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'),
        selector: labels,
        ports: listOf(servicePort, '[]v1.ServicePort'),
        clusterIP: str(clusterIP),
        clusterIPs: listOf(str(clusterIP)),
        externalIPs: listOf(str(ipAddress)),
        externalName: str(),
        sessionAffinity: oneOf('v1.ServiceAffinity', 'None', 'ClientIP'),
        sessionAffinityConfig: obj('v1.SessionAffinityConfig', {
          clientIP: obj('v1.ClientIPConfig', { timeoutSeconds: int('int32', { check: affinityTimeout }) }),
        }),
        externalTrafficPolicy: oneOf('v1.ServiceExternalTrafficPolicy', 'Cluster', 'Local'),
        internalTrafficPolicy: oneOf('v1.ServiceInternalTrafficPolicy', 'Cluster', 'Local'),
        publishNotReadyAddresses: bool,
        loadBalancerIP: str(ipAddress),
        loadBalancerSourceRanges: listOf(str(cidr)),
        loadBalancerClass: str(),
        healthCheckNodePort: int('int32', { check: optionalPortNumber }),
        ipFamilies: listOf(oneOf('v1.IPFamily', 'IPv4', 'IPv6'), '[]v1.IPFamily'),
        ipFamilyPolicy: oneOf('v1.IPFamilyPolicy', 'SingleStack', 'PreferDualStack', 'RequireDualStack'),
        allocateLoadBalancerNodePorts: bool,
      }, [], serviceSpecRules),
      status: obj('v1.ServiceStatus', {
        loadBalancer: obj('v1.LoadBalancerStatus', {
          ingress: listOf(obj('v1.LoadBalancerIngress', { ip: str(ipAddress), hostname: str() })),
        }),
      }),
    }),
  },
  Endpoints: {
    decoder: 'builtin', name: dns1123SubdomainName,
    root: obj('v1.Endpoints', {
      metadata: objectMeta(true),
      subsets: listOf(obj('v1.EndpointSubset', {
        addresses: listOf(endpointAddress),
        notReadyAddresses: listOf(endpointAddress),
        ports: listOf(endpointPort('v1.EndpointPort', ['port'])),
      })),
    }),
  },
  EndpointSlice: {
    decoder: 'builtin', name: dns1123SubdomainName,
    root: obj('v1.EndpointSlice', {
      metadata: objectMeta(true),
      addressType: oneOf('v1.AddressType', 'IPv4', 'IPv6', 'FQDN'),
      endpoints: listOf(obj('v1.Endpoint', {
        addresses: listOf(str()),
        conditions: obj('v1.EndpointConditions', { ready: bool, serving: bool, terminating: bool }),
        hostname: str(dns1123Label),
        nodeName: str(),
        zone: str(),
        targetRef: objectReference,
      }, ['addresses'])),
      ports: listOf(endpointPort('v1.EndpointPort', [])),
    }, ['addressType'], endpointSliceRules),
  },
  ConfigMap: {
    decoder: 'builtin', name: dns1123SubdomainName,
    root: obj('v1.ConfigMap', { metadata: objectMeta(true), data: mapOf(str(), configMapKey) }),
  },
  Secret: {
    decoder: 'builtin', name: dns1123SubdomainName,
    root: obj('v1.Secret', {
      metadata: objectMeta(true),
      type: str(),
      data: mapOf(str(), configMapKey, 'map[string][]uint8'),
      stringData: mapOf(str(), configMapKey),
    }),
  },
  Deployment: {
    decoder: 'builtin', name: dns1123SubdomainName,
    root: obj('v1.Deployment', {
      metadata: objectMeta(true),
      spec: workloadSpec('v1.DeploymentSpec', { replicas: int('int32', { min: 0 }) }),
    }, ['spec']),
  },
  ReplicaSet: {
    decoder: 'builtin', name: dns1123SubdomainName,
    root: obj('v1.ReplicaSet', {
      metadata: objectMeta(true),
      spec: workloadSpec('v1.ReplicaSetSpec', { replicas: int('int32', { min: 0 }) }),
    }, ['spec']),
  },
  StatefulSet: {
    decoder: 'builtin', name: dns1123Label, // ValidateStatefulSetName: NameIsDNSLabel (the pods are <name>-<ordinal>)
    root: obj('v1.StatefulSet', {
      metadata: objectMeta(true),
      spec: workloadSpec('v1.StatefulSetSpec', {
        replicas: int('int32', { min: 0 }),
        serviceName: str(),
        podManagementPolicy: oneOf('v1.PodManagementPolicyType', 'OrderedReady', 'Parallel'),
      }),
    }, ['spec']),
  },
  DaemonSet: {
    decoder: 'builtin', name: dns1123SubdomainName,
    root: obj('v1.DaemonSet', { metadata: objectMeta(true), spec: workloadSpec('v1.DaemonSetSpec', {}) }, ['spec']),
  },
  Ingress: {
    decoder: 'builtin', name: dns1123SubdomainName,
    root: obj('v1.Ingress', {
      metadata: objectMeta(true),
      spec: obj('v1.IngressSpec', {
        ingressClassName: str(),
        defaultBackend: ingressBackend,
        tls: listOf(obj('v1.IngressTLS', { hosts: listOf(str(ingressHost)), secretName: str() })),
        rules: listOf(obj('v1.IngressRule', {
          host: str(ingressHost),
          http: obj('v1.HTTPIngressRuleValue', {
            paths: listOf(obj('v1.HTTPIngressPath', {
              path: str(),
              pathType: oneOf('v1.PathType', 'Exact', 'Prefix', 'ImplementationSpecific'),
              backend: ingressBackend,
            }, ['backend'], ingressPathRules)),
          }, ['paths']),
        })),
      }),
    }),
  },
  IngressClass: {
    decoder: 'builtin', name: dns1123SubdomainName,
    root: obj('v1.IngressClass', {
      metadata: objectMeta(false),
      spec: obj('v1.IngressClassSpec', { controller: str(), parameters: any }),
    }),
  },
  NetworkPolicy: {
    decoder: 'builtin', name: dns1123SubdomainName,
    root: obj('v1.NetworkPolicy', { metadata: objectMeta(true) }),
  },
  IPAddressPool: {
    decoder: 'crd', name: dns1123SubdomainName,
    root: obj('v1beta1.IPAddressPool', {
      metadata: objectMeta(true),
      spec: obj('v1beta1.IPAddressPoolSpec', {
        addresses: listOf(str(poolAddress)),
        autoAssign: bool,
        avoidBuggyIPs: bool,
        serviceAllocation: obj('v1beta1.ServiceAllocation', {
          priority: int('int32'),
          namespaces: listOf(str()),
          namespaceSelectors: metallbSelectors,
          serviceSelectors: metallbSelectors,
        }),
      }, ['addresses']),
    }, ['spec']),
  },
  L2Advertisement: {
    decoder: 'crd', name: dns1123SubdomainName,
    root: obj('v1beta1.L2Advertisement', {
      metadata: objectMeta(true),
      spec: obj('v1beta1.L2AdvertisementSpec', {
        ipAddressPools: listOf(str()),
        ipAddressPoolSelectors: metallbSelectors,
        nodeSelectors: metallbSelectors,
        interfaces: listOf(str()),
      }),
    }),
  },
  BGPAdvertisement: {
    decoder: 'crd', name: dns1123SubdomainName,
    root: obj('v1beta1.BGPAdvertisement', {
      metadata: objectMeta(true),
      spec: obj('v1beta1.BGPAdvertisementSpec', {
        aggregationLength: int('int32', { min: 0 }),
        aggregationLengthV6: int('int32', { min: 0 }),
        localPref: int('uint32'),
        communities: listOf(str()),
        ipAddressPools: listOf(str()),
        ipAddressPoolSelectors: metallbSelectors,
        nodeSelectors: metallbSelectors,
        peers: listOf(str()),
      }),
    }),
  },
  BGPPeer: {
    decoder: 'crd', name: dns1123SubdomainName,
    root: obj('v1beta2.BGPPeer', {
      metadata: objectMeta(true),
      spec: obj('v1beta2.BGPPeerSpec', {
        myASN: int('uint32'),
        peerASN: int('uint32'),
        peerAddress: str(ipAddress),
        peerPort: int('uint16'),
        sourceAddress: str(ipAddress),
        routerID: str(ipAddress),
        nodeSelectors: metallbSelectors,
        holdTime: str(),
        keepaliveTime: str(),
        password: str(),
        ebgpMultiHop: bool,
        dynamicASN: oneOf('string', 'internal', 'external'),
      }, ['myASN', 'peerAddress'], bgpPeerRules),
    }, ['spec']),
  },
  Community: {
    decoder: 'crd', name: dns1123SubdomainName,
    root: obj('v1beta1.Community', {
      metadata: objectMeta(true),
      spec: obj('v1beta1.CommunitySpec', {
        communities: listOf(obj('v1beta1.CommunityAlias', { name: str(), value: str() })),
      }),
    }),
  },
  KubeProxyConfiguration: {
    decoder: 'config', // a kube-proxy config file: no metadata needed
    root: obj('v1alpha1.KubeProxyConfiguration', {
      mode: oneOf('v1alpha1.ProxyMode', 'iptables', 'ipvs', 'nftables', 'kernelspace'),
      clusterCIDR: str(clusterCIDRList),
      bindAddress: str(ipAddress),
      nodePortAddresses: listOf(str(nodePortAddress)),
      ipvs: obj('v1alpha1.KubeProxyIPVSConfiguration', { scheduler: str(), strictARP: bool }),
      iptables: obj('v1alpha1.KubeProxyIPTablesConfiguration', {
        masqueradeAll: bool, masqueradeBit: int('int32', { min: 0 }), localhostNodePorts: bool,
      }),
    }),
  },
  Cluster: {
    decoder: 'playground', name: dns1123SubdomainName,
    root: obj('v1alpha1.Cluster', {
      metadata: objectMeta(false),
      spec: obj('v1alpha1.ClusterSpec', {
        clusterDomain: str(dns1123Subdomain),
        podCIDR: str(),
        serviceCIDR: str(),
        nodePortRange: any,
        nodes: listOf(obj('v1alpha1.ClusterNode', {
          name: str(), ip: str(), podCIDR: str(), controlPlane: bool, ready: bool, unschedulable: bool,
          labels, taints: listOf(taint),
        }, ['name', 'ip'])),
        clients: listOf(obj('v1alpha1.ClusterClient', {
          name: str(), ip: str(), hosts: mapOf(str()),
        }, ['name', 'ip'])),
        router: obj('v1alpha1.ClusterRouter', { name: str(), ip: str(), asn: int('uint32') }, ['name', 'ip']),
        ingressController: obj('v1alpha1.IngressController', {
          mode: oneOf('string', 'hostNetwork', 'nodePort', 'loadBalancer'),
          nodeSelector: labels,
          httpNodePort: int('int32', { check: portNumber }),
          httpsNodePort: int('int32', { check: portNumber }),
        }),
      }, [], clusterKindRules),
    }),
  },
}

/** The table of a kind the engine reads; undefined for any other kind. */
export function kindSpec(kind: string): KindSpec | undefined {
  return Object.prototype.hasOwnProperty.call(KIND_SPECS, kind) ? KIND_SPECS[kind] : undefined
}
