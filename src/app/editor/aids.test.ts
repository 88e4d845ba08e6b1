import { describe, expect, it } from 'vitest'
import { editorAidsFor, LARGE_MODEL_CHARS } from './aids'

describe('editorAidsFor', () => {
  it.each([
    [0, true],
    [LARGE_MODEL_CHARS, true],
    [LARGE_MODEL_CHARS + 1, false],
    [424_000, false], // the 1000 × 10 scenario's generated file
  ])('%i characters: the reading aids are %s', (length, on) => {
    const o = editorAidsFor(length)
    expect(o.bracketPairColorization?.enabled).toBe(on)
    expect(o.folding).toBe(on)
    expect(o.guides?.indentation).toBe(on)
    expect(o.unicodeHighlight && typeof o.unicodeHighlight === 'object' ? o.unicodeHighlight.ambiguousCharacters : undefined).toBe(on)
  })
})
