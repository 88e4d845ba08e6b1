import { describe, expect, it } from 'vitest'
import { formatMessage } from '../i18n/catalog'
import { gallery } from '../../scenarios/gallery.generated'
import { scenarioFiles } from '../../scenarios/generators'
import { parseManifests } from './parse'

/** One finding expected: code, 1-based line, and optionally a piece of its English text. */
type Expect = [code: string, line: number, text?: string]

interface Case {
  name: string
  /** The rule followed. */
  source: string
  yaml: string
  expect: Expect[]
  /** Ids of the objects that survive validation (default: check only the findings). */
  kept?: string[]
}

const pod = (extra = '') => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: nginx
${extra}`

const cases: Case[] = [
  {
    name: 'a valid Pod and Service give no findings',
    source: 'the tutorial, lab 1',
    yaml: `${pod()}---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports:
  - {port: 80, targetPort: 80}
`,
    expect: [],
    kept: ['Pod/default/web', 'Service/default/web'],
  },
  {
    name: 'replicas: "3" is refused by the JSON decoder',
    source: 'encoding/json UnmarshalTypeError via the apiserver decoder',
    yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: d}
spec:
  replicas: "3"
  selector: {matchLabels: {app: d}}
  template:
    metadata: {labels: {app: d}}
    spec: {containers: [{name: c, image: nginx}]}
`,
    expect: [
      ['manifest.type.integerUnquote', 5, 'cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32'],
      ['manifest.rejected', 3],
    ],
    kept: [],
  },
  {
    name: 'containerPort: abc and port: "80"',
    source: 'encoding/json: ContainerPort.containerPort and ServicePort.port are int32',
    yaml: `${pod(`    ports:
    - containerPort: abc
`)}---
apiVersion: v1
kind: Service
metadata: {name: s}
spec:
  ports:
  - port: "80"
`,
    expect: [
      ['manifest.type.integer', 10, 'Go struct field ContainerPort.spec.containers.ports.containerPort of type int32'],
      ['manifest.rejected', 4],
      ['manifest.type.integerUnquote', 17, 'ServicePort.spec.ports.port'],
      ['manifest.rejected', 14],
    ],
  },
  {
    name: 'selector as a list',
    source: 'encoding/json: ServiceSpec.selector is map[string]string',
    yaml: `apiVersion: v1
kind: Service
metadata: {name: s}
spec:
  selector:
  - app: web
  ports: [{port: 80}]
`,
    expect: [['manifest.type.map', 5, 'cannot unmarshal array into Go struct field ServiceSpec.spec.selector of type map[string]string'], ['manifest.rejected', 3]],
  },
  {
    name: 'a label with a number value (version: 8.0) must be quoted',
    source: 'encoding/json: ObjectMeta.labels is map[string]string; the tutorial quotes "8.0"',
    yaml: `apiVersion: v1
kind: Pod
metadata:
  name: mysql-pod-1
  labels:
    app: mysql
    version: 8.0
spec: {containers: [{name: mysql, image: mysql}]}
`,
    expect: [
      ['manifest.type.stringQuote', 7, 'quote it: "8.0" (Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string)'],
      ['manifest.rejected', 4],
    ],
  },
  {
    name: 'the quoted label version: "8.0" is fine',
    source: 'IsValidLabelValue',
    yaml: `apiVersion: v1
kind: Pod
metadata:
  name: mysql-pod-1
  labels: {app: mysql, version: "8.0"}
spec: {containers: [{name: mysql, image: mysql}]}
`,
    expect: [],
    kept: ['Pod/default/mysql-pod-1'],
  },
  {
    name: 'YAML 1.1 booleans: yes is a bool to kubectl (nodeSelector refused, hostNetwork accepted)',
    source: 'sigs.k8s.io/yaml = go-yaml v2 resolve.go: y/yes/on/off/no are booleans',
    yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  hostNetwork: yes
  nodeSelector:
    ingress: yes
  containers:
  - {name: c, env: [{name: T, value: 12:30}]}
`,
    expect: [
      ['manifest.rejected', 3],
      ['manifest.type.stringQuote', 7, 'YAML reads yes as bool, but a string is required; quote it: "yes"'],
    ],
  },
  {
    name: 'an unquoted boolean annotation and env value',
    source: 'encoding/json: annotations and EnvVar.value are strings',
    yaml: `apiVersion: v1
kind: Pod
metadata:
  name: p
  annotations:
    nginx.ingress.kubernetes.io/canary: true
spec:
  containers:
  - name: c
    env:
    - {name: PORT, value: 8080}
`,
    expect: [
      ['manifest.type.stringQuote', 6, 'ObjectMeta.metadata.annotations'],
      ['manifest.rejected', 4],
      ['manifest.type.stringQuote', 11, 'EnvVar.spec.containers.env.value'],
    ],
  },
  {
    name: 'out-of-range ports and an unknown protocol',
    source: 'IsValidPortNum; validateServicePort supportedPortProtocols',
    yaml: `apiVersion: v1
kind: Service
metadata: {name: s}
spec:
  ports:
  - {name: a, port: 0}
  - {name: b, port: 70000, protocol: HTTP}
  - {name: c, port: 82, targetPort: 80.5}
`,
    expect: [
      ['manifest.invalidValue', 6, 'spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive'],
      ['manifest.invalidValue', 7, 'spec.ports[1].port: Invalid value: 70000'],
      ['manifest.unsupportedValue', 7, 'spec.ports[1].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"'],
      ['manifest.type.intOrString', 8, 'json: cannot unmarshal number 80.5 into Go value of type int32'],
      ['manifest.rejected', 3],
    ],
  },
  {
    name: 'targetPort: "80" is a port name, and names need a letter',
    source: 'ValidatePortNumOrName: a string targetPort is IsValidPortName',
    yaml: `apiVersion: v1
kind: Service
metadata: {name: s}
spec:
  ports:
  - {port: 80, targetPort: "80"}
`,
    expect: [['manifest.invalidValue', 6, 'spec.ports[0].targetPort: Invalid value: "80": must contain at least one letter (a-z)'], ['manifest.rejected', 3]],
  },
  {
    name: 'Service names are DNS-1035 labels',
    source: 'ValidateServiceName = NameIsDNS1035Label',
    yaml: `apiVersion: v1
kind: Service
metadata: {name: 1-mysql}
spec: {ports: [{port: 80}]}
`,
    expect: [['manifest.invalidValue', 3, 'a DNS-1035 label must'], ['manifest.rejected', 3]],
  },
  {
    name: 'Namespace names are DNS-1123 labels; Pod names are subdomains',
    source: 'ValidateNamespaceName = NameIsDNSLabel; ValidatePodName = NameIsDNSSubdomain',
    yaml: `apiVersion: v1
kind: Namespace
metadata: {name: team.a}
---
apiVersion: v1
kind: Pod
metadata: {name: web.v1, namespace: team.a}
spec: {containers: [{name: c}]}
`,
    expect: [
      ['manifest.invalidValue', 3, 'metadata.name: Invalid value: "team.a": must not contain dots'],
      ['manifest.rejected', 3],
      ['manifest.invalidValue', 7, 'metadata.namespace: Invalid value: "team.a": must not contain dots'],
      ['manifest.rejected', 7],
    ],
  },
  {
    name: 'container port names are IANA_SVC_NAMEs; Service port names are DNS-1123 labels',
    source: 'validateContainerPorts IsValidPortName; validateServicePort ValidateDNS1123Label',
    yaml: `${pod(`    ports:
    - {containerPort: 80, name: http-web-server-1}
`)}---
apiVersion: v1
kind: Service
metadata: {name: s}
spec:
  ports:
  - {port: 80, name: http-web-server-1}
`,
    expect: [
      ['manifest.invalidValue', 10, 'must be no more than 15 bytes'],
      ['manifest.rejected', 4],
    ],
    kept: ['Service/default/s'],
  },
  {
    name: 'label keys and values',
    source: 'ValidateLabels: IsQualifiedName keys, IsValidLabelValue values',
    yaml: `apiVersion: v1
kind: Pod
metadata:
  name: p
  labels:
    -bad: x
    good: "-bad-"
spec: {containers: [{name: c}]}
`,
    expect: [
      ['manifest.invalidValue', 6, 'metadata.labels: Invalid value: "-bad": name part must consist of alphanumeric'],
      ['manifest.invalidValue', 7, 'metadata.labels: Invalid value: "-bad-": a valid label must be an empty string'],
      ['manifest.rejected', 4],
    ],
  },
  {
    name: 'a multi-port Service with an unnamed port',
    source: 'validateServicePort: requireName when len(ports) > 1',
    yaml: `apiVersion: v1
kind: Service
metadata: {name: s}
spec:
  ports:
  - {name: http, port: 80}
  - port: 443
`,
    expect: [['manifest.portNameRequired', 7, 'spec.ports[1].name: Required value'], ['manifest.rejected', 3]],
  },
  {
    name: 'duplicate port names and duplicate port+protocol',
    source: 'validateServicePort allNames; ValidateService (protocol, port) pairs',
    yaml: `apiVersion: v1
kind: Service
metadata: {name: s}
spec:
  ports:
  - {name: http, port: 80}
  - {name: http, port: 81}
  - {name: again, port: 80, protocol: TCP}
  - {name: dns, port: 80, protocol: UDP}
`,
    expect: [
      ['manifest.duplicateValue', 7, 'spec.ports[1].name: Duplicate value: "http"'],
      ['manifest.duplicatePort', 8, 'spec.ports[2]: Duplicate value: port 80/TCP is already declared by spec.ports[0]'],
      ['manifest.rejected', 3],
    ],
  },
  {
    name: 'nodePort on a ClusterIP Service, headless NodePort',
    source: 'ValidateService: nodePort Forbidden for ClusterIP; clusterIPs "may not be set to \'None\'"',
    yaml: `apiVersion: v1
kind: Service
metadata: {name: a}
spec:
  ports: [{port: 80, nodePort: 30080}]
---
apiVersion: v1
kind: Service
metadata: {name: b}
spec:
  type: NodePort
  clusterIP: None
  ports: [{port: 80}]
`,
    expect: [
      ['manifest.forbidden', 5, "spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"],
      ['manifest.rejected', 3],
      ['manifest.rejected', 9],
      ['manifest.invalidValue', 12, "may not be set to 'None' for NodePort services"],
    ],
  },
  {
    name: 'externalTrafficPolicy and loadBalancerSourceRanges on a ClusterIP Service',
    source: 'validateServiceExternalTrafficPolicy: "may only be set for externally-accessible services"',
    yaml: `apiVersion: v1
kind: Service
metadata: {name: a}
spec:
  externalTrafficPolicy: Cluster
  loadBalancerSourceRanges: [10.0.0.0/8]
  ports: [{port: 80}]
---
apiVersion: v1
kind: Service
metadata: {name: b}
spec: {type: NodePort, externalTrafficPolicy: Local, ports: [{port: 80}]}
`,
    expect: [
      ['manifest.rejected', 3],
      ['manifest.invalidValue', 5, 'spec.externalTrafficPolicy: Invalid value: "Cluster": may only be set for externally-accessible services'],
      ['manifest.forbidden', 6, "spec.loadBalancerSourceRanges: Forbidden: may only be used when `type` is 'LoadBalancer'"],
    ],
    kept: ['Service/default/b'],
  },
  {
    name: 'a Service with no ports, and an ExternalName without a name',
    source: 'ValidateService: spec.ports Required unless headless or ExternalName',
    yaml: `apiVersion: v1
kind: Service
metadata: {name: a}
spec: {selector: {app: a}}
---
apiVersion: v1
kind: Service
metadata: {name: b}
spec: {type: ExternalName}
---
apiVersion: v1
kind: Service
metadata: {name: d}
spec: {type: ExternalName, externalName: mysql.external-domain.com.}
---
apiVersion: v1
kind: Service
metadata: {name: e}
spec: {type: ExternalName, externalName: "http://db"}
---
apiVersion: v1
kind: Service
metadata: {name: c}
spec: {clusterIP: None, selector: {app: c}}
`,
    expect: [
      ['manifest.requiredValue', 4, 'spec.ports: Required value'],
      ['manifest.rejected', 3],
      ['manifest.requiredValue', 9, 'spec.externalName: Required value'],
      ['manifest.rejected', 8],
      ['manifest.rejected', 18],
      ['manifest.invalidValue', 19, 'spec.externalName: Invalid value: "http://db": a lowercase RFC 1123 subdomain'],
    ],
    kept: ['Service/default/d', 'Service/default/c'],
  },
  {
    name: 'the same object twice',
    source: 'kubectl create: AlreadyExists',
    yaml: `apiVersion: v1
kind: ConfigMap
metadata: {name: cfg}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: cfg}
`,
    expect: [['manifest.duplicateObject', 7, 'the first definition is at t.yaml:1']],
    kept: ['ConfigMap/default/cfg'],
  },
  {
    name: 'an unknown kind and a removed apiVersion are warnings, and kept',
    source: 'kubectl: no matches for kind "Ingress" in version "extensions/v1beta1"',
    yaml: `apiVersion: batch/v1
