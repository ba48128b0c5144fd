import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDemo } from '../src/seed/demo.ts'
import { as, createTestApp, DATABASES, PASSWORD, signIn, type TestApp } from './helpers.ts'

const pdfText = (buf: Buffer) => {
  const dir = mkdtempSync(join(tmpdir(), 'qalxan-pdf-'))
  const file = join(dir, 'r.pdf')
  writeFileSync(file, buf)
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
}

describe.each(DATABASES)('the demo Strategy and the official reports on %s', (kind) => {
  let t: TestApp
  let strategyId: string
  let sec: ReturnType<typeof as>
  let focal: ReturnType<typeof as>

  beforeAll(async () => {
    t = await createTestApp(kind)
    const logins = await seedDemo(t.database, t.services, t.config.dataDir)
    const login = (email: string) => {
      const l = logins.find((x) => x.email === email)
      if (!l) throw new Error(email)
      return { id: '', email, totpUri: l.totpUri }
    }
    sec = as(t, await signIn(t, login('secretariat@qalxan.local'), 'Qalxan-demo-2026'), 'en')
    focal = as(t, await signIn(t, login('focal.rinn@qalxan.local'), 'Qalxan-demo-2026'), 'en')
    strategyId = (await sec.get('/api/strategies')).json()[0].id
    void PASSWORD
  }, 240_000)
  afterAll(() => t.close())

  it('holds the publicly known Strategy, its quoted measures and a realistic reporting history', async () => {
    const plan = (await sec.get(`/api/strategies/${strategyId}/plan`)).json()
    expect(plan.strategy).toMatchObject({
      actNumber: '4060',
      actDate: '2023-08-28',
      periodStart: 2023,
      periodEnd: 2027,
      baselineVersion: 2,
    })
    const goals = plan.directions.flatMap((d: { goals: { code: string }[] }) => d.goals.map((g) => g.code))
    expect(goals).toEqual(expect.arrayContaining(['5.1.1', '5.1.2', '5.1.3']))
    const list = (await sec.get(`/api/strategies/${strategyId}/measures?limit=100`)).json()
    const m = list.items.find((x: { code: string }) => x.code === '8.1.1')
    expect(m.executors.map((e: { code: string; role: string }) => `${e.code}:${e.role}`)).toEqual([
      'NK:lead',
      'XRITDX:co',
      'RINN:co',
      'DTX:co',
    ])
    expect(m.deadline.value).toBe('2023-2024')
    const cyber = list.items.find((x: { code: string }) => x.code === '8.1.2')
    expect(cyber.executors.find((e: { code: string }) => e.code === 'BP').role).toBe('recommended')
    expect([cyber.originalDeadline, cyber.deadline.value]).toEqual(['2023-2024', '2023-2025'])
    // Demo measures say so.
    const demos = list.items.filter((x: { frameworkTags: string[] }) => x.frameworkTags.includes('demo'))
    expect(demos.length).toBeGreaterThan(5)
    for (const d of demos) expect(d.description.en).toContain('Demo data')
    const periods = (await sec.get(`/api/strategies/${strategyId}/periods`)).json()
    const states = new Set(periods.map((p: { state: string }) => p.state))
    expect([...states].sort()).toEqual(['closed', 'locked', 'open', 'planned'])
    const ov = (await sec.get(`/api/strategies/${strategyId}/overview`)).json()
    expect(ov.strategy.evaluated).toBeGreaterThan(5)
    expect(ov.completionDistribution.complete).toBeGreaterThan(2)
  })

  it('writes the annual report to the President as a PDF whose Azerbaijani text reads back', async () => {
    const r = await sec.get(`/api/strategies/${strategyId}/reports/annual?year=2024&lang=az&format=pdf`)
    expect(r.statusCode).toBe(200)
    expect(r.headers['content-type']).toBe('application/pdf')
    expect(r.headers['content-disposition']).toContain('qalxan-annual-2024-az.pdf')
    const text = pdfText(r.rawPayload)
    for (const s of [
      'Strategiyanın icrası barədə Azərbaycan Respublikasının Prezidentinə illik məruzə',
      'İnformasiya təhlükəsizliyi risklərinin reyestrinin aparılması qaydasının təsdiq edilməsi',
      'Gecikmələr və onların səbəbləri',
      'Strategiyanın hədəf göstəriciləri',
    ])
      expect(text.replace(/\s+/g, ' ')).toContain(s)
    // The secretariat is cleared for restricted measures, so the restricted 8.2.4 is included.
    expect(text).toContain('8.2.4')
  })

  it('writes the half-year report in Russian as DOCX and refuses readers without a view of every organisation', async () => {
    const periods = (await sec.get(`/api/strategies/${strategyId}/periods`)).json()
    const h1 = periods.find((p: { label: string }) => p.label === '2025-H1')
    const r = await sec.get(
      `/api/strategies/${strategyId}/reports/half-year?periodId=${h1.id}&lang=ru&format=docx`,
    )
    expect(r.statusCode).toBe(200)
    const xml = strFromU8(unzipSync(new Uint8Array(r.rawPayload))['word/document.xml'] as Uint8Array)
    expect(xml).toContain('Полугодовой отчёт рабочей группе о реализации Стратегии')
    expect(xml).toContain('Утверждение порядка ведения реестра рисков информационной безопасности')
    expect(
      (await focal.get(`/api/strategies/${strategyId}/reports/half-year?periodId=${h1.id}`)).statusCode,
    ).toBe(403)
    const annual = periods.find((p: { label: string }) => p.label === '2024')
    expect(
      (await sec.get(`/api/strategies/${strategyId}/reports/half-year?periodId=${annual.id}`)).statusCode,
    ).toBe(404)
    expect((await sec.get(`/api/strategies/${strategyId}/reports/annual?year=2031`)).statusCode).toBe(404)
    expect(
      (await sec.get(`/api/strategies/${strategyId}/reports/annual?year=2026&format=odt`)).statusCode,
    ).toBe(422)
  })

  it('exports a period, measure by measure, to XLSX for the secretariat', async () => {
    const periods = (await sec.get(`/api/strategies/${strategyId}/periods`)).json()
    const h1 = periods.find((p: { label: string }) => p.label === '2025-H1')
    const r = await sec.get(`/api/periods/${h1.id}/measures.xlsx?lang=en`)
    expect(r.statusCode).toBe(200)
    const ExcelJS = (await import('exceljs')).default
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(r.rawPayload as never)
    const ws = wb.worksheets[0]
    const rows = (ws?.getSheetValues() ?? []).slice(2).map((v) => (v as unknown[]).slice(1))
    const m811 = rows.find((x) => x[0] === '8.1.1')
    expect(m811).toEqual(expect.arrayContaining(['NK', 'accepted', 100, 'Complete']))
    expect((await focal.get(`/api/periods/${h1.id}/measures.xlsx`)).statusCode).toBe(403)
  })

  it('shows published, public results to anyone, and nothing restricted or internal', async () => {
    const list = await t.app.inject({ method: 'GET', url: '/api/public/strategies' })
    expect(list.json().map((s: { id: string }) => s.id)).toEqual([strategyId])
    const r = (
      await t.app.inject({ method: 'GET', url: `/api/public/strategies/${strategyId}/results` })
    ).json()
    expect(r.period.label).toBe('2025-H1')
    const codes = r.measures.map((m: { code: string }) => m.code)
    expect(codes).toContain('8.1.1')
    expect(codes).not.toContain('8.2.4')
    expect(codes).not.toContain('8.4.1')
  })

  it('holds the Commission meeting of 22 November 2023, the working group of January 2024 and assignments in every state', async () => {
    const bodies = (await sec.get('/api/bodies')).json()
    const commission = bodies.find((b: { code: string }) => b.code === 'KOMISSIYA')
    const wg = bodies.find((b: { code: string }) => b.code === 'IQ-2024')
    expect(wg).toMatchObject({ kind: 'working_group', establishedOn: '2024-01-18' })
    const meetings = (await sec.get(`/api/bodies/${commission.id}/meetings`)).json()
    const first = meetings.find((m: { startsAt: string }) => m.startsAt.startsWith('2023-11-22'))
    expect(first).toMatchObject({ state: 'held', minutesState: 'approved' })
    const detail = (await sec.get(`/api/meetings/${first.id}`)).json()
    expect(detail.decisions.map((d: { number: string }) => d.number)).toEqual(['3/2023-1', '3/2023-2'])
    expect(detail.decisions[1].text.az).toContain('işçi qrup')
    // The working group was seated from the plan's lead and co-executors.
    const members = (await sec.get(`/api/bodies/${wg.id}/members?on=2024-02-01`)).json()
    const orgs = new Set(members.map((m: { orgCode: string }) => m.orgCode))
    for (const code of ['NK', 'XRITDX', 'RINN', 'DTX', 'DIN', 'ASAN', 'ETN']) expect(orgs).toContain(code)
    expect((await sec.get(`/api/bodies/${wg.id}/members?on=2024-01-10`)).json()).toEqual([])
    const all = (await sec.get('/api/assignments?limit=100')).json().items as {
      state: string
      overdue: boolean
      orgCode: string
    }[]
    const states = new Set(all.map((a) => `${a.state}${a.overdue ? ':overdue' : ''}`))
    for (const s of ['done', 'reported', 'open', 'open:overdue']) expect(states).toContain(s)
    // A focal point sees the group and its own organisation's overdue assignment.
    const mine = (await focal.get('/api/assignments?overdue=true')).json().items
    expect(mine.map((a: { orgCode: string }) => a.orgCode)).toContain('RINN')
    const upcoming = (
      await sec.get(`/api/meetings?from=${new Date().toISOString().slice(0, 10)}&to=2099-12-31`)
    ).json()
    expect(upcoming).toHaveLength(1)
    expect((await sec.get(`/api/meetings/${upcoming[0].id}`)).json().minutesToApprove).toHaveLength(1)
  })
})
