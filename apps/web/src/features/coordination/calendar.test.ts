import { describe, expect, it } from 'vitest'
import {
  addDays,
  byDay,
  dayLabel,
  fromLocalInput,
  gridRange,
  localDay,
  monthGrid,
  monthTitle,
  shiftMonth,
  splitNames,
  toLocalInput,
} from './calendar.ts'

describe('the month grid', () => {
  it('starts every week on Monday and pads with the neighbouring months', () => {
    // March 2025 begins on a Saturday and ends on a Monday.
    const weeks = monthGrid('2025-03')
    expect(weeks).toHaveLength(6)
    expect(weeks.every((w) => w.length === 7)).toBe(true)
    expect(weeks[0]?.[0]).toEqual({ date: '2025-02-24', day: 24, inMonth: false })
    expect(weeks[0]?.[5]).toEqual({ date: '2025-03-01', day: 1, inMonth: true })
    expect(weeks[5]?.[0]).toEqual({ date: '2025-03-31', day: 31, inMonth: true })
    expect(gridRange(weeks)).toEqual({ from: '2025-02-24', to: '2025-04-06' })
    expect(weeks.flat().filter((d) => d.inMonth)).toHaveLength(31)
  })

  it('needs no padding when the month starts on a Monday, and knows leap years', () => {
    const sep = monthGrid('2025-09')
    expect(sep[0]?.[0]?.date).toBe('2025-09-01')
    const feb = monthGrid('2021-02')
    // February 2021: 28 days from a Monday, exactly four weeks.
    expect(feb).toHaveLength(4)
    expect(
      monthGrid('2024-02')
        .flat()
        .filter((d) => d.inMonth),
    ).toHaveLength(29)
  })

  it('moves between months across years', () => {
    expect(shiftMonth('2025-01', -1)).toBe('2024-12')
    expect(shiftMonth('2024-12', 1)).toBe('2025-01')
    expect(shiftMonth('2025-03', 12)).toBe('2026-03')
  })

  it('adds days across month ends and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29')
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29')
    expect(addDays('2025-12-31', 120)).toBe('2026-04-30')
  })

  it('names months and days from the catalogue’s lists', () => {
    const months = splitNames(
      'Yanvar|Fevral|Mart|Aprel|May|İyun|İyul|Avqust|Sentyabr|Oktyabr|Noyabr|Dekabr',
      12,
    )
    const monthsOf = splitNames(
      'января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря',
      12,
    )
    expect(monthTitle('2025-03', { months })).toBe('Mart 2025')
    expect(dayLabel('2025-12-21', { monthsOf })).toBe('21 декабря')
    // A list of the wrong length still names every month.
    expect(splitNames('a|b', 12)).toHaveLength(12)
  })
})

describe('meetings by day', () => {
  it('groups meetings on the reader’s local day, in order of start', () => {
    const at = (y: number, m: number, d: number, h: number) => new Date(y, m - 1, d, h).toISOString()
    const meetings = [
      { id: 'late', startsAt: at(2025, 3, 10, 15) },
      { id: 'early', startsAt: at(2025, 3, 10, 9) },
      { id: 'next', startsAt: at(2025, 3, 11, 9) },
    ]
    const days = byDay(meetings)
    expect(days.get('2025-03-10')?.map((m) => m.id)).toEqual(['early', 'late'])
    expect(days.get('2025-03-11')?.map((m) => m.id)).toEqual(['next'])
    expect(localDay(at(2025, 3, 10, 23))).toBe('2025-03-10')
  })
})

describe('date-time fields', () => {
  it('turn the wall clock into an instant with the reader’s offset and back', () => {
    const iso = fromLocalInput('2025-03-10T10:30')
    expect(iso).toMatch(/^2025-03-10T10:30:00[+-]\d{2}:\d{2}$/)
    expect(Date.parse(iso)).toBe(new Date(2025, 2, 10, 10, 30).getTime())
    expect(toLocalInput(iso)).toBe('2025-03-10T10:30')
  })

  it('leave empty and malformed values for the schema to refuse', () => {
    expect(fromLocalInput('')).toBe('')
    expect(fromLocalInput('10.03.2025 10:30')).toBe('10.03.2025 10:30')
    expect(toLocalInput(null)).toBe('')
    expect(toLocalInput('not a date')).toBe('')
  })
})
