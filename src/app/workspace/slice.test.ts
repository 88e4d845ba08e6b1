import { describe, expect, it } from 'vitest'
import { createAppStore } from '../store'
import type { GalleryScenario } from '../../scenarios/types'
import { gallery } from '../../scenarios/gallery.generated'

const entry = (name: string): GalleryScenario => ({ name, title: { en: name, zh: name }, story: { en: '', zh: '' }, requests: [],
  files: [{ path: `${name}.yaml`, text: `${name}: 1\n` }, { path: 'second.yaml', text: 'b: 1\n' }] })

describe('workspace slice', () => {
  it('switching keeps each workspace\'s files, positions and active tab', () => {
    const store = createAppStore()
    const s = () => store.getState()
    s().openGallery(entry('one'))
    s().setFileText('one.yaml', 'edited: 1\n')
    s().setPosition('Pod/default/a', { x: 5, y: 6 })
    s().setActiveFile('second.yaml')
    const first = s().workspaceId
    s().openGallery(entry('two'))
    expect(s().files[0].text).toBe('two: 1\n')
    s().switchWorkspace(first)
    expect([s().files[0].text, s().positions, s().activeFile]).toEqual(['edited: 1\n', { 'Pod/default/a': { x: 5, y: 6 } }, 'second.yaml'])
  })

  it('a gallery route reopens the user\'s workspace of it, edits included, and a switch bumps scenarioLoads', () => {
    const store = createAppStore()
    const s = () => store.getState()
    s().openGallery(entry('one'))
    s().setFileText('one.yaml', 'mine\n')
    s().openGallery(entry('two'))
    const loads = s().scenarioLoads
    s().openGallery(entry('one'))
    expect(s().files[0].text).toBe('mine\n')
    expect(s().scenarioLoads).toBe(loads + 1)
    expect(s().workspaceSnapshot().workspaces).toHaveLength(2)
  })

  it('incoming work keeps changed current work as a draft, and the same content twice opens one workspace', () => {
    const store = createAppStore()
    const s = () => store.getState()
    s().openGallery(entry('one'))
    s().setFileText('one.yaml', 'mine\n')
    const mine = s().workspaceId
    const work = { name: 'Shared', origin: '', files: [{ path: 'x.yaml', text: 'x: 1\n' }], activeFile: 'x.yaml', positions: { n: { x: 1, y: 2 } } }
    expect(s().openIncoming(work)).toEqual({ keptDraft: true })
    expect(s().files).toEqual(work.files)
    const kept = s().workspaceSnapshot().workspaces.find((w) => w.id === mine)
    expect(kept).toMatchObject({ draft: true, files: [{ path: 'one.yaml', text: 'mine\n' }, { path: 'second.yaml', text: 'b: 1\n' }] })
    const id = s().workspaceId
    s().switchWorkspace(mine)
    expect(s().openIncoming(work)).toEqual({ keptDraft: false })
    expect(s().workspaceId).toBe(id)
    expect(s().workspaceSnapshot().workspaces).toHaveLength(2)
  })

  it('an untouched gallery workspace is not called a draft when something replaces it', () => {
    const store = createAppStore()
    const basics = gallery.find((g) => g.name === 'service-basics')!
    store.getState().openGallery(basics)
    expect(store.getState().openIncoming({ name: 'S', origin: '', files: [{ path: 'x.yaml', text: '' }], activeFile: 'x.yaml', positions: {} }))
      .toEqual({ keptDraft: false })
  })

  it('reset brings the gallery text back on screen; delete of the last one opens the default scenario', () => {
    const store = createAppStore()
    const s = () => store.getState()
    const basics = gallery.find((g) => g.name === 'service-basics')!
    s().openGallery(basics)
    s().setFileText(basics.files[0].path, 'broken')
    s().setPosition('Pod/default/a', { x: 1, y: 1 })
    s().resetWorkspace(s().workspaceId)
    expect([s().files, s().positions]).toEqual([basics.files, {}])
    s().deleteWorkspace(s().workspaceId)
    expect(s().workspaceSnapshot().workspaces).toHaveLength(1)
    expect(s().scenarioName).toBe('service-basics')
  })

  it('restores a saved list on screen, or opens the fallback when it is empty', () => {
    const store = createAppStore()
    const s = () => store.getState()
    s().restoreWorkspaces({ workspaces: [], currentId: '', nextId: 1 }, entry('one'))
    expect(s().scenarioName).toBe('one')
    const other = createAppStore()
    other.getState().restoreWorkspaces(s().workspaceSnapshot(), entry('two'))
    expect(other.getState().files).toEqual(s().files)
  })

  it('renaming the open workspace of no gallery scenario retitles it; a gallery one keeps its lab title', () => {
    const store = createAppStore()
    const s = () => store.getState()
    s().newWorkspace()
    s().renameWorkspace(s().workspaceId, 'My lab')
    expect(s().title).toEqual({ en: 'My lab', zh: 'My lab' })
    s().openGallery(gallery[0])
    s().renameWorkspace(s().workspaceId, 'Renamed')
    expect(s().title).toEqual(gallery[0].title)
  })

  it('keeps one notice per message, dismissible', () => {
    const store = createAppStore()
    store.getState().notify('share.error.bomb')
    store.getState().notify('share.error.bomb')
    expect(store.getState().notices).toHaveLength(1)
    store.getState().dismissNotice(store.getState().notices[0].id)
    expect(store.getState().notices).toEqual([])
  })
})