kind: Job
metadata: {name: j}
---
apiVersion: extensions/v1beta1
kind: Ingress
metadata: {name: i}
`,
    expect: [
      ['manifest.unknownKind', 2, 'batch/v1 Job'],
      ['manifest.wrongApiVersion', 5, 'no matches for kind "Ingress" in version "extensions/v1beta1": use apiVersion networking.k8s.io/v1'],
    ],
    kept: ['Job/default/j', 'Ingress/default/i'],
  },
  {
    name: 'NetworkPolicy, IPv6 and dual-stack are read with a warning',
    source: 'the playground simulates IPv4 only',
    yaml: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny}
---
apiVersion: v1
kind: Service
metadata: {name: s}
spec:
  ipFamilyPolicy: RequireDualStack
  ipFamilies: [IPv4, IPv6]
  clusterIP: fd00::10
  ports: [{port: 80}]
`,
    expect: [
      ['manifest.notSimulated.networkPolicy', 2],
      ['manifest.notSimulated.dualStack', 9],
      ['manifest.notSimulated.ipv6', 10],
      ['manifest.notSimulated.ipv6', 11, 'spec.clusterIP: fd00::10 is IPv6'],
    ],
    kept: ['NetworkPolicy/default/deny', 'Service/default/s'],
  },
  {
    name: 'Ingress: pathType required, Prefix paths absolute, backend port name or number',
    source: 'networking validation validateHTTPIngressPath, validateIngressBackend',
    yaml: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: i}
