import { describe, expect, it } from 'vitest'
import { editorAidsFor, LARGE_MODEL_CHARS, modelAidsFor } from './aids'

describe('editorAidsFor and modelAidsFor', () => {
  it.each([
    [0, true],
    [LARGE_MODEL_CHARS, true],
    [LARGE_MODEL_CHARS + 1, false],
    [424_000, false], // the 1000 × 10 scenario's generated file
  ])('%i characters: the reading aids are %s', (length, on) => {
    const o = editorAidsFor(length)
    expect(o.folding).toBe(on)
    expect(o.guides?.indentation).toBe(on)
    expect(o.unicodeHighlight && typeof o.unicodeHighlight === 'object' ? o.unicodeHighlight.ambiguousCharacters : undefined).toBe(on)
    // bracket-pair colours are set on the model itself (aids.ts says why), never through the editor's options
    expect(o.bracketPairColorization).toBeUndefined()
    expect(modelAidsFor(length).bracketColorizationOptions?.enabled).toBe(on)
  })
})
