import { describe, expect, it } from 'vitest'
import { cidrContains, nthAddress, nthSubnet, parseCidr } from './ip'

describe('ip', () => {
  it.each([
    ['10.244.0.0/16', '10.244.0.0/16'],
    ['10.96.0.1/12', '10.96.0.0/12'],
    ['192.168.100.0/24', '192.168.100.0/24'],
  ])('parses %s as %s', (input, text) => {
    expect(parseCidr(input)?.text).toBe(text)
  })

  it.each(['10.0.0.0', '10.0.0.0/33', '300.1.1.1/8', 'fd00::/64', ''])('rejects %s', (input) => {
    expect(parseCidr(input)).toBeUndefined()
  })

  it('finds subnets and addresses', () => {
    const pods = parseCidr('10.244.0.0/16')!
    expect(nthSubnet(pods, 24, 2)?.text).toBe('10.244.2.0/24')
    expect(nthAddress(parseCidr('10.96.0.0/12')!, 10)).toBe('10.96.0.10')
    expect(cidrContains(pods, '10.244.9.9')).toBe(true)
    expect(cidrContains(pods, '10.245.0.1')).toBe(false)
  })
})
