import { describe, expect, it } from 'vitest'
import { run, simulationOf } from '../../testing'

const LAB = `
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: { app: web }
spec:
  replicas: 4
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web, tier: front }
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        ports:
        - containerPort: 80
          name: http
---
apiVersion: v1
kind: Service
metadata:
  name: web-lb
spec:
  type: LoadBalancer
  selector: { app: web }
  ports:
  - name: http
    port: 80
    targetPort: http
    nodePort: 31234
---
apiVersion: v1
kind: Service
metadata:
  name: db-external
spec:
  type: ExternalName
  externalName: mysql.external-domain.com
---
apiVersion: v1
kind: Service
metadata:
  name: web-headless
spec:
  clusterIP: None
  selector: { app: web }
  ports:
  - port: 80
---
apiVersion: v1
kind: Namespace
metadata:
  name: shop
---
apiVersion: v1
kind: Pod
metadata:
  name: cart
  namespace: shop
  labels: { app: cart, version: "2" }
spec:
  containers:
  - name: cart
    image: busybox
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  a: "1"
  b: "2"
---
apiVersion: v1
kind: Secret
metadata:
  name: creds
stringData:
  password: Westos123
`

const sim = () => simulationOf(LAB)
const kubectl = (...args: string[]) => run(sim(), ['kubectl', ...args])

