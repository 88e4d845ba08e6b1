/**
 * A what-if: one change a person could make to a running cluster, expressed as an edit of the scenario's YAML.
 * Pods are named `namespace/name`, nodes by name, workloads by object id (`Deployment/default/web`).
 */
export type WhatIfOp =
  /** kubectl delete pod: a controller's pod is replaced (new name unless StatefulSet, new IP); a bare pod is gone. */
  | { op: 'deletePod'; pod: string }
  /** kubectl delete pod + kubectl apply -f of a bare pod (the tutorial's step): the same pod with a new IP. */
  | { op: 'recreatePod'; pod: string }
  /** Make the readiness probe fail (ready: false) or pass again. */
  | { op: 'setPodReady'; pod: string; ready: boolean }
  | { op: 'cordon'; node: string }
  | { op: 'uncordon'; node: string }
  /** kubectl drain --ignore-daemonsets [--force]: cordon, then evict every pod but daemon pods. */
  | { op: 'drain'; node: string; force?: boolean }
  | { op: 'powerOff'; node: string }
  | { op: 'powerOn'; node: string }
  | { op: 'scale'; workload: string; replicas: number }

/** A catalogue code and its parameters (texts in messages.ts, en and zh). */
export interface WhatIfMessage {
  code: string
  params: Record<string, string>
}

export type WhatIfResult =
  | { files: { path: string; text: string }[]; summary: WhatIfMessage; changed: string[] }
  | { error: WhatIfMessage }