spec:
  rules:
  - host: 192.168.1.1
    http:
      paths:
      - path: api
        pathType: Prefix
        backend: {service: {name: api, port: {number: 80, name: http}}}
      - path: /
        backend: {service: {name: web, port: {}}}
      - path: /a//b/.
        pathType: Exact
        backend: {service: {name: web, port: {number: 80}}}
`,
    expect: [
      ['manifest.invalidValue', 6, 'must be a DNS name, not an IP address'],
      ['manifest.invalidValue', 9, 'spec.rules[0].http.paths[0].path: Invalid value: "api": must be an absolute path'],
      ['manifest.invalidValue', 11, 'cannot set both port name & port number'],
      ['manifest.requiredValue', 12, 'pathType must be specified'],
      ['manifest.requiredValue', 13, 'port name or number is required'],
      ['manifest.invalidValue', 14, "spec.rules[0].http.paths[2].path: Invalid value: \"/a//b/.\": must not contain '//'"],
      ['manifest.invalidValue', 14, "cannot end with '/.'"],
      ['manifest.rejected', 3],
    ],
  },
  {
    name: 'MetalLB pools: ranges low to high, booleans typed (a CRD: OpenAPI wording)',
    source: 'apiextensions structural schema; metallb parse of address ranges',
    yaml: `apiVersion: metallb.io/v1beta1
