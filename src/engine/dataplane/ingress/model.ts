import type { Diagnostic } from '../../core/diagnostic'
import type { ObjectId } from '../../core/ids'
import type { ObjectRef } from '../../cluster/types'
import type { IngressAnnotations } from './annotations'
import type { ControllerConfig } from './config'
import type { ServerCertificate } from './tls'

/**
 * ingress-nginx's view of the cluster, built the way internal/ingress/controller/controller.go builds it
 * (createUpstreams, createServers, getBackendServers, updateServerLocations): plain data, one per scenario.
 */

export type PathType = 'Exact' | 'Prefix' | 'ImplementationSpecific'

/** controller.go defUpstreamName: the controller's own default backend (404 for `/`, 200 for `/healthz`). */
export const DEFAULT_UPSTREAM = 'upstream-default-backend'
/** controller.go defServerName: the catch-all server. */
export const CATCH_ALL = '_'

export interface IngressRef {
  id: ObjectId
  namespace: string
  name: string
  source: ObjectRef
}

export interface UpstreamEndpoint {
  address: string
  port: number
  /** The pod behind the address (EndpointSlice targetRef), when there is one. */
  pod?: { namespace: string; name: string }
  nodeName?: string
}

/** ingress.Backend: one per (namespace, service, port) an Ingress names. */
export interface Upstream {
  /** controller.go upstreamName: `<namespace>-<service>-<port>`. */
  name: string
  namespace: string
  service: string
  /** The port the Ingress names (a number or a port name). */
  servicePort: string
  endpoints: UpstreamEndpoint[]
  /** service-upstream: the single endpoint is the Service's ClusterIP, kube-proxy picks the pod. */
  serviceUpstream: boolean
  /** A canary upstream: it never gets a server of its own (createUpstreams NoServer). */
  noServer: boolean
  /** The canary Ingress's traffic-shaping policy (newTrafficShapingPolicy). */
  trafficShaping?: IngressAnnotations['canary']
  /** Canary upstreams merged into this one (mergeAlternativeBackends); balancer.lua only uses the first. */
  alternativeBackends: string[]
  /** The Ingress (canary or not) that created this upstream. */
  ingress?: IngressRef
  /** False when the Service does not exist (the upstream then has no endpoints: 503). */
  serviceExists: boolean
}

export interface Location {
  /** The path nginx sees (`/foo/` after normalizePrefixPath). */
  path: string
  pathType: PathType
  /** The path written in the Ingress (location.IngressPath). */
  ingressPath: string
  /** This is the `= /foo` copy updateServerLocations adds beside a Prefix `/foo/`. */
  exactCopy: boolean
  /** An upstream name, or DEFAULT_UPSTREAM. */
  backend: string
  isDefBackend: boolean
  ingress?: IngressRef
  annotations: IngressAnnotations
  /** The YAML of the Ingress path (or the Ingress) that produced the location. */
  source?: ObjectRef
}

export interface Server {
  hostname: string
  locations: Location[]
  /** enforceRegexModifier: use-regex or rewrite-target on any location of the host. */
  enforceRegex: boolean
  /** The certificate the server's TLS section selected (or the fake one when the secret is unusable). */
  certificate?: ServerCertificate
  /** The Ingress whose TLS section gave the certificate. */
  tlsSource?: ObjectRef
}

export interface IngressModel {
  /** Whether an ingress-nginx controller runs in the cluster at all. */
  installed: boolean
  config: ControllerConfig
  /** Sorted by hostname, `_` first (controller.go sorts aServers by Hostname). */
  servers: Server[]
  upstreams: Record<string, Upstream>
  /** Ingresses this controller serves, and those it ignores (other class, no class). */
  watched: IngressRef[]
  ignored: { ingress: IngressRef; reason: string }[]
  diagnostics: Diagnostic[]
}
