import { as, makeOrg, makeUser, type Org, signIn, type TestApp } from './helpers.ts'

type Api = ReturnType<typeof as>

/**
 * A small plan and the people around it: the secretariat (SEC), an evaluator, a lead executor
 * (LEAD: focal point and head), a co-executor (CO: focal point), an outsider (OUT) and a
 * low-clearance reader. Measures M1 (lead LEAD, co CO), M2 (restricted) and M3 (lead OUT).
 */
export const planFixture = async (t: TestApp, lang: 'en' | undefined = 'en') => {
  const sec = await makeOrg(t, 'SEC')
  const lead = await makeOrg(t, 'LEAD')
  const co = await makeOrg(t, 'CO')
  const out = await makeOrg(t, 'OUT')
  const api = async (
    email: string,
    org: Org,
    roles: Parameters<typeof makeUser>[3],
    clearance?: 'public' | 'internal' | 'restricted',
  ) => as(t, await signIn(t, await makeUser(t, email, org, roles, clearance ? { clearance } : {})), lang)
  const people = {
    secretariat: await api('sec@test.az', sec, ['secretariat'], 'restricted'),
    evaluator: await api('eval@test.az', sec, ['evaluator'], 'restricted'),
    leadFocal: await api('focal@lead.az', lead, ['focal_point'], 'internal'),
    leadHead: await api('head@lead.az', lead, ['head'], 'internal'),
    coFocal: await api('focal@co.az', co, ['focal_point'], 'internal'),
    outFocal: await api('focal@out.az', out, ['focal_point'], 'internal'),
    publicReader: await api('viewer@out.az', out, ['viewer'], 'public'),
  }
  const s = people.secretariat
  const strategy = (
    await s.post('/api/strategies', {
      code: 'IS-2023',
      title: { az: 'İnformasiya təhlükəsizliyi strategiyası', en: 'Information Security Strategy' },
      actType: 'Sərəncam',
      actNumber: '4060',
      actDate: '2023-08-28',
      periodStart: 2023,
      periodEnd: 2027,
    })
  ).json()
  const direction = (
    await s.post(`/api/strategies/${strategy.id}/directions`, {
      code: '1',
      title: { az: 'Risklərin idarə edilməsi' },
    })
  ).json()
  const goal = (
    await s.post(`/api/strategies/${strategy.id}/goals`, {
      directionId: direction.id,
      code: '5.1.1',
      title: { az: 'Təhlükəsizlik risklərinin müəyyən edilməsi' },
    })
  ).json()
  const measure = async (code: string, body: Record<string, unknown>) => {
    const r = await s.post(`/api/strategies/${strategy.id}/measures`, {
      goalCode: '5.1.1',
      code,
      title: { az: `Tədbir ${code}`, en: `Measure ${code}` },
      deadline: '2024-2025',
      leadExecutors: ['LEAD'],
      ...body,
    })
    if (r.statusCode !== 201) throw new Error(`measure ${code}: ${r.body}`)
    return r.json()
  }
  const m1 = await measure('1.1', {
    coExecutors: ['CO'],
    title: { az: 'Risklər reyestrinin aparılması qaydası', en: 'Procedure for the register of risks' },
  })
  const m2 = await measure('1.2', { confidentiality: 'restricted' })
  const m3 = await measure('1.3', { leadExecutors: ['OUT'], deadline: '2025', confidentiality: 'internal' })
  return { orgs: { sec, lead, co, out }, people, strategy, direction, goal, m1, m2, m3 }
}

export type PlanFixture = Awaited<ReturnType<typeof planFixture>>
export type { Api }
