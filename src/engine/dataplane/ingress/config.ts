import type { PassThroughObject } from '../../cluster/types'
import { parseGoBool, parseGoInt } from './goparse'

/**
 * The controller-wide settings ingress-nginx reads from its ConfigMap (`ingress-nginx-controller` in the controller's
 * namespace; docs/user-guide/nginx-configuration/configmap.md). Only the keys the simulated behaviour depends on.
 */
export interface ControllerConfig {
  /** ssl-redirect (default true): redirect to HTTPS when the server has a certificate. */
  sslRedirect: boolean
  /** force-ssl-redirect (default false). */
  forceSSLRedirect: boolean
  /** preserve-trailing-slash (default false). */
  preserveTrailingSlash: boolean
  /** http-redirect-code (default 308): the code of the HTTPS redirect. */
  httpRedirectCode: number
  /** use-forwarded-headers (default false): trust the client's X-Forwarded-* headers. */
  useForwardedHeaders: boolean
  /** compute-full-forwarded-for (default false): append to X-Forwarded-For instead of replacing it. */
  computeFullForwardedFor: boolean
  /** hsts (default true), hsts-max-age (31536000), hsts-include-subdomains (true), hsts-preload (false). */
  hsts: boolean
  hstsMaxAge: number
  hstsIncludeSubdomains: boolean
  hstsPreload: boolean
  /** limit-req-status-code / limit-conn-status-code (default 503). */
  limitReqStatusCode: number
  limitConnStatusCode: number
  /** whitelist-source-range: the default allow-list of every location. */
  allowlistSourceRange: string[]
  /** The ConfigMap the values came from, if any. */
  source?: PassThroughObject
}

export const DEFAULT_CONTROLLER_CONFIG: ControllerConfig = {
  sslRedirect: true,
  forceSSLRedirect: false,
  preserveTrailingSlash: false,
  httpRedirectCode: 308,
  useForwardedHeaders: false,
  computeFullForwardedFor: false,
  hsts: true,
  hstsMaxAge: 31536000,
  hstsIncludeSubdomains: true,
  hstsPreload: false,
  limitReqStatusCode: 503,
  limitConnStatusCode: 503,
  allowlistSourceRange: [],
}

/** The ConfigMap names the upstream manifests give the controller (`--configmap=$(POD_NAMESPACE)/ingress-nginx-controller`). */
const CONFIGMAP_NAMES = new Set(['ingress-nginx-controller', 'nginx-configuration'])

export function readControllerConfig(others: PassThroughObject[], namespace = 'ingress-nginx'): ControllerConfig {
  const cm = others.find((o) => o.kind === 'ConfigMap' && o.namespace === namespace && CONFIGMAP_NAMES.has(o.name))
  if (!cm) return { ...DEFAULT_CONTROLLER_CONFIG }
  const data = (cm.body.data ?? {}) as Record<string, unknown>
  const str = (k: string) => (typeof data[k] === 'string' ? (data[k] as string) : data[k] === undefined ? undefined : String(data[k]))
  const bool = (k: string, d: boolean) => parseGoBool(str(k)) ?? d
  const int = (k: string, d: number) => parseGoInt(str(k)) ?? d
  // config.go: http-redirect-code outside 300..308 keeps the default 308
  let redirectCode = int('http-redirect-code', 308)
  if (redirectCode < 300 || redirectCode > 308) redirectCode = 308
  const wl = str('whitelist-source-range')
  return {
    sslRedirect: bool('ssl-redirect', true),
    forceSSLRedirect: bool('force-ssl-redirect', false),
    preserveTrailingSlash: bool('preserve-trailing-slash', false),
    httpRedirectCode: redirectCode,
    useForwardedHeaders: bool('use-forwarded-headers', false),
    computeFullForwardedFor: bool('compute-full-forwarded-for', false),
    hsts: bool('hsts', true),
    hstsMaxAge: int('hsts-max-age', 31536000),
    hstsIncludeSubdomains: bool('hsts-include-subdomains', true),
    hstsPreload: bool('hsts-preload', false),
    limitReqStatusCode: int('limit-req-status-code', 503),
    limitConnStatusCode: int('limit-conn-status-code', 503),
    allowlistSourceRange: wl ? wl.split(',').map((s) => s.trim()).filter(Boolean) : [],
    source: cm,
  }
}