kind: IPAddressPool
metadata: {name: first-pool, namespace: metallb-system}
spec:
  addresses:
  - 192.168.100.150-192.168.100.100
  autoAssign: "false"
`,
    expect: [
      ['manifest.invalidValue', 6, 'start 192.168.100.150 is after end 192.168.100.100'],
      ['manifest.type.boolean', 7, 'spec.autoAssign in body must be of type boolean: "string"'],
      ['manifest.rejected', 3],
    ],
  },
  {
    name: 'the tutorial MetalLB pool and L2Advertisement are valid',
    source: 'the tutorial, LoadBalancer lab',
    yaml: `apiVersion: metallb.io/v1beta1
kind: IPAddressPool
metadata: {name: first-pool, namespace: metallb-system}
spec:
  addresses:
  - 192.168.100.100-192.168.100.150
---
apiVersion: metallb.io/v1beta1
kind: L2Advertisement
metadata: {name: l2-adv, namespace: metallb-system}
spec:
  ipAddressPools: [first-pool]
`,
    expect: [],
    kept: ['IPAddressPool/metallb-system/first-pool', 'L2Advertisement/metallb-system/l2-adv'],
  },
  {
    name: 'BGPPeer needs its ASNs and address',
    source: 'metallb BGPPeer CRD: myASN, peerASN, peerAddress required',
    yaml: `apiVersion: metallb.io/v1beta2
