import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditEvents, measures } from '../src/db/schema/index.ts'
import { createTestApp, DATABASES, multipart, ORIGIN, type TestApp } from './helpers.ts'
import { type PlanFixture, planFixture } from './plan-fixture.ts'

describe.each(DATABASES)('the Action Plan on %s', (kind) => {
  let t: TestApp
  let f: PlanFixture

  beforeAll(async () => {
    t = await createTestApp(kind)
    f = await planFixture(t)
  })
  afterAll(() => t.close())

  it('shows the plan tree and the measures with their executors and deadline windows', async () => {
    const plan = (await f.people.leadFocal.get(`/api/strategies/${f.strategy.id}/plan`)).json()
    expect(plan.strategy.actNumber).toBe('4060')
    expect(plan.directions[0].goals[0]).toMatchObject({ code: '5.1.1', measureCount: 2 })
    const list = (await f.people.leadFocal.get(`/api/strategies/${f.strategy.id}/measures`)).json()
    expect(list.items.map((m: { code: string }) => m.code)).toEqual(['1.1', '1.3'])
    const m1 = list.items[0]
    expect(m1.deadline).toEqual({
      kind: 'year_range',
      value: '2024-2025',
      start: '2024-01-01',
      end: '2025-12-31',
    })
    expect(m1.executors.map((e: { code: string; role: string }) => `${e.code}:${e.role}`)).toEqual([
      'LEAD:lead',
      'CO:co',
    ])
  })

  it('filters the measure list by organisation, role, deadline year and text in any language', async () => {
    const s = f.people.secretariat
    const base = `/api/strategies/${f.strategy.id}/measures`
    const codes = async (q: string) =>
      (await s.get(`${base}?${q}`)).json().items.map((m: { code: string }) => m.code)
    expect(await codes(`orgId=${f.orgs.co.id}`)).toEqual(['1.1'])
    expect(await codes(`orgId=${f.orgs.lead.id}&executorRole=lead`)).toEqual(['1.1', '1.2'])
    expect(await codes(`orgId=${f.orgs.co.id}&executorRole=lead`)).toEqual([])
    expect(await codes('deadlineYear=2024')).toEqual(['1.1', '1.2'])
    // Azerbaijani letters fold: "reyestr" finds "reyestrinin", "RİSKLƏR" finds "Risklər".
    expect(await codes(`q=${encodeURIComponent('RİSKLƏR reyestr')}`)).toEqual(['1.1'])
    expect(await codes('q=register')).toEqual(['1.1'])
    expect((await s.get(`${base}?deadlineYear=1800`)).statusCode).toBe(422)
    // Filters combined, and a page past the end still counting what the filters match.
    expect(await codes(`orgId=${f.orgs.lead.id}&executorRole=lead&deadlineYear=2024&q=reyestr`)).toEqual([
      '1.1',
    ])
    const all = (await s.get(base)).json().total as number
    expect((await s.get(`${base}?limit=1&offset=500`)).json()).toEqual({ items: [], total: all })
    expect(
      (await s.get(`${base}?orgId=${f.orgs.lead.id}&executorRole=lead&limit=1&offset=500`)).json(),
    ).toEqual({
      items: [],
      total: 2,
    })
  })

  it('answers 404 for a restricted measure to a reader without clearance, and records the refusal', async () => {
    const r = await f.people.leadFocal.get(`/api/measures/${f.m2.id}`)
    expect(r.statusCode).toBe(404)
    expect(r.json().error.code).toBe('NOT_FOUND')
    expect((await f.people.secretariat.get(`/api/measures/${f.m2.id}`)).statusCode).toBe(200)
    const denials = await t.database.db.select().from(auditEvents).where(eq(auditEvents.targetId, f.m2.id))
    expect(denials.some((d) => d.outcome === 'denied')).toBe(true)
    // A public-only reader sees only public measures.
    const list = (await f.people.publicReader.get(`/api/strategies/${f.strategy.id}/measures`)).json()
    expect(list.items.map((m: { code: string }) => m.code)).toEqual(['1.1'])
    expect((await f.people.publicReader.get(`/api/measures/${f.m3.id}`)).statusCode).toBe(404)
  })

  it('refuses bad measures with a clear error and writes nothing', async () => {
    const s = f.people.secretariat
    const before = (await t.database.db.select().from(measures)).length
    const post = (body: Record<string, unknown>) =>
      s.post(`/api/strategies/${f.strategy.id}/measures`, {
        goalCode: '5.1.1',
        code: 'X.1',
        title: { az: 'X' },
        deadline: '2024',
        leadExecutors: ['LEAD'],
        ...body,
      })
    const dup = await post({ code: '1.1' })
    expect(dup.statusCode).toBe(409)
    expect(dup.json().error.message).toContain('"1.1"')
    const unknownOrg = await post({ leadExecutors: ['NOPE'] })
    expect(unknownOrg.statusCode).toBe(422)
    expect(unknownOrg.json().error.message).toBe('No organisation "NOPE"')
    const badDeadline = await post({ deadline: '2024-Q5' })
    expect(badDeadline.statusCode).toBe(422)
    expect(JSON.stringify(badDeadline.json().error.details)).toContain('2023-2024')
    const backwards = await post({ deadline: '2025-2024' })
    expect(backwards.statusCode).toBe(422)
    const noTitle = await post({ title: { az: '' } })
    expect(noTitle.statusCode).toBe(422)
    const twice = await post({ leadExecutors: ['LEAD'], coExecutors: ['LEAD'] })
    expect(twice.statusCode).toBe(422)
    const script = await post({ code: '<script>' })
    expect(script.statusCode).toBe(422)
    const byFocal = await f.people.leadFocal.post(`/api/strategies/${f.strategy.id}/measures`, {
      goalCode: '5.1.1',
      code: 'X.2',
      title: { az: 'X' },
      deadline: '2024',
      leadExecutors: ['LEAD'],
    })
    expect(byFocal.statusCode).toBe(403)
    expect((await t.database.db.select().from(measures)).length).toBe(before)
  })

  it('changes a deadline only through a change request citing a decision, keeping the original', async () => {
    const s = f.people.secretariat
    const early = await s.post('/api/change-requests', {
      measureId: f.m1.id,
      kind: 'deadline',
      proposed: { deadline: '2024-2026' },
      justification: 'More time is needed for the agreement of the draft procedure',
    })
    expect(early.statusCode).toBe(201)
    const decision = { body: 'Coordination Commission', number: '3/2024', date: '2024-06-14' }
    // Not before the approved plan is frozen as baseline v1.
    expect(
      (await s.post(`/api/change-requests/${early.json().id}/decision`, { approve: true, decision }))
        .statusCode,
    ).toBe(412)
    expect(
      (
        await s.post(`/api/strategies/${f.strategy.id}/baseline`, { note: 'Approved by Order No. 4060' })
      ).json(),
    ).toEqual({ version: 1 })
    expect((await s.post(`/api/strategies/${f.strategy.id}/baseline`, { note: 'again' })).statusCode).toBe(
      409,
    )
    // A deadline change may not smuggle in an executor change.
    const mixed = await s.post('/api/change-requests', {
      measureId: f.m1.id,
      kind: 'deadline',
      proposed: { deadline: '2026', leadExecutors: ['OUT'] },
      justification: 'x',
    })
    expect(mixed.statusCode).toBe(422)
    const ok = await s.post(`/api/change-requests/${early.json().id}/decision`, { approve: true, decision })
    expect(ok.statusCode).toBe(200)
    expect(ok.json()).toMatchObject({ state: 'approved', resultingVersion: 2, decision })
    expect(
      (await s.post(`/api/change-requests/${early.json().id}/decision`, { approve: false, decision }))
        .statusCode,
    ).toBe(409)
    const m = (await s.get(`/api/measures/${f.m1.id}`)).json().measure
    expect(m.deadline.value).toBe('2024-2026')
    expect(m.originalDeadline).toBe('2024-2025')
    const versions = (await s.get(`/api/strategies/${f.strategy.id}/versions`)).json()
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1])
    const v1 = (await s.get(`/api/strategies/${f.strategy.id}/versions/1`)).json()
    const v2 = (await s.get(`/api/strategies/${f.strategy.id}/versions/2`)).json()
    const dl = (v: { snapshot: { measures: { code: string; deadline: string }[] } }) =>
      v.snapshot.measures.find((x) => x.code === '1.1')?.deadline
    expect([dl(v1), dl(v2)]).toEqual(['2024-2025', '2024-2026'])
    // The restricted measure stays out of a version shown to a reader without clearance.
    const v1Focal = (await f.people.leadFocal.get(`/api/strategies/${f.strategy.id}/versions/1`)).json()
    expect(v1Focal.snapshot.measures.map((x: { code: string }) => x.code)).toEqual(['1.1', '1.3'])
  })

  it('changes executors through an approved change request and rejects one without changing anything', async () => {
    const s = f.people.secretariat
    const decision = { body: 'Coordination Commission', number: '4/2024', date: '2024-09-20' }
    const cr = (
      await s.post('/api/change-requests', {
        measureId: f.m3.id,
        kind: 'executor',
        proposed: { coExecutors: ['CO'] },
        justification: 'CO operates the system concerned',
      })
    ).json()
    const rejected = (
      await s.post('/api/change-requests', {
        measureId: f.m3.id,
        kind: 'deadline',
        proposed: { deadline: '2027' },
        justification: 'x',
      })
    ).json()
    await s.post(`/api/change-requests/${rejected.id}/decision`, { approve: false, decision })
    await s.post(`/api/change-requests/${cr.id}/decision`, { approve: true, decision })
    const m = (await s.get(`/api/measures/${f.m3.id}`)).json().measure
    expect(m.executors.map((e: { code: string; role: string }) => `${e.code}:${e.role}`)).toEqual([
      'OUT:lead',
      'CO:co',
    ])
    expect(m.deadline.value).toBe('2025')
    const list = (await s.get(`/api/strategies/${f.strategy.id}/change-requests?measureId=${f.m3.id}`)).json()
    expect(list.map((c: { state: string }) => c.state).sort()).toEqual(['approved', 'rejected'])
  })

  it('keeps the original planned date of a milestone and needs the act details for an adopted act', async () => {
    const s = f.people.secretariat
    const ms = (
      await s.post(`/api/measures/${f.m1.id}/milestones`, {
        title: { az: 'Qaydanın layihəsi' },
        plannedDate: '2024-06-30',
        stage: 'draft',
      })
    ).json()
    expect(ms.originalPlannedDate).toBe('2024-06-30')
    const revised = (await s.patch(`/api/milestones/${ms.id}`, { plannedDate: '2024-10-31' })).json()
    expect([revised.originalPlannedDate, revised.plannedDate]).toEqual(['2024-06-30', '2024-10-31'])
    // The lead executor records progress but may not move the planned date.
    expect((await f.people.leadFocal.patch(`/api/milestones/${ms.id}`, { stage: 'agreed' })).statusCode).toBe(
      200,
    )
    expect(
      (await f.people.leadFocal.patch(`/api/milestones/${ms.id}`, { plannedDate: '2025-01-01' })).statusCode,
    ).toBe(403)
    expect((await f.people.outFocal.patch(`/api/milestones/${ms.id}`, { stage: 'adopted' })).statusCode).toBe(
      403,
    )
    const incomplete = await f.people.leadFocal.patch(`/api/milestones/${ms.id}`, { stage: 'adopted' })
    expect(incomplete.statusCode).toBe(422)
    const adopted = await f.people.leadFocal.patch(`/api/milestones/${ms.id}`, {
      stage: 'adopted',
      actType: 'Qərar',
      actNumber: '215',
      actDate: '2024-11-05',
      actualDate: '2024-11-05',
    })
    expect(adopted.json()).toMatchObject({ stage: 'adopted', actNumber: '215' })
  })

  it('keeps strategy indicators with targets per year and refuses two targets for one year', async () => {
    const s = f.people.secretariat
    const ok = await s.post(`/api/strategies/${f.strategy.id}/indicators`, {
      code: 'T1',
      name: { az: 'Təlimatı təsdiq edilmiş qurumların payı' },
      unit: '%',
      baseline: 20,
      baselineYear: 2023,
      targets: [
        { year: 2025, value: 60 },
        { year: 2027, value: 100 },
      ],
    })
    expect(ok.statusCode).toBe(201)
    const twice = await s.post(`/api/strategies/${f.strategy.id}/indicators`, {
      code: 'T2',
      name: { az: 'x' },
      unit: '%',
      targets: [
        { year: 2025, value: 1 },
        { year: 2025, value: 2 },
      ],
    })
    expect(twice.statusCode).toBe(422)
    await s.post(`/api/strategies/${f.strategy.id}/indicators/${ok.json().id}/values`, {
      year: 2024,
      value: 35,
    })
    const list = (await f.people.leadFocal.get(`/api/strategies/${f.strategy.id}/indicators`)).json()
    expect(list[0]).toMatchObject({ code: 'T1', values: [{ year: 2024, value: 35, source: 'secretariat' }] })
  })
})