describe('kubectl get: kubectl\'s own formats (printers.go)', () => {
  it('PORT(S) with a nodePort, EXTERNAL-IP <pending> for an unassigned LoadBalancer, ExternalName, headless None', () => {
    const r = kubectl('get', 'svc')
    expect(r.stdout).toMatch(/^db-external\s+ExternalName\s+<none>\s+mysql\.external-domain\.com\s+<none>\s+10m$/m)
    expect(r.stdout).toMatch(/^web-headless\s+ClusterIP\s+None\s+<none>\s+80\/TCP\s+10m$/m)
    expect(r.stdout).toMatch(/^web-lb\s+LoadBalancer\s+10\.96\.\d+\.\d+\s+<pending>\s+80:31234\/TCP\s+10m$/m)
  })

  it('ENDPOINTS shows three and counts the rest (formatEndpoints)', () => {
    const r = kubectl('get', 'endpoints', 'web-lb')
    expect(r.stdout).toMatch(/^web-lb\s+(\d+\.\d+\.\d+\.\d+:80,){2}\d+\.\d+\.\d+\.\d+:80 \+ 1 more\.\.\.\s+10m$/m)
  })

  it('columns are padded to the widest cell plus three spaces', () => {
    const lines = kubectl('get', 'deploy').stdout.split('\n')
    expect(lines[0]).toBe('NAME   READY   UP-TO-DATE   AVAILABLE   AGE')
    expect(lines[1]).toBe('web    4/4     4            4           10m')
  })

  it('says "No resources found in <ns> namespace." on stderr, exit 0', () => {
    const r = kubectl('get', 'pods', '-n', 'empty')
    expect(r).toMatchObject({ stdout: '', stderr: 'No resources found in empty namespace.\n', exitCode: 0 })
    expect(kubectl('get', 'ingressclasses').stderr).toBe('No resources found\n')
  })

  it('adds NAMESPACE with -A and LABELS with --show-labels', () => {
    const r = kubectl('get', 'pods', '-A', '-l', 'app=cart', '--show-labels')
    expect(r.stdout.split('\n')[0]).toMatch(/^NAMESPACE\s+NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+LABELS$/)
    expect(r.stdout).toMatch(/^shop\s+cart\s+1\/1\s+Running\s+0\s+10m\s+app=cart,version=2$/m)
  })

  it('filters with set-based and inequality selectors', () => {
    expect(kubectl('get', 'pods', '-l', 'tier in (front,back),app!=cart', '-o', 'name').stdout.trim().split('\n')).toHaveLength(4)
    expect(kubectl('get', 'pods', '-A', '-l', '!tier', '-o', 'name').stdout).toContain('pod/cart\n')
    expect(kubectl('get', 'pods', '-l', 'version notin (2)', '-n', 'shop').stderr).toBe('No resources found in shop namespace.\n')
  })

  it('prefixes names with the kind only when several kinds are asked for', () => {
    expect(kubectl('get', 'deploy,rs').stdout).toMatch(/^deployment\.apps\/web\s/m)
    expect(kubectl('get', 'deploy,rs').stdout).toMatch(/\n\nNAME\s+DESIRED\s+CURRENT\s+READY\s+AGE\nreplicaset\.apps\/web-[a-z0-9]+\s+4\s+4\s+4\s+10m\n$/)
    expect(kubectl('get', 'deploy').stdout).toMatch(/^web\s/m)
  })

  it('CONFIGMAP DATA counts keys; a Secret\'s stringData becomes base64 data of type Opaque', () => {
    expect(kubectl('get', 'cm', 'settings').stdout).toMatch(/^settings\s+2\s+10m$/m)
    expect(kubectl('get', 'secret', 'creds').stdout).toMatch(/^creds\s+Opaque\s+1\s+10m$/m)
    expect(kubectl('get', 'secret', 'creds', '-o', 'json').stdout).toContain('"password": "V2VzdG9zMTIz"')
  })

  it('returns one object for one name and a List otherwise (-o yaml)', () => {
    expect(kubectl('get', 'svc', 'web-lb', '-o', 'yaml').stdout).toMatch(/^apiVersion: v1\nkind: Service\n/)
    expect(kubectl('get', 'svc', '-o', 'yaml').stdout).toMatch(/^apiVersion: v1\nitems:\n- apiVersion: v1\n/)
    expect(kubectl('get', 'svc', '-o', 'yaml').stdout).toMatch(/\nkind: List\nmetadata:\n  resourceVersion: ""\n$/)
  })

  it('accepts TYPE/NAME and reports missing names as the API server does, exit 1', () => {
    expect(kubectl('get', 'deploy/web').stdout).toMatch(/^web\s+4\/4/m)
    const r = kubectl('get', 'pods', 'nope')
    expect(r).toMatchObject({ stdout: '', stderr: 'Error from server (NotFound): pods "nope" not found\n', exitCode: 1 })
    expect(kubectl('get', 'deploy', 'nope').stderr).toBe('Error from server (NotFound): deployments.apps "nope" not found\n')
  })

  it('rejects unknown types, flags, formats and bad selectors in kubectl\'s words', () => {
    expect(kubectl('get', 'gizmos')).toMatchObject({ stderr: 'error: the server doesn\'t have a resource type "gizmos"\n', exitCode: 1 })
    expect(kubectl('get', 'pods', '--bogus')).toMatchObject({ stderr: "error: unknown flag: --bogus\nSee 'kubectl get --help' for usage.\n", exitCode: 1 })
    expect(kubectl('get', 'pods', '-o', 'table').stderr).toMatch(/^error: unable to match a printer suitable for the output format "table", allowed formats are: /)
    expect(kubectl('get', 'pods', '-l', 'app in').stderr)
      .toBe('Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "app in", field selector "": unable to parse requirement: found \'\' expected: \'(\'\n')
    expect(kubectl('get', 'pods', 'a', '-l', 'x=y').stderr).toBe('error: name cannot be provided when a selector is specified\n')
  })

  it('understands short names and kinds', () => {
    for (const t of ['po', 'pod', 'pods', 'Pod', 'pods.v1']) expect(kubectl('get', t).exitCode).toBe(0)
    for (const t of ['no', 'ns', 'ep', 'endpointslices', 'deploy', 'rs', 'sts', 'ds', 'cm', 'secrets', 'ing', 'ingressclasses']) {
      expect(kubectl('get', t).exitCode).toBe(0)
    }
  })

  it('prints the legacy Endpoints deprecation warning the 1.33 API server sends', () => {
    expect(kubectl('get', 'ep').stderr).toBe('Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n')
  })
})