kind: BGPPeer
metadata: {name: edge, namespace: metallb-system}
spec: {myASN: 64512}
`,
    expect: [['manifest.requiredValue', 4, 'spec.peerASN: Required value'], ['manifest.requiredValue', 4, 'spec.peerAddress'], ['manifest.rejected', 3]],
  },
  {
    name: 'a KubeProxyConfiguration needs no metadata; its mode is one of the proxiers',
    source: 'kube-proxy config file (kubeadm); validateProxyMode',
    yaml: `apiVersion: kubeproxy.config.k8s.io/v1alpha1
kind: KubeProxyConfiguration
mode: ipvs
ipvs: {scheduler: rr}
---
apiVersion: kubeproxy.config.k8s.io/v1alpha1
kind: KubeProxyConfiguration
metadata: {name: other}
mode: userspace
`,
    expect: [['manifest.unsupportedValue', 9, 'mode: Unsupported value: "userspace"'], ['manifest.rejected', 8]],
    kept: ['KubeProxyConfiguration/kube-proxy'],
  },
  {
    name: 'the Cluster kind: CIDRs, IPv4 addresses, unique names and addresses',
    source: 'the playground Cluster kind (cluster-kind.ts)',
    yaml: `apiVersion: kube-hops.dev/v1alpha1
kind: Cluster
metadata: {name: lab}
spec:
  podCIDR: 10.244.0.0/33
  serviceCIDR: 10.96.0.0/12
  nodePortRange: 32767-30000
  nodes:
  - {name: master, ip: 192.168.100.20, controlPlane: true}
  - {name: master, ip: 192.168.100.21}
  - {name: Node_2, ip: 192.168.100.21}
  - {name: node3, ip: "fd00::3"}
  clients:
  - {name: workstation, ip: 192.168.100.20, hosts: {nginx.example.com: 192.168.100.21}}
  router: {name: edge, ip: 192.168.100.1, asn: 64500}
`,
    expect: [
      ['manifest.cluster.notCIDR', 5, '"10.244.0.0/33" is not an IPv4 CIDR'],
      ['manifest.cluster.portRange', 7],
      ['manifest.cluster.duplicateName', 10, 'spec.nodes[1].name: the name "master" is already used by spec.nodes[0].name'],
      ['manifest.invalidValue', 11, 'spec.nodes[2].name: Invalid value: "Node_2"'],
      ['manifest.cluster.duplicateIP', 11, 'already used by spec.nodes[1].ip'],
      ['manifest.cluster.notIPv4', 12],
      ['manifest.cluster.duplicateIP', 14, 'already used by spec.nodes[0].ip'],
      ['manifest.rejected', 3],
    ],
  },
  {
    name: 'the Cluster kind from the cluster brief is valid',
    source: 'the playground Cluster kind',
    yaml: `apiVersion: kube-hops.dev/v1alpha1
kind: Cluster
metadata: {name: lab}
spec:
  clusterDomain: cluster.local
  podCIDR: 10.244.0.0/16
  serviceCIDR: 10.96.0.0/12
  nodes:
  - {name: master, ip: 192.168.100.20, controlPlane: true, labels: {}, taints: []}
  - {name: node1, ip: 192.168.100.21, podCIDR: 10.244.1.0/24}
  clients:
  - {name: workstation, ip: 192.168.100.10, hosts: {nginx.example.com: 192.168.100.21}}
  router: {name: edge, ip: 192.168.100.1, asn: 64500}
