import type { Body, Member } from '@qalxan/contracts'
import { describe, expect, it } from 'vitest'
import { initI18n } from '../../i18n/index.ts'
import { ApiError } from '../../lib/api-client.ts'
import { moveItem } from './components/agenda-panel.tsx'
import { attendanceDraft } from './components/attendance-panel.tsx'
import { orderBodies } from './components/bodies-page.tsx'
import { chartRows } from './components/summary-page.tsx'
import { memberOrgs } from './forms/assignment-fields.tsx'
import { splitAddresses } from './forms/invitations-form.tsx'
import { meetingResolver, toMeetingInput } from './forms/meeting-form.tsx'
import { remapIssues, withoutPrefix } from './forms/server-errors.ts'

const i18n = initI18n('az')

const seat = (id: string, orgId: string, over: Partial<Member> = {}): Member => ({
  id,
  bodyId: 'b',
  orgId,
  orgCode: orgId.toUpperCase(),
  orgName: { az: orgId },
  userId: null,
  userName: null,
  email: null,
  role: 'member',
  validFrom: '2024-01-01',
  validTo: null,
  note: '',
  ...over,
})

describe('coordination helpers', () => {
  it('move an agenda item up and down, and not past either end', () => {
    expect(moveItem(['a', 'b', 'c'], 'c', -1)).toEqual(['a', 'c', 'b'])
    expect(moveItem(['a', 'b', 'c'], 'a', 1)).toEqual(['b', 'a', 'c'])
    expect(moveItem(['a', 'b'], 'a', -1)).toEqual(['a', 'b'])
    expect(moveItem(['a', 'b'], 'x', 1)).toEqual(['a', 'b'])
  })

  it('start attendance from what was recorded, and count the others present', () => {
    const draft = attendanceDraft(
      [seat('s1', 'a'), seat('s2', 'b')],
      [
        {
          memberId: 's2',
          userId: null,
          name: 'B',
          orgId: 'b',
          orgCode: 'B',
          role: 'member',
          status: 'excused',
        },
      ],
    )
    expect(draft).toEqual({ s1: 'present', s2: 'excused' })
  })

  it('list each member organisation once, with the people holding its seats', () => {
    const orgs = memberOrgs([
      seat('s1', 'b', { userId: 'u1', userName: 'Elvin' }),
      seat('s2', 'a'),
      seat('s3', 'b', { userId: 'u2', userName: 'Nigar' }),
    ])
    expect(orgs.map((o) => o.orgId)).toEqual(['a', 'b'])
    expect(orgs[1]?.people.map((p) => p.name)).toEqual(['Elvin', 'Nigar'])
  })

  it('put the Commission first and each group’s sub-groups under it', () => {
    const b = (id: string, kind: Body['kind'], code: string, parentId: string | null = null) =>
      ({ id, kind, code, parentId }) as Body
    const order = orderBodies([
      b('s2', 'subgroup', 'IQ-1.2', 'w1'),
      b('w2', 'working_group', 'IQ-2'),
      b('c', 'commission', 'KK'),
      b('w1', 'working_group', 'IQ-1', 'c'),
      b('s1', 'subgroup', 'IQ-1.1', 'w1'),
    ])
    expect(order.map((o) => [o.body.code, o.depth])).toEqual([
      ['KK', 0],
      ['IQ-1', 1],
      ['IQ-1.1', 2],
      ['IQ-1.2', 2],
      ['IQ-2', 0],
    ])
  })

  it('chart the organisations with the most unfinished assignments, in the table’s order', () => {
    const r = (code: string, open: number, reported = 0) => ({
      orgId: code,
      code,
      name: { az: code },
      total: open + reported,
      open,
      reported,
      done: 0,
      cancelled: 0,
      overdue: 0,
      doneLate: 0,
    })
    const rows = [r('A', 1), r('B', 5), r('C', 0, 3), r('D', 2)]
    expect(chartRows(rows, 2).map((x) => x.code)).toEqual(['B', 'C'])
    expect(chartRows(rows, 10)).toBe(rows)
  })

  it('read extra invitation addresses one a line or separated by commas', () => {
    expect(splitAddresses('a@x.az, b@x.az\n\nc@x.az;a@x.az')).toEqual(['a@x.az', 'b@x.az', 'c@x.az'])
  })

  it('put a server issue of a list row on the row’s own field', () => {
    const e = new ApiError({
      status: 422,
      code: 'VALIDATION_FAILED',
      message: 'x',
      details: { issues: [{ path: ['members', 0, 'validFrom'], message: 'in the past' }] },
    })
    expect((withoutPrefix(e, /^members\.\d+\./) as ApiError).validationIssues).toEqual([
      { path: 'validFrom', message: 'in the past' },
    ])
    expect((remapIssues(e, (p) => `x.${p}`) as ApiError).validationIssues[0]?.path).toBe(
      'x.members.0.validFrom',
    )
    expect(withoutPrefix('boom', /x/)).toBe('boom')
  })
})

describe('the meeting form', () => {
  const values = {
    bodyId: '0b9d6a52-4f7e-4d3c-9a51-2a4c1f7e8b10',
    number: '3',
    title: { az: 'İclas', en: '', ru: '' },
    startsAt: '2030-03-10T10:00',
    endsAt: '2030-03-10T12:00',
    location: '',
    onlineUrl: '',
  }
  const resolve = (v: typeof values) =>
    meetingResolver(i18n.t)(v, undefined, { fields: {}, shouldUseNativeValidation: false })

  it('sends instants with an offset, no empty link and no empty translations', async () => {
    const input = toMeetingInput(values)
    expect(input.startsAt).toMatch(/^2030-03-10T10:00:00[+-]\d{2}:\d{2}$/)
    expect(input.onlineUrl).toBeNull()
    expect(input.title).toEqual({ az: 'İclas', en: undefined, ru: undefined })
    const r = await resolve(values)
    expect(r.errors).toEqual({})
  })

  it('says in Azerbaijani what is wrong with the times and the link', async () => {
    const early = await resolve({ ...values, endsAt: '2030-03-10T09:00' })
    expect(early.errors.endsAt?.message).toBe('İclas başladıqdan sonra bitməlidir.')
    const long = await resolve({ ...values, endsAt: '2030-03-11T09:00' })
    expect(long.errors.endsAt?.message).toBe('İclas ən çoxu 12 saat davam edir.')
    const http = await resolve({ ...values, onlineUrl: 'http://meet.example.az' })
    expect(http.errors.onlineUrl?.message).toBe('https:// ilə başlayan ünvan daxil edin.')
    const empty = await resolve({ ...values, startsAt: '', bodyId: '' })
    expect(empty.errors.startsAt?.message).toBe('Mütləq doldurulmalıdır.')
    expect(empty.errors.bodyId).toBeDefined()
  })
})
