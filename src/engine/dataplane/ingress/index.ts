import type { Cluster } from '../../cluster/types'
import type { ManifestObject } from '../../manifest/types'
import { buildIngressModel } from './build'
import { findIngressController } from './controller'
import type { IngressModel } from './model'

export { controllerManifests, findIngressController, controllerEntryFor, isIngressControllerPod } from './controller'
export type { ControllerEntry, IngressController } from './controller'
export { routeRequest, createIngressState } from './route'
export type { IngressRequest, IngressState, RouteContext, RouteResult, RouteStep, IngressResponse } from './route'
export { renderNginxConf } from './render'
export { curlVerifyError, CURL_CA_CERT_ERRORMSG } from './tls-select'
export type { IngressModel } from './model'

/** ingress-nginx's configuration for a settled cluster: served only if a controller runs in it. */
export function compileIngress(cluster: Cluster, objects: ManifestObject[]): IngressModel {
  const controller = findIngressController(cluster)
  return buildIngressModel(cluster, { objects, installed: controller !== undefined, controllerNamespace: controller?.namespace ?? 'ingress-nginx' })
}
