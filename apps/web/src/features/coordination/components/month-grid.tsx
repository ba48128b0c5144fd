import type { Meeting } from '@qalxan/contracts'
import { Link } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { localized } from '../../../lib/format.ts'
import {
  byDay,
  type CalendarNames,
  dayLabel,
  localDay,
  localTime,
  monthGrid,
  monthTitle,
  splitNames,
} from '../calendar.ts'

/** Month and weekday names in the interface language, from the catalogue. */
export function useCalendarNames(): CalendarNames {
  const { t } = useTranslation()
  return {
    months: splitNames(t('coord:calendar.months'), 12),
    monthsOf: splitNames(t('coord:calendar.monthsOf'), 12),
    weekdays: splitNames(t('coord:calendar.weekdays'), 7),
    weekdaysShort: splitNames(t('coord:calendar.weekdaysShort'), 7),
  }
}

/** What a meeting's link in the calendar says: time, body, number and title. */
export function meetingLabel(m: Meeting, lang: string): string {
  return `${localTime(m.startsAt)} ${m.bodyCode} №${m.number} · ${localized(m.title, lang)}`
}

/**
 * A month as a table of weeks, Monday first, each day listing its meetings as links. A cancelled
 * meeting stays, struck through, and says so to a screen reader.
 */
export function MonthGrid({
  month,
  meetings,
  today = localDay(new Date()),
}: {
  month: string
  meetings: readonly Meeting[]
  today?: string
}) {
  const { t, i18n } = useTranslation()
  const names = useCalendarNames()
  const weeks = monthGrid(month)
  const days = byDay(meetings)
  return (
    <table className="qx-month">
      <caption className="visually-hidden">{monthTitle(month, names)}</caption>
      <thead>
        <tr>
          {names.weekdaysShort.map((d, i) => (
            <th key={names.weekdays[i]} scope="col" abbr={names.weekdays[i]}>
              {d}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr key={week[0]?.date}>
            {week.map((cell) => {
              const list = days.get(cell.date) ?? []
              const cls = [cell.inMonth ? '' : 'out', cell.date === today ? 'today' : ''].join(' ').trim()
              return (
                <td
                  key={cell.date}
                  className={cls || undefined}
                  aria-current={cell.date === today ? 'date' : undefined}
                >
                  <span className="qx-day-num">
                    <span aria-hidden="true">{cell.day}</span>
                    <span className="visually-hidden">{dayLabel(cell.date, names)}</span>
                  </span>
                  {list.length > 0 && (
                    <ul>
                      {list.map((m) => (
                        <li key={m.id}>
                          <Link
                            to="/coordination/meetings/$meetingId"
                            params={{ meetingId: m.id }}
                            className={`qx-cal-link ${m.state}`}
                            title={meetingLabel(m, i18n.language)}
                          >
                            {meetingLabel(m, i18n.language)}
                            {m.state !== 'scheduled' && (
                              <span className="visually-hidden"> ({t(`coord:meetingState.${m.state}`)})</span>
                            )}
                          </Link>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              )
            })}
          </tr>
        ))}
      </tbody>
    </table>
  )
}
