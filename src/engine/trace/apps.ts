import type { Pod, Protocol } from '../cluster/types'

/**
 * What a pod answers: the ports its image listens on and the reply it gives, keyed by image. One small table so
 * later stages (the Ingress controller, echo servers) can add their images. An image not listed here listens on its
 * declared containerPorts and answers HTTP with a short page naming the pod.
 */

export interface HttpRequest {
  method: string
  host: string
  path: string
  headers: Record<string, string>
  /** `ip:port` the server sees the connection from (echo servers print it). */
  remoteAddr?: string
  /** http or https (echo servers print it). */
  scheme?: 'http' | 'https'
}

export interface HttpReply {
  status: number
  reason: string
  headers: [string, string][]
  body: string
}

export interface AppContext {
  pod: Pod
  /** The HTTP `Date` header value for now (virtual clock). */
  date: string
  /** Another connection the app makes (the nginx-php page tests its database): whether it reached a listener. */
  connect(host: string, port: number): { ok: boolean; detail: string }
}

export interface AppModel {
  /** Matches the image reference (registry and tag stripped). */
  match: (repo: string) => boolean
  ports: { port: number; protocol: Protocol; name: string }[]
  http?: (req: HttpRequest, ctx: AppContext) => HttpReply
  /** What a non-HTTP server sends first (MySQL's greeting), if anything. */
  banner?: string
}

/** `reg.westos.org/library/nginx-php:v2` → { repo: 'nginx-php', tag: 'v2' } */
export function imageParts(image: string): { repo: string; tag: string } {
  const at = image.split('@')[0]
  const slash = at.lastIndexOf('/')
  const last = at.slice(slash + 1)
  const colon = last.lastIndexOf(':')
  return colon < 0 ? { repo: last, tag: 'latest' } : { repo: last.slice(0, colon), tag: last.slice(colon + 1) }
}

