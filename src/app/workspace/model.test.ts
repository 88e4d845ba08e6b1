import { describe, expect, it } from 'vitest'
import {
  addEmpty, cleanName, current, duplicate, emptyList, forGallery, fromGallery, isPristine, markDraft, remove, rename,
  reset, sameContent, select, uniqueName, withCurrent, type GallerySource, type WorkspaceList,
} from './model'

const lab: GallerySource = { name: 'service-basics', title: 'Service basics', files: [{ path: 'a.yaml', text: 'a: 1\n' }, { path: 'b.yaml', text: 'b: 1\n' }] }
const three = (): WorkspaceList => addEmpty(fromGallery(fromGallery(emptyList(), lab), lab), 'Mine')

describe('workspace list', () => {
  it('numbers ids from a counter and makes each new workspace current, with a unique name', () => {
    const list = three()
    expect(list.workspaces.map((w) => [w.id, w.name, w.origin])).toEqual([
      ['w1', 'Service basics', 'service-basics'], ['w2', 'Service basics (2)', 'service-basics'], ['w3', 'Mine', '']])
    expect(list.currentId).toBe('w3')
    expect(list.nextId).toBe(4)
  })

  it('copies gallery files rather than sharing them (editing one workspace never edits the gallery)', () => {
    const list = fromGallery(emptyList(), lab)
    expect(list.workspaces[0].files).toEqual(lab.files)
    expect(list.workspaces[0].files[0]).not.toBe(lab.files[0])
  })

  it('takes what is on screen into the current entry only', () => {
    const list = withCurrent(select(three(), 'w2'), { files: [{ path: 'a.yaml', text: 'edited' }], activeFile: 'a.yaml', positions: { 'Pod/default/x': { x: 1, y: 2 } } })
    expect(list.workspaces.map((w) => w.files[0].text)).toEqual(['a: 1\n', 'edited', ''])
    expect(list.workspaces[1].positions).toEqual({ 'Pod/default/x': { x: 1, y: 2 } })
  })

  it('duplicates right after the original, as a new current workspace', () => {
    const list = duplicate(three(), 'w1', (n) => `${n} copy`)
    expect(list.workspaces.map((w) => w.id)).toEqual(['w1', 'w4', 'w2', 'w3'])
    expect(current(list)?.name).toBe('Service basics copy')
    expect(current(list)?.files).toEqual(lab.files)
  })

  it.each([
    ['a plain name', '  Lab 2  ', 'Lab 2'],
    ['control characters dropped', 'a\u0000b\nc', 'abc'],
    ['capped at 80 characters', 'x'.repeat(200), 'x'.repeat(80)],
    ['markup kept as text (React renders it as text)', '<img src=x onerror=alert(1)>', '<img src=x onerror=alert(1)>'],
  ])('renames: %s', (_name, typed, expected) => {
    expect(rename(three(), 'w3', typed).workspaces[2].name).toBe(expected)
    expect(cleanName(typed)).toBe(expected)
  })

  it('refuses an empty name and keeps names unique', () => {
    expect(rename(three(), 'w3', '   ').workspaces[2].name).toBe('Mine')
    expect(rename(three(), 'w3', 'Service basics').workspaces[2].name).toBe('Service basics (3)')
    expect(uniqueName('Mine', three(), 'w3')).toBe('Mine')
  })

  it.each([
    ['another one: the current stays', 'w1', 'w3', ['w2', 'w3']],
    ['the current one: the next becomes current', 'w2', 'w2', ['w1', 'w3']],
  ])('deletes %s', (_name, id, before, ids) => {
    const list = remove(select(three(), before), id)
    expect(list.workspaces.map((w) => w.id)).toEqual(ids)
    expect(list.currentId).toBe(before === id ? 'w3' : before)
  })

  it('deleting the last current one makes the previous current, and the only one leaves the list empty', () => {
    expect(remove(three(), 'w3').currentId).toBe('w2')
    const one = fromGallery(emptyList(), lab)
    expect(remove(one, 'w1')).toMatchObject({ workspaces: [], currentId: '' })
  })

  it('resets a gallery workspace to the gallery text, positions and tab, and leaves others alone', () => {
    let list = withCurrent(select(three(), 'w1'), { files: [{ path: 'a.yaml', text: 'x' }], activeFile: 'b.yaml', positions: { n: { x: 1, y: 1 } } })
    list = reset(list, 'w1', lab)
    expect(list.workspaces[0]).toMatchObject({ files: lab.files, activeFile: 'a.yaml', positions: {} })
    expect(reset(three(), 'w3', lab).workspaces[2].files).toEqual([{ path: 'scenario.yaml', text: '' }])
  })

  it('finds the newest non-draft workspace of a gallery scenario', () => {
    expect(forGallery(three(), 'service-basics')?.id).toBe('w2')
    expect(forGallery(markDraft(three(), 'w2'), 'service-basics')?.id).toBe('w1')
    expect(forGallery(three(), 'nope')).toBeUndefined()
  })

  it('knows a pristine gallery workspace and finds identical content', () => {
    const list = three()
    expect(isPristine(list.workspaces[0], lab)).toBe(true)
    expect(isPristine({ ...list.workspaces[0], positions: { n: { x: 0, y: 0 } } }, lab)).toBe(false)
    expect(sameContent(list, { files: lab.files, positions: {} })?.id).toBe('w1')
    expect(sameContent(list, { files: lab.files, positions: { n: { x: 0, y: 0 } } })).toBeUndefined()
  })
})
