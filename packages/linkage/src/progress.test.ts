import { describe, expect, it } from 'vitest'
import { createProgressPrinter } from './progress.ts'

const fakeStream = (isTTY: boolean) => {
  const writes: string[] = []
  return { writes, stream: { isTTY, write: (text: string) => writes.push(text) } }
}

describe('progress on a terminal', () => {
  it('draws a bar for reading when the size of the input is known', () => {
    const { writes, stream } = fakeStream(true)
    const print = createProgressPrinter(stream)
    print({ stage: 'read', done: 50_000, bytes: { done: 25 * 2 ** 20, total: 100 * 2 ** 20 } })
    print({ stage: 'read', done: 200_000, bytes: { done: 100 * 2 ** 20, total: 100 * 2 ** 20 } })
    expect(writes[0]).toMatch(/^\r\[#{8}\.{22}\] read: 50,000 rows, 25 % of 100\.0 MiB/)
    expect(writes[1]).toMatch(/^\r\[#{30}\] read: 200,000 rows, 100 % of 100\.0 MiB/)
  })

  it('draws a bar for DuckDB stages and a bare count when the end is unknown', () => {
    const { writes, stream } = fakeStream(true)
    const print = createProgressPrinter(stream)
    print({ stage: 'block', done: 50, total: 100 })
    print({ stage: 'read', done: 1234 })
    expect(writes[0]).toMatch(/^\r\[#{15}\.{15}\] block: 50\/100/)
    expect(writes[1]?.trimEnd()).toBe('\rread: 1,234')
  })

  it('writes plain lines, one per stage and at most one every ten seconds, elsewhere', () => {
    const { writes, stream } = fakeStream(false)
    let clock = 0
    const print = createProgressPrinter(stream, () => clock)
    print({ stage: 'read', done: 50_000, bytes: { done: 2 ** 20, total: 4 * 2 ** 20 } })
    clock = 5_000
    print({ stage: 'read', done: 100_000 })
    clock = 16_000
    print({ stage: 'read', done: 150_000 })
    print({ stage: 'block', done: 0, total: 100 })
    expect(writes).toEqual(['read: 50,000 rows, 25 % of 4.0 MiB\n', 'read: 150,000\n', 'block: 0/100\n'])
  })
})