// nginx's stock index.html (/usr/share/nginx/html/index.html in the official image)
const NGINX_WELCOME = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`

function serverVersion(name: string, tag: string): string {
  return /^\d+\.\d+\.\d+$/.test(tag) ? `${name}/${tag}` : name
}

function page(status: number, reason: string, server: string, ctx: AppContext, body: string, type = 'text/html'): HttpReply {
  return {
    status,
    reason,
    headers: [
      ['Server', server],
      ['Date', ctx.date],
      ['Content-Type', type],
      ['Content-Length', String(utf8Length(body))],
      ['Connection', 'keep-alive'],
    ],
    body,
  }
}

/** Bytes of the UTF-8 encoding (Content-Length counts bytes, not characters). */
function utf8Length(text: string): number {
  let n = 0
  for (const ch of text) {
    const c = ch.codePointAt(0)!
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4
  }
  return n
}

function containerOf(pod: Pod, repo: (r: string) => boolean) {
  return pod.containers.find((c) => repo(imageParts(c.image).repo))
}

const apps: AppModel[] = [
  {
    // the tutorial's nginx-php image: an info page that also tests its database connection (DB_HOST etc. from env)
    match: (r) => r === 'nginx-php',
    ports: [{ port: 80, protocol: 'TCP', name: 'http' }],
    http: (req, ctx) => {
      const c = containerOf(ctx.pod, (r) => r === 'nginx-php')
      const env = c?.env ?? {}
      const host = env.DB_HOST ?? ''
      const lines = [
        '=== Nginx-PHP Container Info ===',
        `Hostname: ${ctx.pod.name}`,
        `Server IP: ${ctx.pod.podIP}`,
        '',
        '=== Database Configuration ===',
        `DB Host: ${host}`,
        `DB User: ${env.DB_USER ?? ''}`,
        `DB Name: ${env.DB_NAME ?? ''}`,
        '',
        '=== Database Connection Test ===',
      ]
      if (!host) lines.push('Database connection failed: DB_HOST is not set')
      else {
        const db = ctx.connect(host, 3306)
        if (db.ok) lines.push('Database connected successfully!', `MySQL Version: ${db.detail}`)
        else lines.push(`Database connection failed: ${db.detail}`)
      }
      void req
      return page(200, 'OK', 'nginx', ctx, lines.join('\n') + '\n', 'text/html; charset=UTF-8')
    },
  },
  {
    match: (r) => r === 'nginx' || r === 'nginx-unprivileged',
    ports: [{ port: 80, protocol: 'TCP', name: 'http' }],
    http: (req, ctx) => {
      const tag = imageParts(containerOf(ctx.pod, (r) => r.startsWith('nginx'))?.image ?? '').tag
      const server = serverVersion('nginx', tag)
      if (req.path === '/' || req.path === '/index.html') return page(200, 'OK', server, ctx, writtenIndex(ctx.pod, '/usr/share/nginx/html/index.html') ?? NGINX_WELCOME)
      return page(404, 'Not Found', server, ctx, notFound(server))
    },
  },
  {
    match: (r) => r === 'httpd',
    ports: [{ port: 80, protocol: 'TCP', name: 'http' }],
    http: (req, ctx) => {
      const tag = imageParts(containerOf(ctx.pod, (r) => r === 'httpd')?.image ?? '').tag
      const server = /^\d+\.\d+\.\d+$/.test(tag) ? `Apache/${tag} (Unix)` : 'Apache/2.4.62 (Unix)'
      if (req.path === '/' || req.path === '/index.html') return page(200, 'OK', server, ctx, writtenIndex(ctx.pod, '/usr/local/apache2/htdocs/index.html') ?? '<html><body><h1>It works!</h1></body></html>\n')
      return page(404, 'Not Found', server, ctx, '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n')
    },
  },
  {
    // hashicorp/http-echo: answers -text (plus a newline, fmt.Fprintln) on -listen (default :5678)
    match: (r) => r === 'http-echo',
    ports: [{ port: 5678, protocol: 'TCP', name: 'http' }],
    http: (req, ctx) => {
      void req
      const args = argsOf(ctx.pod, (r) => r === 'http-echo')
      const text = flagValue(args, 'text') ?? ''
      const status = Number(flagValue(args, 'status-code') ?? '200') || 200
      const body = text + '\n'
      return {
        status,
        reason: status === 200 ? 'OK' : '',
        headers: [
          ['X-App-Name', 'http-echo'],
          ['X-App-Version', '1.0.0'],
          ['Date', ctx.date],
          ['Content-Length', String(utf8Length(body))],
          ['Content-Type', 'text/plain; charset=utf-8'],
        ],
        body,
      }
    },
  },
  {
    // registry.k8s.io/echoserver (the Kubernetes docs' and ingress-nginx examples' echo server): nginx + lua on 8080,
    // printing the request back
    match: (r) => r === 'echoserver',
    ports: [{ port: 8080, protocol: 'TCP', name: 'http' }, { port: 8443, protocol: 'TCP', name: 'https' }],
    http: (req, ctx) => {
      const [path, query] = req.path.split('?', 2)
      const env = containerOf(ctx.pod, (r) => r === 'echoserver')?.env ?? {}
      // the downward-API variables the echoserver manifests pass in
      const labels: [string, string][] = [['NODE_NAME', 'node name'], ['POD_NAME', 'pod name'], ['POD_NAMESPACE', 'pod namespace'], ['POD_IP', 'pod IP']]
      const podInfo = labels.filter(([k]) => env[k]).map(([k, label]) => `\t${label}:\t${env[k]}`)
      const headers = Object.entries(req.headers).map(([k, v]) => [k.toLowerCase(), v] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      const lines = [
        '', '', `Hostname: ${ctx.pod.name}`, '',
        'Pod Information:', ...(podInfo.length ? podInfo : ['\t-no pod information available-']), '',
        'Server values:', '\tserver_version=nginx: 1.13.3 - lua: 10008', '',
        'Request Information:',
        `\tclient_address=${(req.remoteAddr ?? '').split(':')[0]}`,
        `\tmethod=${req.method}`,
        `\treal path=${path}`,
        `\tquery=${query ?? ''}`,
        '\trequest_version=1.1',
        `\trequest_scheme=${req.scheme ?? 'http'}`,
        `\trequest_uri=${req.scheme ?? 'http'}://${req.host}:8080${req.path}`, '',
        'Request Headers:', ...headers.map(([k, v]) => `\t${k}=${v}`), '',
        'Request Body:', '\t-no body in request-', '', '',
      ]
      return page(200, 'OK', 'echoserver', ctx, lines.join('\n'), 'text/plain')
    },
  },
  {
    match: (r) => r === 'mysql' || r === 'mariadb',
    ports: [{ port: 3306, protocol: 'TCP', name: 'mysql' }, { port: 33060, protocol: 'TCP', name: 'mysqlx' }],
    banner: 'mysql',
  },
  {
    match: (r) => r === 'coredns',
    ports: [
      { port: 53, protocol: 'UDP', name: 'dns' },
      { port: 53, protocol: 'TCP', name: 'dns-tcp' },
      { port: 9153, protocol: 'TCP', name: 'metrics' },
      { port: 8080, protocol: 'TCP', name: 'health' },
      { port: 8181, protocol: 'TCP', name: 'ready' },
    ],
  },
]

