import { describe, expect, it } from 'vitest'
import { run, simulationOf } from '../../testing'

// Golden outputs for the tutorial's labs (service-basics). Regenerate with `npx vitest run -u` after a deliberate change.
describe('kubectl get on service-basics (golden)', () => {
  const cases: [string, string[]][] = [
    ['get-pods-svc-endpointslices-wide.txt', ['kubectl', 'get', 'pods,svc,endpointslices', '-o', 'wide']],
    ['get-pods-wide-all-namespaces.txt', ['kubectl', 'get', 'pods', '-o', 'wide', '-A']],
    ['get-all.txt', ['kubectl', 'get', 'all']],
    ['get-endpoints.txt', ['kubectl', 'get', 'endpoints']],
    ['get-nodes-wide.txt', ['kubectl', 'get', 'nodes', '-o', 'wide']],
    ['describe-svc-nginx-nodeport.txt', ['kubectl', 'describe', 'svc', 'nginx-nodeport']],
    ['describe-pod-mysql-pod.txt', ['kubectl', 'describe', 'pod', 'mysql-pod']],
    ['get-svc-mysql-service-yaml.txt', ['kubectl', 'get', 'svc', 'mysql-service', '-o', 'yaml']],
  ]
  it.each(cases)('%s', async (file, argv) => {
    const r = run(simulationOf('service-basics'), argv)
    expect(r.exitCode).toBe(0)
    await expect(r.stdout).toMatchFileSnapshot(`./__golden__/${file}`)
  })

  it('is byte-identical from run to run', () => {
    const argv = ['kubectl', 'get', 'pods,svc,endpointslices', '-o', 'wide']
    expect(run(simulationOf('service-basics'), argv).stdout).toBe(run(simulationOf('service-basics'), argv).stdout)
  })
})
