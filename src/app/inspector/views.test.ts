import { describe, expect, it } from 'vitest'
import { keepView, needsInspection, viewsFor } from './views'
import type { CanvasNode } from '../canvas/model'

const svc = (type: string) => ({ data: { kind: 'service', type } }) as unknown as CanvasNode

describe('inspector tabs', () => {
  it('a LoadBalancer Service has an announcement tab, others do not', () => {
    expect(viewsFor(svc('LoadBalancer'))).toEqual(['overview', 'rules', 'dns', 'announce'])
    expect(viewsFor(svc('NodePort'))).toEqual(['overview', 'rules', 'dns'])
    expect(viewsFor({ data: { kind: 'node' } } as unknown as CanvasNode)).toEqual(['overview', 'rules'])
    expect(viewsFor({ data: { kind: 'pod' } } as unknown as CanvasNode)).toEqual(['overview', 'dns'])
    expect(viewsFor({ data: { kind: 'client' } } as unknown as CanvasNode)).toEqual(['overview'])
    expect(viewsFor({ data: { kind: 'ingress' } } as unknown as CanvasNode)).toEqual(['overview', 'nginx'])
  })
  it('keeps the kind of view across selections when the new object has it', () => {
    expect(keepView('rules', ['overview', 'rules'])).toBe('rules')
    expect(keepView('dns', ['overview', 'rules'])).toBe('overview')
  })
  it('asks the worker only for a data-plane tab', () => {
    expect(needsInspection('overview')).toBe(false)
    expect(needsInspection('rules')).toBe(true)
    expect(needsInspection('dns')).toBe(true)
  })
})