describe.each(DATABASES)('importing and exporting the Action Plan on %s', (kind) => {
  let t: TestApp
  let f: PlanFixture
  let fresh: { id: string }

  beforeAll(async () => {
    t = await createTestApp(kind)
    f = await planFixture(t)
    fresh = (
      await f.people.secretariat.post('/api/strategies', {
        code: 'IMPORTED',
        title: { az: 'İdxal olunan strategiya' },
        actType: 'Sərəncam',
        actNumber: '1',
        actDate: '2024-01-01',
        periodStart: 2024,
        periodEnd: 2027,
      })
    ).json()
  })
  afterAll(() => t.close())

  const upload = (url: string, body: Buffer, api = f.people.secretariat) => {
    const m = multipart('plan.xlsx', body)
    return t.app.inject({
      method: 'POST',
      url,
      headers: { ...m.headers, origin: ORIGIN, cookie: api.cookie, 'accept-language': 'en' },
      payload: m.payload,
    })
  }

  it('round-trips the plan through its XLSX export and imports it into an empty strategy', async () => {
    const s = f.people.secretariat
    const tpl = await s.get(`/api/strategies/${fresh.id}/plan/template.xlsx?lang=ru`)
    expect(tpl.statusCode).toBe(200)
    expect(tpl.headers['content-type']).toContain('spreadsheetml')
    const exported = await s.get(`/api/strategies/${f.strategy.id}/plan/export.xlsx`)
    expect(exported.statusCode).toBe(200)
    const before = (await t.database.db.select().from(measures)).length
    const dry = await upload(`/api/strategies/${fresh.id}/plan/import`, exported.rawPayload)
    expect(dry.json()).toMatchObject({
      dryRun: true,
      written: false,
      issues: [],
      counts: { directions: 1, goals: 1, measures: 3 },
    })
    expect((await t.database.db.select().from(measures)).length).toBe(before)
    const real = await upload(`/api/strategies/${fresh.id}/plan/import?dryRun=false`, exported.rawPayload)
    expect(real.json()).toMatchObject({ written: true })
    const a = (await s.get(`/api/strategies/${f.strategy.id}/measures`)).json().items
    const b = (await s.get(`/api/strategies/${fresh.id}/measures`)).json().items
    const shape = (m: Record<string, unknown>) => ({
      ...m,
      id: 0,
      strategyId: 0,
      goalId: 0,
      directionId: 0,
      updatedAt: 0,
    })
    expect(b.map(shape)).toEqual(a.map(shape))
    // Importing again names every code that now exists, and writes nothing.
    const again = await upload(`/api/strategies/${fresh.id}/plan/import?dryRun=false`, exported.rawPayload)
    expect(again.statusCode).toBe(422)
    expect(again.json().error.details.issues.length).toBeGreaterThanOrEqual(3)
    expect((await t.database.db.select().from(measures)).length).toBe(before + 3)
  })

  it('reports unknown organisations, bad deadlines and disguised files, refuses focal points and frozen plans', async () => {
    const s = f.people.secretariat
    const exported = (await s.get(`/api/strategies/${f.strategy.id}/plan/export.xlsx`)).rawPayload
    const ExcelJS = (await import('exceljs')).default
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(exported as never)
    const ws = wb.getWorksheet('Measures')
    if (!ws) throw new Error('no Measures sheet')
    const header = (ws.getRow(1).values as string[]).map(String)
    const col = (name: string) => header.indexOf(name)
    ws.getRow(2).getCell(col('lead_executors')).value = 'NOPE'
    ws.getRow(3).getCell(col('deadline')).value = '2024-Q5'
    ws.getRow(4).getCell(col('title_az')).value = ''
    const bad = Buffer.from(await wb.xlsx.writeBuffer())
    const other = (
      await s.post('/api/strategies', {
        code: 'IMPORTED-2',
        title: { az: 'x' },
        actType: 'Sərəncam',
        actNumber: '2',
        actDate: '2024-01-01',
        periodStart: 2024,
        periodEnd: 2027,
      })
    ).json()
    const r = (await upload(`/api/strategies/${other.id}/plan/import`, bad)).json()
    const where = r.issues.map(
      (i: { sheet: string; row: number; column: string }) => `${i.sheet}:${i.row}:${i.column}`,
    )
    expect(where).toEqual(
      expect.arrayContaining(['Measures:2:lead_executors', 'Measures:3:deadline', 'Measures:4:title_az']),
    )
    expect(r.issues.find((i: { column: string }) => i.column === 'lead_executors').message).toContain(
      '"NOPE"',
    )
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')
    const disguised = (await upload(`/api/strategies/${other.id}/plan/import`, png)).json()
    expect(disguised.issues).toHaveLength(1)
    expect(
      (await upload(`/api/strategies/${other.id}/plan/import`, bad, f.people.leadFocal)).statusCode,
    ).toBe(403)
    await s.post(`/api/strategies/${other.id}/baseline`, { note: 'approved' })
    const frozen = await upload(`/api/strategies/${other.id}/plan/import`, exported)
    expect(frozen.statusCode).toBe(412)
  })

  it('exports a filtered measure list to XLSX', async () => {
    const r = await f.people.leadFocal.get(
      `/api/strategies/${f.strategy.id}/measures/export.xlsx?orgId=${f.orgs.lead.id}`,
    )
    expect(r.statusCode).toBe(200)
    const ExcelJS = (await import('exceljs')).default
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(r.rawPayload as never)
    const rows = wb.worksheets[0]?.getColumn(1).values?.slice(2)
    // The restricted 1.2 is not in the reader's export.
    expect(rows).toEqual(['1.1'])
  })
})
