// Runs inside a network namespace (ip netns exec NS node probe.mjs SPEC): opens COUNT real connections (or UDP
// exchanges) to HOST:PORT one after another and prints, as JSON, what each listener said ("who=... peer=...") or the
// error the kernel gave (ECONNREFUSED, EHOSTUNREACH, timeout). Plain JavaScript so it starts fast under plain node.
import net from 'node:net'
import dgram from 'node:dgram'

const spec = JSON.parse(process.argv[2])

function parse(text) {
  const who = /who=(\S+)/.exec(text)?.[1]
  const peer = /peer=(\S+)/.exec(text)?.[1]
  return who ? { who, peer } : { error: 'garbled', text }
}

function tcpOnce() {
  return new Promise((resolve) => {
    let data = ''
    let done = false
    const finish = (r) => { if (!done) { done = true; sock.destroy(); resolve(r) } }
    const sock = net.connect({ host: spec.host, port: spec.port })
    sock.setTimeout(spec.timeoutMs, () => finish({ error: data ? 'garbled' : 'timeout' }))
    sock.on('data', (c) => { data += c })
    sock.on('end', () => finish(parse(data)))
    sock.on('error', (e) => finish({ error: e.code ?? String(e) }))
  })
}

// A resolver's way: the same datagram again from the same socket while no answer comes (a retransmission follows
// the first one's conntrack entry, so it cannot change which endpoint was chosen). socat's forked UDP servers drop
// a datagram now and then when they come quickly one after another.
function udpOnce() {
  return new Promise((resolve) => {
    const sock = dgram.createSocket('udp4')
    const send = () => sock.send('probe\n', spec.port, spec.host)
    const retry = setInterval(send, Math.max(100, Math.floor(spec.timeoutMs / 4)))
    const stop = (r) => { clearTimeout(timer); clearInterval(retry); sock.close(); resolve(r) }
    const timer = setTimeout(() => stop({ error: 'timeout' }), spec.timeoutMs)
    sock.on('message', (m) => stop(parse(String(m))))
    sock.on('error', (e) => stop({ error: e.code ?? String(e) }))
    send()
  })
}

const results = []
for (let i = 0; i < spec.count; i++) results.push(await (spec.proto === 'udp' ? udpOnce() : tcpOnce()))
process.stdout.write(JSON.stringify(results))