describe('kubectl describe (describe.go layouts)', () => {
  it('describes a Service with aligned fields, NodePort and Events', () => {
    const out = kubectl('describe', 'svc', 'web-lb').stdout
    expect(out).toMatch(/^Name:\s+web-lb\nNamespace:\s+default\n/)
    expect(out).toMatch(/\nPort:\s+http {2}80\/TCP\nTargetPort:\s+http\/TCP\nNodePort:\s+http {2}31234\/TCP\n/)
    expect(out).toMatch(/\nExternal Traffic Policy:\s+Cluster\n/)
    expect(out).toMatch(/\nEvents:\s+<none>\n$/)
    // Every value starts in one column (tabwriter padding 2 after the widest label).
    const starts = out.split('\n').filter((l) => /^[A-Z][\w ]+:\s+\S/.test(l)).map((l) => l.search(/:\s+\S/) + (l.match(/:\s+/) as RegExpMatchArray)[0].length)
    expect(new Set(starts).size).toBe(1)
  })

  it('matches by name prefix when there is no exact name, and drops Events for several objects', () => {
    const out = kubectl('describe', 'pod', 'web-').stdout
    expect(out.match(/^Name:/gm)).toHaveLength(4)
    expect(out).not.toContain('Events:')
    // describe.go prints "\n\n%s" before each later object, whose text ends in a newline: two blank lines.
    expect(out.split('\n\n\nName:')).toHaveLength(4)
  })

  it('describes endpointslices, endpoints, nodes and deployments', () => {
    expect(kubectl('describe', 'endpointslice').stdout).toMatch(/AddressType:\s+IPv4\nPorts:\n  Name\s+Port\s+Protocol\n/)
    expect(kubectl('describe', 'ep', 'web-lb').stdout).toMatch(/Subsets:\n  Addresses:\s+(\d+\.){3}\d+(,(\d+\.){3}\d+){3}\n  NotReadyAddresses:\s+<none>\n/)
    expect(kubectl('describe', 'node', 'node1').stdout).toMatch(/^Name:\s+node1\nRoles:\s+<none>\n/)
    const deploy = kubectl('describe', 'deploy', 'web').stdout
    expect(deploy).toMatch(/\nReplicas:\s+4 desired \| 4 updated \| 4 total \| 4 available \| 0 unavailable\n/)
    // DescribePodTemplate: the container name one space deeper than "Containers:", its fields at LEVEL_2.
    expect(deploy).toMatch(/\nPod Template:\n {2}Labels: {2}app=web\n {11}tier=front\n {2}Containers:\n {3}nginx:\n {4}Image:\s+nginx:1\.27\n {4}Port:\s+80\/TCP \(http\)\n/)
  })

  it('reports a missing object, an unknown type and a missing type', () => {
    expect(kubectl('describe', 'svc', 'nope')).toMatchObject({ stderr: 'Error from server (NotFound): services "nope" not found\n', exitCode: 1 })
    expect(kubectl('describe', 'gizmo', 'x')).toMatchObject({ stderr: 'error: the server doesn\'t have a resource type "gizmo"\n', exitCode: 1 })
    expect(kubectl('describe').stderr).toMatch(/^You must specify the type of resource to describe\./)
  })
})

describe('kubectl describe ingress, configmap, secret', () => {
  const YAML = `
apiVersion: v1
kind: Pod
metadata: { name: nginx-app-1, labels: { app: nginx-app } }
spec: { containers: [ { name: nginx, image: "nginx:1.20", ports: [ { containerPort: 80 } ] } ] }
---
apiVersion: v1
kind: Service
metadata: { name: nginx-service }
spec: { selector: { app: nginx-app }, ports: [ { port: 80, targetPort: 80 } ] }
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: domain-ingress }
spec:
  ingressClassName: nginx
  tls: [ { hosts: [ secure.example.com ], secretName: tls-secret } ]
  rules:
  - host: nginx.example.com
    http: { paths: [ { path: /, pathType: Prefix, backend: { service: { name: nginx-service, port: { number: 80 } } } } ] }
  - host: httpd.example.com
    http: { paths: [ { path: /, pathType: Prefix, backend: { service: { name: httpd-service, port: { number: 80 } } } } ] }
---
apiVersion: v1
kind: ConfigMap
metadata: { name: cfg }
data: { a: "1" }
---
apiVersion: v1
kind: Secret
metadata: { name: s }
stringData: { password: Westos123 }
`
  const k = (...args: string[]) => run(simulationOf(YAML), ['kubectl', ...args])

  it('an Ingress: rules with each backend\'s endpoints, or the lookup error for a missing Service', () => {
    const out = k('describe', 'ingress', 'domain-ingress').stdout
    expect(out).toMatch(/\nIngress Class:\s+nginx\nDefault backend:\s+<default>\nTLS:\n  tls-secret terminates secure\.example\.com\nRules:\n/)
    expect(out).toMatch(/\n {2}nginx\.example\.com\s*\n\s+\/ {3}nginx-service:80 \(\d+\.\d+\.\d+\.\d+:80\)\n/)
    expect(out).toContain('httpd-service:80 (<error: services "httpd-service" not found>)')
    expect(k('get', 'ing').stdout).toMatch(/^domain-ingress\s+nginx\s+nginx\.example\.com,httpd\.example\.com\s+80, 443\s+10m$/m)
  })

  it('a ConfigMap lists its data; a Secret only sizes, without Events', () => {
    expect(k('describe', 'cm', 'cfg').stdout).toMatch(/\nData\n====\na:\n----\n1\n\n\nBinaryData\n====\n\nEvents:\s+<none>\n$/)
    const secret = k('describe', 'secret', 's').stdout
    expect(secret).toMatch(/\nType:\s+Opaque\n\nData\n====\npassword:\s+9 bytes\n$/)
  })
})

