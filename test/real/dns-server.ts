import { createSocket } from 'node:dgram'
import { answerQuery } from '../../src/engine/dataplane/dns/coredns'
import { compileScenario } from '../../src/engine/scenario'
import { Simulation } from '../../src/engine/sim/simulation'
import { gallery } from '../../src/scenarios/gallery.generated'
import { scenarioFiles } from '../../src/scenarios/generators'
import { encodeReply, parseQuery } from './dnswire'

/**
 * A DNS server answering with the engine's CoreDNS (answerQuery) for one gallery scenario, as one pod asks it:
 * `ip netns exec kh-dns tsx dns-server.ts SCENARIO POD_ID ADDRESS`. Prints "ready" once bound.
 */
const [scenario, podId, address] = process.argv.slice(2)
const entry = gallery.find((g) => g.name === scenario)!
const sim = new Simulation(compileScenario(scenarioFiles(entry)), 1)
const pod = sim.scenario.cluster.pods.find((p) => p.id === podId)!
const sock = createSocket('udp4')
sock.on('message', (msg, rinfo) => {
  const q = parseQuery(msg)
  if (!q) return
  // no CoreDNS pod named: nothing is cached, every answer carries its full TTL, as a first query does
  const r = answerQuery(sim, q.question, pod.podIP, { id: q.id })
  if (r.message) sock.send(encodeReply(q, r.message), rinfo.port, rinfo.address)
})
sock.bind(53, address, () => process.stdout.write('ready\n'))
