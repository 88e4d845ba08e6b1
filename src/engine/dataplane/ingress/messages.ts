import type { MessageTable } from '../../i18n/types'

/** Texts of the ingress-nginx emulation: diagnostics about Ingress objects, and the notes of `ingress` hops. */
export const ingressMessages: MessageTable = {
  // diagnostics
  'ingress.annotation.unknown': {
    en: 'ingress-nginx has no annotation {annotation}: the controller ignores it (Ingress {ingress}).',
    zh: 'ingress-nginx 没有注解 {annotation}：控制器会忽略它（Ingress {ingress}）。',
  },
  'ingress.annotation.unknown.cookie-value': {
    en: 'ingress-nginx has no annotation {annotation} (Ingress {ingress}): canary-by-cookie only understands the cookie values "always" and "never", so any other value reaches the main backend. Send the cookie with the value "always" instead.',
    zh: 'ingress-nginx 没有注解 {annotation}（Ingress {ingress}）：canary-by-cookie 只认 cookie 值 "always" 和 "never"，其他值都会到主版本。请把 cookie 的值设为 "always"。',
  },
  'ingress.annotation.invalid-bool': {
    en: '{annotation}: "{value}" is not a boolean; ingress-nginx uses {default}.',
    zh: '{annotation}：“{value}”不是布尔值；ingress-nginx 按 {default} 处理。',
  },
  'ingress.annotation.invalid-int': {
    en: '{annotation}: "{value}" is not an integer; ingress-nginx uses {default}.',
    zh: '{annotation}：“{value}”不是整数；ingress-nginx 按 {default} 处理。',
  },
  'ingress.annotation.location-denied': {
    en: '{annotation}: {reason}. ingress-nginx denies the location: every request to it gets 503.',
    zh: '{annotation}：{reason}。ingress-nginx 会拒绝该 location：所有请求都返回 503。',
  },
  'ingress.canary.not-enabled': {
    en: 'Ingress {ingress} sets canary-* annotations without canary: "true": ingress-nginx ignores them.',
    zh: 'Ingress {ingress} 设置了 canary-* 注解但没有 canary: "true"：ingress-nginx 会忽略它们。',
  },
  'ingress.canary.alone': {
    en: 'Canary Ingress {ingress} has no main Ingress to join: ingress-nginx creates no server for a canary, so its host answers 404.',
    zh: '金丝雀 Ingress {ingress} 没有可合并的主 Ingress：ingress-nginx 不会为金丝雀单独创建 server，该域名返回 404。',
  },
  'ingress.canary.second': {
    en: 'Canary Ingress {ingress} is a second canary for {primary}: ingress-nginx only uses the first ({first}), this one never gets traffic.',
    zh: '金丝雀 Ingress {ingress} 是 {primary} 的第二个金丝雀：ingress-nginx 只使用第一个（{first}），这个永远收不到流量。',
  },
  'ingress.canary.no-primary': {
    en: 'Canary Ingress {ingress}: no main Ingress has the same host, path and pathType, so ingress-nginx deletes the canary backend {upstream}.',
    zh: '金丝雀 Ingress {ingress}：没有主 Ingress 具有相同的 host、path 和 pathType，ingress-nginx 会删除金丝雀后端 {upstream}。',
  },
  'ingress.class.missing': {
    en: 'Ingress {ingress} names IngressClass "{class}", which does not exist: no controller serves it.',
    zh: 'Ingress {ingress} 指定的 IngressClass “{class}”不存在：没有控制器处理它。',
  },
  'ingress.class.other-controller': {
    en: 'Ingress {ingress} belongs to IngressClass "{class}", whose controller is not ingress-nginx: ingress-nginx ignores it.',
    zh: 'Ingress {ingress} 属于 IngressClass “{class}”，其控制器不是 ingress-nginx：ingress-nginx 会忽略它。',
  },
  'ingress.class.annotation-other': {
    en: 'Ingress {ingress} has kubernetes.io/ingress.class: "{class}", not "nginx": ingress-nginx ignores it.',
    zh: 'Ingress {ingress} 的 kubernetes.io/ingress.class 是 “{class}” 而不是 “nginx”：ingress-nginx 会忽略它。',
  },
  'ingress.class.none': {
    en: 'Ingress {ingress} has no ingressClassName and there is no default IngressClass: ingress-nginx ignores it (add ingressClassName: nginx).',
    zh: 'Ingress {ingress} 没有 ingressClassName，集群里也没有默认 IngressClass：ingress-nginx 会忽略它（请加上 ingressClassName: nginx）。',
  },
  'ingress.class.no-controller': {
    en: 'Ingress {ingress}: no ingress-nginx controller runs in this cluster, so nothing serves it.',
    zh: 'Ingress {ingress}：集群中没有运行 ingress-nginx 控制器，没有组件处理它。',
  },
  'ingress.class.by-name': { en: 'Served by ingress-nginx through IngressClass "{class}".', zh: '通过 IngressClass “{class}”由 ingress-nginx 处理。' },
  'ingress.class.by-annotation': { en: 'Served by ingress-nginx through the kubernetes.io/ingress.class annotation.', zh: '通过 kubernetes.io/ingress.class 注解由 ingress-nginx 处理。' },
  'ingress.class.default': { en: 'Served by ingress-nginx through the default IngressClass "{class}".', zh: '通过默认 IngressClass “{class}”由 ingress-nginx 处理。' },
  'ingress.tls.missing-secret': {
    en: 'TLS Secret {secret} does not exist: ingress-nginx serves {host} with its fake certificate.',
    zh: 'TLS Secret {secret} 不存在：ingress-nginx 为 {host} 使用自带的假证书。',
  },
  'ingress.tls.unusable-secret': {
    en: 'TLS Secret {secret} has no certificate valid for {host}: ingress-nginx serves it with its fake certificate.',
    zh: 'TLS Secret {secret} 中没有适用于 {host} 的证书：ingress-nginx 改用自带的假证书。',
  },
  'ingress.location.duplicate': {
    en: 'nginx: [emerg] duplicate location "{path}" in server {host}: ingress-nginx\'s admission webhook rejects Ingress {ingress} (a Prefix path /x and /x/ both become location /x/).',
    zh: 'nginx: [emerg] duplicate location "{path}"（server {host}）：ingress-nginx 的准入 webhook 会拒绝 Ingress {ingress}（Prefix 路径 /x 和 /x/ 都会变成 location /x/）。',
  },
  'ingress.tls.not-listed': {
    en: 'Host {host} is not in the TLS section of Ingress {ingress}, but the Ingress has one: ingress-nginx serves the host with its fake certificate and redirects its http requests to https.',
    zh: '域名 {host} 不在 Ingress {ingress} 的 TLS 配置中，但该 Ingress 有 TLS 配置：ingress-nginx 会用假证书为该域名提供 HTTPS，并把 http 请求重定向到 https。',
  },
  'ingress.backend.no-service': {
    en: 'Ingress backend Service {service} does not exist: requests to this path get 503.',
    zh: 'Ingress 后端 Service {service} 不存在：访问该路径会得到 503。',
  },
  'ingress.backend.no-port': {
    en: 'Ingress backend Service {service} has no port {port}: requests to this path get 503.',
    zh: 'Ingress 后端 Service {service} 没有端口 {port}：访问该路径会得到 503。',
  },

  'ingress.controller.user-defined': {
    en: 'The scenario defines {object} itself: spec.ingressController keeps the scenario\'s version.',
    zh: '场景自己定义了 {object}：spec.ingressController 保留场景中的版本。',
  },

  // hop notes
  'ingress.server.exact': { en: 'Host {host} matches server {server}.', zh: 'Host {host} 匹配 server {server}。' },
  'ingress.server.wildcard': { en: 'Host {host} matches the wildcard server {server} (one label: {subdomain}).', zh: 'Host {host} 匹配通配 server {server}（一个标签：{subdomain}）。' },
  'ingress.server.default': { en: 'No server is named {host}: the catch-all server "_" takes it.', zh: '没有名为 {host} 的 server：由兜底 server “_” 处理。' },
  'ingress.tls.cert': { en: 'TLS: SNI {sni} selects the certificate of Secret {secret} (CN {cn}).', zh: 'TLS：SNI {sni} 选中 Secret {secret} 的证书（CN {cn}）。' },
  'ingress.tls.fake': { en: 'TLS: no certificate for SNI {sni}; the controller presents its fake certificate ({cn}).', zh: 'TLS：SNI {sni} 没有对应证书；控制器出示自带的假证书（{cn}）。' },
  'ingress.app-root': { en: 'app-root: a request for / is redirected (302) to {location}.', zh: 'app-root：对 / 的请求被 302 重定向到 {location}。' },
  'ingress.healthz': { en: 'The catch-all server answers its health check /healthz with 200.', zh: '兜底 server 对健康检查 /healthz 返回 200。' },
  'ingress.location.none': { en: 'No location matches {uri}: 404.', zh: '没有 location 匹配 {uri}：404。' },
  'ingress.location.auto-redirect': { en: '{uri} is a prefix location without its trailing slash: nginx answers 301 to {location}.', zh: '{uri} 是缺少末尾斜杠的前缀 location：nginx 返回 301 到 {location}。' },
  'ingress.location.default': { en: 'No path of the host matches {uri}: the server\'s root location sends it to the default backend.', zh: '该域名没有路径匹配 {uri}：由 server 的根 location 交给默认后端。' },
  'ingress.location.exact': { en: '{uri} matches the exact location {path} ({pathType} {ingressPath} of Ingress {ingress}).', zh: '{uri} 精确匹配 location {path}（Ingress {ingress} 的 {pathType} {ingressPath}）。' },
  'ingress.location.exact-copy': { en: '{uri} matches the exact location = {path}, which ingress-nginx adds beside the prefix location (ending in /) for the Prefix path {ingressPath} of Ingress {ingress} (location.go updateServerLocations).', zh: '{uri} 精确匹配 location = {path}：ingress-nginx 为 Ingress {ingress} 的 Prefix 路径 {ingressPath} 在以 / 结尾的前缀 location 之外额外添加了它（location.go updateServerLocations）。' },
  'ingress.location.prefix': { en: '{uri} matches the longest prefix location {path} ({pathType} {ingressPath} of Ingress {ingress}).', zh: '{uri} 匹配最长前缀 location {path}（Ingress {ingress} 的 {pathType} {ingressPath}）。' },
  'ingress.location.regex': { en: '{uri} matches the regex location ^{path}, the first regex that matches in length order (Ingress {ingress}).', zh: '{uri} 匹配正则 location ^{path}，按长度排序后第一个匹配的正则（Ingress {ingress}）。' },
  'ingress.denied': { en: 'The location is denied ({reason}): 503.', zh: '该 location 被拒绝（{reason}）：503。' },
  'ingress.cors.preflight': { en: 'CORS preflight from {origin}: the controller answers 204 with the CORS headers itself.', zh: '来自 {origin} 的 CORS 预检请求：控制器直接返回 204 和 CORS 头。' },
  'ingress.cors.headers': { en: 'CORS: origin {origin} is allowed; the response gets the Access-Control-* headers.', zh: 'CORS：允许来源 {origin}；响应会带上 Access-Control-* 头。' },
  'ingress.cors.no-match': { en: 'CORS: origin "{origin}" is not in cors-allow-origin; no CORS headers are added.', zh: 'CORS：来源 “{origin}” 不在 cors-allow-origin 中；不添加 CORS 头。' },
  'ingress.redirect.permanent': { en: 'permanent-redirect: {code} to {location}.', zh: 'permanent-redirect：{code} 重定向到 {location}。' },
  'ingress.redirect.temporal': { en: 'temporal-redirect: {code} to {location}.', zh: 'temporal-redirect：{code} 重定向到 {location}。' },
  'ingress.rewrite': { en: 'rewrite-target {target}: the path {from} becomes {to} for the backend.', zh: 'rewrite-target {target}：路径 {from} 被改写为 {to} 后发给后端。' },
  'ingress.ssl-redirect': { en: 'The host has a TLS certificate and ssl-redirect is on: {code} to {location}.', zh: '该域名配置了 TLS 证书且 ssl-redirect 开启：{code} 重定向到 {location}。' },
  'ingress.ssl-redirect.forced': { en: 'force-ssl-redirect: {code} to {location}.', zh: 'force-ssl-redirect：{code} 重定向到 {location}。' },
  'ingress.limit-req.passed': { en: 'limit-req {rate} (burst {burst}): within the limit (excess {excess}).', zh: 'limit-req {rate}（burst {burst}）：未超限（excess {excess}）。' },
  'ingress.limit-req.rejected': { en: 'limit-req {rate}: the burst of {burst} is used up (excess {excess}): 503.', zh: 'limit-req {rate}：{burst} 的突发额度已用完（excess {excess}）：503。' },
  'ingress.limit-conn.rejected': { en: 'limit-connections {limit}: this client already has {open} open: 503.', zh: 'limit-connections {limit}：该客户端已有 {open} 个连接：503。' },
  'ingress.allowlist.denied': { en: 'Source {client} is not allowed ({ranges}): 403.', zh: '来源 {client} 不在允许范围（{ranges}）：403。' },
  'ingress.allowlist.allowed': { en: 'Source {client} is in the allow-list ({ranges}).', zh: '来源 {client} 在允许列表中（{ranges}）。' },
  'ingress.auth.required': { en: 'Basic auth (realm "{realm}"): no credentials, 401 with WWW-Authenticate.', zh: 'Basic 认证（realm “{realm}”）：没有凭据，返回 401 和 WWW-Authenticate。' },
  'ingress.auth.unknown-user': { en: 'Basic auth: user {user} is not in Secret {secret}: 401.', zh: 'Basic 认证：用户 {user} 不在 Secret {secret} 中：401。' },
  'ingress.auth.wrong-password': { en: 'Basic auth: wrong password for {user}: 401.', zh: 'Basic 认证：{user} 的密码错误：401。' },
  'ingress.auth.unsupported-hash': { en: 'Basic auth: the hash of {user} uses a crypt(3) scheme the playground does not emulate: 401.', zh: 'Basic 认证：{user} 的哈希使用了本模拟器未实现的 crypt(3) 算法：401。' },
  'ingress.auth.ok': { en: 'Basic auth: {user} matches its {scheme} hash in Secret {secret}.', zh: 'Basic 认证：{user} 与 Secret {secret} 中的 {scheme} 哈希匹配。' },
  'ingress.default-backend': { en: 'The default backend answers {uri} with 404.', zh: '默认后端对 {uri} 返回 404。' },
  'ingress.no-endpoints': { en: 'Upstream {upstream} ({service}) has no ready endpoint: 503.', zh: 'upstream {upstream}（{service}）没有就绪的 endpoint：503。' },
  'ingress.upstream.endpoint': { en: 'balancer.lua picks {endpoint} ({pod}) of {count} endpoints of {upstream}: straight to the pod IP, not through the ClusterIP.', zh: 'balancer.lua 从 {upstream} 的 {count} 个 endpoint 中选中 {endpoint}（{pod}）：直接发往 Pod IP，不经过 ClusterIP。' },
  'ingress.upstream.cluster-ip': { en: 'service-upstream: the request goes to the ClusterIP {endpoint}; kube-proxy picks the pod.', zh: 'service-upstream：请求发往 ClusterIP {endpoint}，由 kube-proxy 选择 Pod。' },
  'ingress.tls.untrusted': { en: 'The client does not trust the certificate (CN {cn}): {error}. curl stops before sending the request (use -k to skip the check).', zh: '客户端不信任该证书（CN {cn}）：{error}。curl 在发送请求前就会中止（加 -k 可跳过校验）。' },
  'ingress.upstream.error': { en: 'The connection to {endpoint} failed ({reason}): the controller answers 502.', zh: '连接 {endpoint} 失败（{reason}）：控制器返回 502。' },
  'ingress.upstream.timeout': { en: 'The connection to {endpoint} timed out ({reason}): the controller answers 504.', zh: '连接 {endpoint} 超时（{reason}）：控制器返回 504。' },
  'ingress.upstream.failed': { en: 'The upstream connection failed.', zh: '上游连接失败。' },
  'ingress.relay': { en: 'The controller relays the backend\'s {status} ({pod}) to the client.', zh: '控制器把后端（{pod}）的 {status} 响应转发给客户端。' },
  'ingress.canary.header-value': { en: 'Canary: header {header} has the canary value: to {canary}.', zh: '金丝雀：请求头 {header} 等于指定值：转到 {canary}。' },
  'ingress.canary.header-value.mainline': { en: 'Canary: header {header} has the canary value, yet the main backend serves.', zh: '金丝雀：请求头 {header} 等于指定值，但仍由主版本处理。' },
  'ingress.canary.header-pattern': { en: 'Canary: header {header} matches the pattern: to {canary}.', zh: '金丝雀：请求头 {header} 匹配正则：转到 {canary}。' },
  'ingress.canary.header-pattern.mainline': { en: 'Canary: canary-by-header-pattern is not a valid regex; balancer.lua keeps the main backend {primary}.', zh: '金丝雀：canary-by-header-pattern 不是合法正则；balancer.lua 保持主版本 {primary}。' },
  'ingress.canary.header-always': { en: 'Canary: header {header}: always → {canary}.', zh: '金丝雀：请求头 {header}: always → {canary}。' },
  'ingress.canary.header-always.mainline': { en: 'Canary: header {header}: always, yet the main backend serves.', zh: '金丝雀：请求头 {header}: always，但仍由主版本处理。' },
  'ingress.canary.header-never': { en: 'Canary: header {header}: never → main backend {primary}.', zh: '金丝雀：请求头 {header}: never → 主版本 {primary}。' },
  'ingress.canary.header-never.mainline': { en: 'Canary: header {header}: never → main backend {primary}.', zh: '金丝雀：请求头 {header}: never → 主版本 {primary}。' },
  'ingress.canary.cookie-always': { en: 'Canary: cookie {cookie}=always → {canary}.', zh: '金丝雀：cookie {cookie}=always → {canary}。' },
  'ingress.canary.cookie-always.mainline': { en: 'Canary: cookie {cookie}=always, yet the main backend serves.', zh: '金丝雀：cookie {cookie}=always，但仍由主版本处理。' },
  'ingress.canary.cookie-never': { en: 'Canary: cookie {cookie}=never → main backend {primary}.', zh: '金丝雀：cookie {cookie}=never → 主版本 {primary}。' },
  'ingress.canary.cookie-never.mainline': { en: 'Canary: cookie {cookie}=never → main backend {primary}.', zh: '金丝雀：cookie {cookie}=never → 主版本 {primary}。' },
  'ingress.canary.weight': { en: 'Canary weight: math.random({total}) drew {value} ≤ {weight} → {canary}.', zh: '金丝雀权重：math.random({total}) 抽到 {value} ≤ {weight} → {canary}。' },
  'ingress.canary.weight.mainline': { en: 'Canary weight: math.random({total}) drew {value} > {weight} → main backend {primary}.', zh: '金丝雀权重：math.random({total}) 抽到 {value} > {weight} → 主版本 {primary}。' },
}
