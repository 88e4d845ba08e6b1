import { strToU8 } from 'fflate'

/**
 * The preset dictionary of version 1 links (deflate's FDICT idea, as zlib's deflateSetDictionary): a typical share
 * payload, so the first occurrence of `apiVersion: networking.k8s.io/v1` or a Secret's base64 PEM header costs a
 * back-reference instead of its letters. It makes the gallery's largest lab (HTTPS, with its certificate) fit in a
 * 2,000-character link.
 *
 * FROZEN: every version 1 link inflates against these exact bytes (a test pins their hash). A better dictionary is a
 * new version (`v: 2`) with its own constant, and version 1 links keep this one.
 */
const SAMPLE_YAML = [
  '# The tutorial\'s ',
  'apiVersion: v1', 'kind: Pod', 'metadata:', '  name: ', '  labels:', '    app: ', 'spec:', '  containers:', '  - name: ',
  '    image: ', '    ports:', '    - containerPort: 80', '---',
  'apiVersion: networking.k8s.io/v1', 'kind: Ingress', 'metadata:', '  name: ', '  namespace: ', '  annotations:',
  '    nginx.ingress.kubernetes.io/canary: "true"', '    nginx.ingress.kubernetes.io/rewrite-target: ', 'spec:',
  '  ingressClassName: nginx', '  tls:', '  - hosts:', '    - ', '    secretName: ', '  rules:', '  - host: .example.com',
  '    http:', '      paths:', '      - path: /', '        pathType: Prefix', '        backend:', '          service:',
  '            name: ', '            port:', '              number: 80', '---',
  'apiVersion: v1', 'kind: Secret', 'metadata:', '  name: ', 'type: kubernetes.io/tls', 'data:',
  // base64 of "-----BEGIN CERTIFICATE-----\nMII" and "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEI"
  '  tls.crt: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSU', '  tls.key: LS0tLS1CRUdJTiBFQyBQUklWQVRFIEtFWS0tLS0tCk1IY0NBUUVFSU', '---',
  'apiVersion: kube-hops.dev/v1alpha1', 'kind: Cluster', 'metadata:', '  name: lab', 'spec:', '  nodes:', '  - name: master',
  '    ip: 192.168.100.20', '    controlPlane: true', '  - name: node1', '    ip: 192.168.100.21', '    labels:',
  '      ingress: "true"', '  - name: node2', '    ip: 192.168.100.22', '  clients:', '  - name: workstation',
  '    ip: 192.168.100.10', '    hosts:', '  ingressController:', '    mode: hostNetwork', '---',
  'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: ', '  labels:', '    app: ', 'spec:', '  replicas: 3',
  '  selector:', '    matchLabels:', '      app: ', '  template:', '    metadata:', '      labels:', '        app: ', '    spec:',
  '      containers:', '      - name: nginx', '        image: nginx:1.25', '        ports:', '        - containerPort: 80', '---',
  'apiVersion: v1', 'kind: Service', 'metadata:', '  name: ', 'spec:', '  type: ClusterIP', '  selector:', '    app: ',
  '  ports:', '  - port: 80', '    targetPort: 80', '    protocol: TCP', '    name: http', '---',
  'apiVersion: v1', 'kind: Pod', 'metadata:', '  name: ', '  labels:', '    app: ', 'spec:', '  containers:', '  - name: ',
  '    image: ', '    ports:', '    - containerPort: 80', '',
].join('\n')

const SAMPLE = {
  v: 1,
  scenario: '',
  files: [{ path: '.yaml', text: SAMPLE_YAML }],
  positions: { 'Pod/default/': [0, 0], 'Service/default/': [0, 0], 'Node/node1': [0, 0] },
  request: { from: 'client/workstation', command: 'curl -s http://' },
  seed: 1,
  hop: 0,
}

export const DICTIONARY_V1: Uint8Array = strToU8(JSON.stringify(SAMPLE))
