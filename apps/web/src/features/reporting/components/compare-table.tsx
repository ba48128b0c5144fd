import { Table } from '@mantine/core'

export interface CompareLine {
  field: string
  label: string
  before: string
  after: string
  /** Unchanged lines are shown plainly. */
  changed?: boolean
}

/** Two versions of the same fields side by side: before on a red tint, after on a green one. */
export function CompareTable({
  caption,
  headers,
  lines,
}: {
  caption: string
  headers: [string, string, string]
  lines: CompareLine[]
}) {
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table className="qx-compare" verticalSpacing={4}>
        <caption className="visually-hidden">{caption}</caption>
        <Table.Thead>
          <Table.Tr>
            {headers.map((h) => (
              <Table.Th key={h} scope="col">
                {h}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((l) => (
            <Table.Tr key={l.field}>
              <Table.Th scope="row">{l.label}</Table.Th>
              <Table.Td className={l.changed === false ? undefined : 'before'}>{l.before}</Table.Td>
              <Table.Td className={l.changed === false ? undefined : 'after'}>{l.after}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
