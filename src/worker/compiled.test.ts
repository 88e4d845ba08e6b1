import { describe, expect, it } from 'vitest'
import { compileScenario } from '../engine/scenario'
import { gallery } from '../scenarios/gallery.generated'
import { compileShared } from './compiled'

describe('compileShared: one compile for the canvas and the requests on the same text', () => {
  const files = gallery.find((g) => g.name === 'service-basics')!.files

  it('the same text gives the same compile, equal to a compile of its own', () => {
    const a = compileShared(files)
    expect(compileShared(files.map((f) => ({ ...f })))).toBe(a)
    expect(JSON.stringify(a)).toBe(JSON.stringify(compileScenario(files)))
  })

  it('a changed text is compiled again, and the text it was keyed on cannot be changed behind its back', () => {
    const copy = files.map((f) => ({ ...f }))
    const a = compileShared(copy)
    copy[0].text += '\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: later}\n'
    const b = compileShared(copy)
    expect(b).not.toBe(a)
    expect(b.objects.some((o) => o.name === 'later')).toBe(true)
    expect(compileShared(files)).not.toBe(b)
  })
})