`,
    expect: [],
    kept: ['Cluster/lab'],
  },
  {
    name: 'Deployment: negative replicas, selector operators, duplicate container names',
    source: 'ValidateNonnegativeField; LabelSelectorRequirement operator; validateContainers Duplicate',
    yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: d}
spec:
  replicas: -1
  selector:
    matchExpressions: [{key: app, operator: Equals, values: [d]}]
  template:
    metadata: {labels: {app: d}}
    spec:
      containers:
      - {name: c, image: nginx}
      - {name: c, image: nginx}
`,
    expect: [
      ['manifest.invalidValue', 5, 'spec.replicas: Invalid value: -1: must be greater than or equal to 0'],
      ['manifest.unsupportedValue', 7, '"DoesNotExist", "Exists", "In", "NotIn"'],
      ['manifest.duplicateValue', 13, 'spec.template.spec.containers[1].name: Duplicate value: "c"'],
      ['manifest.rejected', 3],
    ],
  },
  {
    name: 'StatefulSet names are DNS-1123 labels',
    source: 'ValidateStatefulSetName = NameIsDNSLabel',
    yaml: `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web.v1}
spec:
  serviceName: web
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: nginx, image: nginx}]}
`,
    expect: [['manifest.invalidValue', 3, 'must not contain dots'], ['manifest.rejected', 3]],
  },
  {
    name: 'hostNetwork pods: hostPort must equal containerPort',
    source: 'validatePodSpec: "must match `containerPort` when `hostNetwork` is true"',
    yaml: pod(`    ports: [{containerPort: 80, hostPort: 8080}]
  hostNetwork: true
`),
    expect: [['manifest.invalidValue', 9, 'must match `containerPort` when `hostNetwork` is true'], ['manifest.rejected', 4]],
  },
  {
    name: 'EndpointSlice addresses follow the addressType',
    source: 'discovery validation validateEndpoints',
    yaml: `apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: {name: s-1, labels: {kubernetes.io/service-name: s}}
addressType: IPv4
endpoints:
- addresses: [10.244.1.300]
ports: [{name: http, port: 80}]
`,
    expect: [['manifest.invalidValue', 6, 'must be a valid IPv4 address'], ['manifest.rejected', 3]],
  },
]

describe('validateObjects (as the API server would)', () => {
  for (const c of cases) {
    it(`${c.name} (${c.source})`, () => {
      const { objects, diagnostics } = parseManifests([{ path: 't.yaml', text: c.yaml }])
      const byLine = (a: readonly [string, number?, ...unknown[]], b: readonly [string, number?, ...unknown[]]) =>
        (a[1] ?? 0) - (b[1] ?? 0) || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)
      const got = diagnostics.map((d) => [d.code, d.range?.startLine, formatMessage(d.code, d.params)] as const).sort(byLine)
      const want = [...c.expect].sort(byLine)
      expect(got.map(([code, line]) => [code, line]), JSON.stringify(got, null, 1)).toEqual(want.map(([code, line]) => [code, line]))
      for (const [code, line, text] of want) {
        if (text) expect(got.filter((g) => g[0] === code && g[1] === line).map((g) => g[2]).join('\n')).toContain(text)
      }
      if (c.kept) expect(objects.map((o) => o.id)).toEqual(c.kept)
    })
  }

  it('every finding names its object and has a catalogued text', () => {
    const all = cases.flatMap((c) => parseManifests([{ path: 't.yaml', text: c.yaml }]).diagnostics)
    for (const d of all) {
      expect(d.objectId, d.code).toBeTruthy()
      expect(formatMessage(d.code, d.params, 'zh')).not.toMatch(/\{\w+\}/)
      expect(formatMessage(d.code, d.params, 'en')).not.toBe(d.code)
    }
  })

  it('the gallery scenarios validate cleanly, generated ones included', () => {
    for (const s of gallery) {
      const { diagnostics } = parseManifests(scenarioFiles(s))
      expect(diagnostics, s.name).toEqual([])
    }
  })
})