/** A pod annotation whose value is the body every HTTP request to the pod gets (200, text/plain). */
export const RESPONSE_ANNOTATION = 'kube-hops.dev/response'

/** The container's command and args as one argv (the tutorial's `sh -c "echo ... > index.html && nginx ..."`). */
function argsOf(pod: Pod, repo: (r: string) => boolean): string[] {
  const c = containerOf(pod, repo)
  return c ? [...(c.command ?? []), ...(c.args ?? [])] : []
}

/** Go flag syntax: `-name=value`, `--name=value`, or `-name value`. */
function flagValue(args: string[], name: string): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const m = /^--?([\w-]+)(?:=(.*))?$/s.exec(args[i])
    if (!m || m[1] !== name) continue
    return m[2] !== undefined ? m[2] : args[i + 1]
  }
  return undefined
}

/**
 * The page a container's shell command writes before starting the server: `echo '<h1>Version 1</h1>' > <file>` (echo
 * appends a newline; `echo -n` does not). Single or double quotes, or an unquoted word list.
 */
export function writtenIndex(pod: Pod, file: string): string | undefined {
  for (const c of pod.containers) {
    const script = [...(c.command ?? []), ...(c.args ?? [])].join(' ')
    const at = script.indexOf(file)
    if (at < 0) continue
    const before = script.slice(0, at).replace(/\s*>{1,2}\s*$/, '')
    const m = /echo\s+(-n\s+)?(?:'([^']*)'|"((?:[^"\\]|\\.)*)"|([^;&|>]*?))\s*$/.exec(before.slice(Math.max(before.lastIndexOf('echo'), 0)))
    if (!m) continue
    const text = m[2] ?? (m[3] !== undefined ? m[3].replace(/\\(.)/g, '$1') : (m[4] ?? '').trim())
    return m[1] ? text : text + '\n'
  }
  return undefined
}

function notFound(server: string): string {
  return `<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>${server}</center>\r\n</body>\r\n</html>\r\n`
}

/** Register another image's behaviour (later stages: the Ingress controller, echo servers). */
export function registerApp(model: AppModel): void {
  apps.unshift(model)
}

export function appOf(pod: Pod): AppModel | undefined {
  for (const c of pod.containers) {
    const { repo } = imageParts(c.image)
    const app = apps.find((a) => a.match(repo))
    if (app) return app
  }
  return undefined
}

/** Does something in the pod listen on this port? Its declared containerPorts plus its image's known ports. */
export function listens(pod: Pod, port: number, protocol: Protocol): boolean {
  for (const c of pod.containers) for (const p of c.ports) if (p.containerPort === port && p.protocol === protocol) return true
  return !!appOf(pod)?.ports.some((p) => p.port === port && p.protocol === protocol)
}

/** The HTTP reply of a pod's server on a port; undefined when it does not speak HTTP there (MySQL). */
export function httpReply(pod: Pod, port: number, req: HttpRequest, ctx: AppContext): HttpReply | undefined {
  // a scenario can set any pod's answer
  const custom = pod.annotations[RESPONSE_ANNOTATION]
  if (custom !== undefined) return page(200, 'OK', 'kube-hops', ctx, custom.endsWith('\n') ? custom : custom + '\n', 'text/plain')
  const app = appOf(pod)
  if (app?.banner) return undefined
  if (app?.http) return app.http(req, ctx)
  void port
  // an image we do not know: a plain page naming the pod, so load balancing stays visible
  return page(200, 'OK', 'unknown', ctx, `${pod.name}\n`, 'text/plain')
}

/** The MySQL server version the image reports (`8.0` → what the tutorial's page shows: `8.0.x`). */
export function mysqlVersion(pod: Pod): string {
  const c = containerOf(pod, (r) => r === 'mysql' || r === 'mariadb')
  const tag = c ? imageParts(c.image).tag : ''
  return /^\d+\.\d+$/.test(tag) ? `${tag}.x` : tag || '8.0.x'
}

export function isBannerServer(pod: Pod): boolean {
  return !!appOf(pod)?.banner
}
