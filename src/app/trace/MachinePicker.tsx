import { useMemo, useState } from 'react'
import type { CanvasNode } from '../canvas/model'
import { useT } from '../i18n/t'
import { MACHINE_LIST_LIMIT, machinesToList } from './machines'

/**
 * A select of the machines a request or a terminal can start on. Past MACHINE_LIST_LIMIT (1000 × 10 has 10 000 pods)
 * it lists the nodes and clients and the pods matching a filter field, never all of them.
 */
export function MachinePicker({ machines, value, onChange, testId, label, labelClass, captionClass, filterClass }: {
  machines: Pick<CanvasNode, 'id' | 'kind'>[]
  value: string
  onChange: (id: string) => void
  testId: string
  label: string
  labelClass: string
  captionClass?: string
  filterClass?: string
}) {
  const t = useT()
  const [filter, setFilter] = useState('')
  const many = machines.length > MACHINE_LIST_LIMIT
  const listed = useMemo(() => (many ? machinesToList(machines, filter, value) : machines), [many, machines, filter, value])
  return (
    <>
      {many && (
        <input type="search" className={filterClass} value={filter} data-testid={`${testId}-filter`}
          aria-label={t('terminal.filter')} placeholder={t('terminal.filter')} onChange={(e) => setFilter(e.target.value)} />
      )}
      <label className={labelClass}>
        <span className={captionClass}>{label}</span>
        <select value={value} data-testid={testId} onChange={(e) => onChange(e.target.value)}>
          {listed.map((m) => <option key={m.id} value={m.id}>{m.id}</option>)}
        </select>
      </label>
    </>
  )
}
