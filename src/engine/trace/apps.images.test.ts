import { describe, expect, it } from 'vitest'
import { compileScenario } from '../scenario'
import { httpReply, listens, writtenIndex, type AppContext } from './apps'

/** What pods answer, by image (issue 6 "What the pods answer"). */
const podsOf = (yaml: string) => compileScenario([{ path: 'a.yaml', text: yaml }]).cluster.pods.filter((p) => !p.system)
const ctx = (pod: AppContext['pod']): AppContext => ({ pod, date: 'Thu, 01 Jan 2026 00:00:00 GMT', connect: () => ({ ok: false, detail: '' }) })
const get = (pod: AppContext['pod'], port: number, path = '/') =>
  httpReply(pod, port, { method: 'GET', host: 'app.example.com', path, headers: { 'User-Agent': 'curl/8.5.0', Accept: '*/*' }, remoteAddr: '10.244.1.0:40000' }, ctx(pod))

const pod = (name: string, container: string, annotations = '') => `---
apiVersion: v1
kind: Pod
metadata: { name: ${name}${annotations} }
spec:
  containers:
${container}`

describe('pod answers by image', () => {
  it('the tutorial\'s canary pods answer the page their command writes (echo adds a newline)', () => {
    const [p] = podsOf(pod('app-v1-1', `  - name: app
    image: nginx:1.20
    command: ["/bin/sh", "-c"]
    args:
    - echo '<h1 style="color:red">Version 1</h1>' > /usr/share/nginx/html/index.html && nginx -g 'daemon off;'
`))
    expect(get(p, 80)?.body).toBe('<h1 style="color:red">Version 1</h1>\n')
    expect(get(p, 80)?.headers).toContainEqual(['Server', 'nginx'])
  })
  it('reads double quotes and echo -n too', () => {
    const [p] = podsOf(pod('x', `  - { name: x, image: httpd:2.4, command: [sh, -c, 'echo -n "hi \\"there\\"" > /usr/local/apache2/htdocs/index.html && httpd-foreground'] }\n`))
    expect(writtenIndex(p, '/usr/local/apache2/htdocs/index.html')).toBe('hi "there"')
  })
  it('a plain nginx pod still answers the welcome page', () => {
    const [p] = podsOf(pod('web', '  - { name: web, image: nginx:1.20 }\n'))
    expect(get(p, 80)?.body).toContain('<h1>Welcome to nginx!</h1>')
  })
  it('hashicorp/http-echo answers -text on 5678', () => {
    const [p] = podsOf(pod('echo', '  - { name: echo, image: hashicorp/http-echo, args: ["-text=apple"] }\n'))
    expect(listens(p, 5678, 'TCP')).toBe(true)
    const r = get(p, 5678)!
    expect(r.body).toBe('apple\n')
    expect(r.headers).toContainEqual(['X-App-Name', 'http-echo'])
  })
  it('echoserver reflects the request', () => {
    const [p] = podsOf(pod('echo', '  - { name: echo, image: registry.k8s.io/echoserver:1.10 }\n'))
    const body = get(p, 8080, '/foo?x=1')!.body
    expect(body).toContain('\tclient_address=10.244.1.0\n')
    expect(body).toContain('\treal path=/foo\n\tquery=x=1\n')
    expect(body).toContain('Request Headers:\n\taccept=*/*\n\tuser-agent=curl/8.5.0\n')
  })
  it('the kube-hops.dev/response annotation sets any pod\'s answer', () => {
    const [p] = podsOf(pod('any', '  - { name: any, image: busybox, ports: [{ containerPort: 8000 }] }\n', ', annotations: { kube-hops.dev/response: "hello from any" }'))
    expect(get(p, 8000)?.body).toBe('hello from any\n')
  })
})