describe('scheduler events in describe', () => {
  const PICKY = 'apiVersion: v1\nkind: Pod\nmetadata: { name: picky }\nspec:\n  nodeSelector: { disk: ssd }\n  containers: [ { name: a, image: "nginx:1.27" } ]\n'

  it('a pending pod shows FailedScheduling with the scheduler\'s FitError, also in its PodScheduled condition', () => {
    const s = simulationOf(PICKY)
    const out = run(s, ['kubectl', 'describe', 'pod', 'picky']).stdout
    expect(out).toMatch(/\n {2}Warning\s+FailedScheduling\s+10m\s+default-scheduler\s+0\/3 nodes are available: .+ didn't match Pod's node affinity\/selector\./)
    // go-yaml v2 folds the long single-quoted message past column 80, continuing two spaces deeper.
    expect(run(s, ['kubectl', 'get', 'pod', 'picky', '-o', 'yaml']).stdout).toContain([
      "    message: '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane:",
      "      }, 2 node(s) didn''t match Pod''s node affinity/selector. preemption: 0/3 nodes",
      "      are available: 3 Preemption is not helpful for scheduling.'",
      '    reason: Unschedulable',
    ].join('\n'))
    expect(run(s, ['kubectl', 'get', 'pod', 'picky']).stdout).toMatch(/^picky\s+0\/1\s+Pending\s+0\s+10m$/m)
  })

  it('events older than the API server\'s one-hour event TTL are gone', () => {
    const s = simulationOf('service-basics')
    expect(run(s, ['kubectl', 'describe', 'pod', 'mysql-pod']).stdout).toContain('Successfully assigned default/mysql-pod to node1')
    s.clock.advance(60 * 60 * 1000)
    expect(run(s, ['kubectl', 'describe', 'pod', 'mysql-pod']).stdout).toMatch(/\nEvents:\s+<none>\n$/)
  })
})

describe('kube-system objects kubeadm creates', () => {
  it('kube-system/coredns holds the default Corefile unless the scenario writes its own', () => {
    const out = run(simulationOf('service-basics'), ['kubectl', 'get', 'configmap', 'coredns', '-n', 'kube-system', '-o', 'yaml']).stdout
    expect(out).toMatch(/^apiVersion: v1\ndata:\n {2}Corefile: \|\n {4}\.:53 \{\n {8}errors\n/)
    expect(out).toContain('\n        kubernetes cluster.local in-addr.arpa ip6.arpa {\n')
    const own = 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: coredns, namespace: kube-system }\ndata:\n  Corefile: |\n    .:53 {\n        forward . 8.8.8.8\n    }\n'
    const mine = run(simulationOf(own), ['kubectl', 'get', 'cm', '-n', 'kube-system', '-o', 'yaml']).stdout
    expect(mine.match(/name: coredns/g)).toHaveLength(1)
    expect(mine).toContain('forward . 8.8.8.8')
  })
})

describe('kubectl get events', () => {
  it('lists the events describe shows, named <object>.<nanoseconds in hex>, as printEvent prints them', () => {
    const s = simulationOf('service-basics')
    const out = run(s, ['kubectl', 'get', 'events']).stdout
    expect(out.split('\n')[0]).toMatch(/^LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE$/)
    expect(out).toMatch(/^10m\s+Normal\s+Scheduled\s+pod\/mysql-pod\s+Successfully assigned default\/mysql-pod to node1$/m)
    const yaml = run(s, ['kubectl', 'get', 'ev', '-o', 'yaml']).stdout
    // 2025-12-31T23:50:00Z in Unix nanoseconds, hex (client-go record.makeEvent).
    expect(yaml).toContain(`name: mysql-pod.${(BigInt(Date.UTC(2025, 11, 31, 23, 50)) * 1_000_000n).toString(16)}\n`)
    expect(yaml).toMatch(/\n {2}involvedObject:\n {4}apiVersion: v1\n {4}kind: Pod\n {4}name: mysql-pod\n/)
  })
})
