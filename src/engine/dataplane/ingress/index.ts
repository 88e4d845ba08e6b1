import type { Cluster } from '../../cluster/types'
import type { ManifestObject } from '../../manifest/types'
import { diagnostic } from '../../core/diagnostic'
import { buildIngressModel, defaultLocationAnnotations } from './build'
import { DEFAULT_CONTROLLER_CONFIG } from './config'
import { findIngressController } from './controller'
import { CATCH_ALL, DEFAULT_UPSTREAM, type IngressModel, type Server } from './model'
import { fakeCertificate } from './tls-select'

export { controllerManifests, findIngressController, controllerEntryFor, isIngressControllerPod } from './controller'
export type { ControllerEntry, IngressController } from './controller'
export { routeRequest, createIngressState } from './route'
export type { IngressRequest, IngressState, RouteContext, RouteResult, RouteStep, IngressResponse } from './route'
export { renderNginxConf } from './render'
export { controllerLog } from './accesslog'
export { ingressStatusAddresses } from './kubectl'
export { curlVerifyError, CURL_CA_CERT_ERRORMSG } from './tls-select'
export type { IngressModel } from './model'

/** ingress-nginx's configuration for a settled cluster: served only if a controller runs in it. */
export function compileIngress(cluster: Cluster, objects: ManifestObject[]): IngressModel {
  try {
    const controller = findIngressController(cluster)
    return buildIngressModel(cluster, { objects, installed: controller !== undefined, controllerNamespace: controller?.namespace ?? 'ingress-nginx' })
  } catch (e) {
    // never throw at the user: an engine bug becomes a finding, and no Ingress is served
    const detail = e instanceof Error ? e.message : String(e)
    return { installed: false, config: { ...DEFAULT_CONTROLLER_CONFIG }, servers: [catchAllServer()], upstreams: {}, watched: [], ignored: [], diagnostics: [diagnostic('engine.internal', 'error', { stage: 'ingress', detail })] }
  }
}

/** The controller with nothing configured: the catch-all server and its default backend. */
function catchAllServer(): Server {
  return {
    hostname: CATCH_ALL, enforceRegex: false, certificate: fakeCertificate(),
    locations: [{ path: '/', pathType: 'Prefix', ingressPath: '/', exactCopy: false, backend: DEFAULT_UPSTREAM, isDefBackend: true, annotations: defaultLocationAnnotations() }],
  }
}
