import { describe, expect, it } from 'vitest'
import { deriveCanvasGraph } from './graph'
import { tutorialCluster } from './clusterFixture'
import { objectView } from './neighbourhood'

const graph = deriveCanvasGraph(tutorialCluster())
const ids = (xs: { id: string }[]) => xs.map((x) => x.id).sort()

describe('objectView: what the inspector shows of one object', () => {
  const cases: { name: string; id: string; node: string; nodes: string[]; edges: string[] }[] = [
    {
      name: 'a pod: the Services whose endpoints it is',
      id: 'Pod/default/nginx-pod-1', node: 'Pod/default/nginx-pod-1',
      nodes: ['Pod/default/nginx-pod-1', 'Service/default/nginx-nodeport'],
      edges: ['Service/default/nginx-nodeport->Pod/default/nginx-pod-1'],
    },
    {
      name: 'a Service: its endpoint pods',
      id: 'Service/default/nginx-nodeport', node: 'Service/default/nginx-nodeport',
      nodes: ['Pod/default/nginx-pod-1', 'Pod/default/nginx-pod-2', 'Pod/default/nginx-pod-3', 'Service/default/nginx-nodeport'],
      edges: ['Service/default/nginx-nodeport->Pod/default/nginx-pod-1', 'Service/default/nginx-nodeport->Pod/default/nginx-pod-2', 'Service/default/nginx-nodeport->Pod/default/nginx-pod-3'],
    },
    {
      name: 'a cluster node: the pods it holds',
      id: 'Node/node1', node: 'Node/node1',
      nodes: ['Node/node1', 'Pod/default/mysql-pod', 'Pod/default/nginx-pod-2'],
      edges: [],
    },
  ]
  for (const c of cases) {
    it(c.name, () => {
      const view = objectView(graph, c.id)!
      expect(view.node.id).toBe(c.node)
      expect(ids(view.nodes)).toEqual(c.nodes)
      expect(view.edges.map((e) => e.id).sort()).toEqual(c.edges)
    })
  }

  it('a written object that is not drawn (a Deployment) shows the first object it produced', () => {
    const made = (name: string) => ({ ...graph.nodes.find((n) => n.id === 'Pod/default/nginx-pod-1')!, id: `Pod/default/${name}`, sourceObject: 'Deployment/default/web' })
    const withDeployment = { nodes: [...graph.nodes, made('web-7d9f-a'), made('web-7d9f-b')], edges: graph.edges }
    expect(objectView(withDeployment, 'Deployment/default/web')?.node.id).toBe('Pod/default/web-7d9f-a')
  })

  it('an id the graph does not hold gives nothing', () => expect(objectView(graph, 'Pod/default/nope')).toBeUndefined())
})
