import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { formatMessage } from '../i18n/catalog'
import { parseManifests } from '../manifest/parse'
import { buildCluster } from './build'
import { clusterMessages } from './messages'

const here = new URL('.', import.meta.url).pathname

describe('cluster messages', () => {
  it('every code the cluster stage emits has a text in both languages', () => {
    const sources = readdirSync(here).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    const used = new Set<string>()
    for (const f of sources) {
      for (const m of readFileSync(join(here, f), 'utf8').matchAll(/(?:report\(ctx, |diagnostic\()'([a-zA-Z.]+)'/g)) used.add(m[1])
    }
    expect(used.size).toBeGreaterThan(20)
    for (const code of used) expect(clusterMessages[code], code).toBeDefined()
  })

  it('emitted findings fill every placeholder, in English and Chinese', () => {
    const yaml = `apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web, tier: front}
  ports: [{port: 80, targetPort: http}]
---
apiVersion: v1
kind: Pod
metadata: {name: web-1, labels: {app: web}}
spec: {nodeSelector: {disk: ssd}, containers: [{name: c, image: nginx}]}
---
apiVersion: v1
kind: Pod
metadata: {name: web-2, labels: {app: web, tier: back}}
spec: {nodeName: node9, containers: [{name: c, image: nginx}]}
`
    const { objects } = parseManifests([{ path: 'm.yaml', text: yaml }])
    const { diagnostics } = buildCluster(objects, {})
    expect(diagnostics.length).toBeGreaterThan(2)
    for (const d of diagnostics) {
      for (const lang of ['en', 'zh'] as const) expect(formatMessage(d.code, d.params, lang), d.code).not.toMatch(/\{\w+\}/)
    }
  })
})
