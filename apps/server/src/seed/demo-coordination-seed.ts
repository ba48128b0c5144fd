import type { AssignmentInput, I18nText } from '@qalxan/contracts'
import { eq, inArray } from 'drizzle-orm'
import type { Services } from '../app.ts'
import { changeRequests, measures, organizations, user } from '../db/schema/index.ts'
import { createAccessPolicy } from '../modules/access/access.policy.ts'
import { createAuditService } from '../modules/audit/audit.service.ts'
import { createCoordination } from '../modules/coordination/index.ts'
import type { Database } from '../platform/db.ts'
import { demoActors } from './demo-plan-seed.ts'

const DAY = 86_400_000
/** 10:00 in Baku is 06:00 UTC. */
const at = (iso: string, hourUtc = 6) =>
  new Date(Date.parse(`${iso}T${String(hourUtc).padStart(2, '0')}:00:00Z`))
const day = (d: Date) => d.toISOString().slice(0, 10)

const COMMISSION: I18nText = {
  az: 'İnformasiya Təhlükəsizliyi üzrə Koordinasiya Komissiyası',
  en: 'Coordination Commission on Information Security',
  ru: 'Координационная комиссия по информационной безопасности',
}
const WORKING_GROUP: I18nText = {
  az: 'Strategiyanın Fəaliyyət Planının icrası üzrə işçi qrup',
  en: 'Working group on the implementation of the Strategy’s Action Plan',
  ru: 'Рабочая группа по исполнению Плана действий Стратегии',
}

/**
 * The Commission's meeting of 22 November 2023 at which the portal and the working group were
 * decided, the working group set up in January 2024 from the plan's lead and co-executors, and its
 * meetings since, with decisions whose assignments stand in every state. Loaded through the
 * services on a clock that walks from November 2023 to now; meeting and decision numbers are
 * illustrative (demo).
 */
export const seedDemoCoordination = async (
  database: Database,
  services: Pick<Services, 'notifications' | 'outbox'>,
  publicUrl: string,
  mailFrom: string,
) => {
  let now = at('2023-11-01')
  const clock = { now: () => now }
  const audit = createAuditService({ database, clock })
  const policy = createAccessPolicy({ now: clock.now, onDenied: async () => {} })
  const {
    coordination: c,
    agenda: g,
    assignments: a,
    invitations,
  } = createCoordination({
    database,
    clock,
    audit,
    policy,
    notifyAll: services.notifications.notifyAll,
    outbox: services.outbox,
    publicUrl,
    mailFrom,
  })
  const actor = demoActors(database)
  const sec = await actor('secretariat@qalxan.local')
  const orgRows = await database.db
    .select({ id: organizations.id, code: organizations.code })
    .from(organizations)
  const org = (code: string) => orgRows.find((o) => o.code === code)?.id as string
  const person = async (email: string) =>
    (await database.db.select({ id: user.id }).from(user).where(eq(user.email, email)))[0]?.id as string
  const measureRows = await database.db.select({ id: measures.id, code: measures.code }).from(measures)
  const measure = (code: string) => measureRows.find((m) => m.code === code)?.id as string
  const assignment = (
    code: string,
    responsibleUserId: string | null,
    task: string,
    dueOn: string,
    measureId: string | null = null,
  ): AssignmentInput => ({
    orgId: org(code),
    responsibleUserId,
    task,
    dueOn,
    measureId,
    changeRequestId: null,
  })
  /** Everyone seated on the meeting's day is present, but for those named. */
  const attendanceOf = async (meetingId: string, absent: string[]) => {
    const detail = await c.meeting(sec, meetingId)
    const members = await c.members(sec, detail.body.id, detail.meeting.startsAt.slice(0, 10))
    return {
      members: members.map((m) => ({
        memberId: m.id,
        status: m.email && absent.includes(m.email) ? ('excused' as const) : ('present' as const),
      })),
      guests: [],
    }
  }

  // ---- The Commission and its meeting of 22 November 2023 ----
  const commission = await c.createBody(sec, {
    kind: 'commission',
    code: 'KOMISSIYA',
    name: COMMISSION,
    mandate:
      'Dövlət orqanlarının informasiya təhlükəsizliyi sahəsində fəaliyyətinin əlaqələndirilməsi; Strategiyanın icrasına nəzarət.',
    parentId: null,
    directionId: null,
    establishedBy: 'Sədr: Xüsusi Rabitə və İnformasiya Təhlükəsizliyi Dövlət Xidməti',
    establishedOn: '2023-11-01',
  })
  const seat = (
    code: string,
    email: string | null,
    role: 'chair' | 'secretary' | 'member',
    validFrom: string,
  ) =>
    (async () => ({
      orgId: org(code),
      userId: email ? await person(email) : null,
      role,
      validFrom,
      note: '',
    }))()
  await c.addMembers(
    sec,
    commission.id,
    await Promise.all([
      seat('XRITDX', 'head.xritdx@qalxan.local', 'chair', '2023-11-01'),
      seat('XRITDX', 'secretariat@qalxan.local', 'secretary', '2023-11-01'),
      seat('NK', 'head.nk@qalxan.local', 'member', '2023-11-01'),
      seat('RINN', 'head.rinn@qalxan.local', 'member', '2023-11-01'),
      seat('DTX', 'head.dtx@qalxan.local', 'member', '2023-11-01'),
      seat('DIN', 'head.din@qalxan.local', 'member', '2023-11-01'),
      seat('ASAN', 'head.asan@qalxan.local', 'member', '2023-11-01'),
      seat('ETN', 'head.etn@qalxan.local', 'member', '2023-11-01'),
    ]),
  )
  now = at('2023-11-08')
  const c1 = await c.schedule(sec, {
    bodyId: commission.id,
    number: '3/2023',
    title: {
      az: 'Koordinasiya Komissiyasının iclası',
      en: 'Meeting of the Coordination Commission',
      ru: 'Заседание Координационной комиссии',
    },
    startsAt: at('2023-11-22').toISOString(),
    endsAt: at('2023-11-22', 8).toISOString(),
    location: 'XRİTDX, iclas zalı',
    onlineUrl: null,
  })
  const item = async (
    meetingId: string,
    title: I18nText,
    links: { kind: 'measure'; targetId: string }[] = [],
    presenter?: string,
  ) =>
    (
      await g.addItem(sec, meetingId, {
        title,
        description: '',
        presenterOrgId: presenter ? org(presenter) : null,
        links,
      })
    ).at(-1)?.id as string
  const portalItem = await item(
    c1.id,
    {
      az: 'Strategiyanın icrasının monitorinqi və qiymətləndirilməsi üçün vahid portalın yaradılması',
      en: 'A single portal for monitoring and evaluating the implementation of the Strategy',
      ru: 'Единый портал мониторинга и оценки исполнения Стратегии',
    },
    [],
    'XRITDX',
  )
  const wgItem = await item(c1.id, {
    az: 'Fəaliyyət Planının əsas və digər icraçılarının nümayəndələrindən ibarət işçi qrupun yaradılması',
    en: 'A working group of representatives of the lead and co-executing bodies of the Action Plan',
    ru: 'Создание рабочей группы из представителей основных и других исполнителей Плана действий',
  })
  await invitations.send(sec, c1.id, [])
  now = at('2023-11-22', 9)
  await c.recordAttendance(sec, c1.id, await attendanceOf(c1.id, ['head.dtx@qalxan.local']))
  await c.markHeld(sec, c1.id)
  await c.writeMinutes(sec, c1.id, {
    text: [
      'İclası Komissiyanın sədri açaraq Strategiyanın Fəaliyyət Planının icrasının əlaqələndirilməsinin vəziyyəti barədə məlumat verdi.',
      'Birinci məsələ üzrə XRİTDX-nin nümayəndəsi icranın monitorinqi və qiymətləndirilməsi üçün vahid portalın konsepsiyasını təqdim etdi.',
      'İkinci məsələ üzrə icraçı orqanların nümayəndələrindən ibarət işçi qrupun yaradılması təklif olundu.',
      'Qərarlar yekdilliklə qəbul edildi. (Demo protokol.)',
    ].join('\n\n'),
    baseUpdatedAt: null,
  })
  const xritdx = await person('focal.xritdx@qalxan.local')
  await a.recordDecision(
    sec,
    c1.id,
    {
      number: '3/2023-1',
      text: {
        az: 'Strategiyanın icrasının monitorinqi və qiymətləndirilməsi üçün vahid elektron portal yaradılsın.',
        en: 'A single electronic portal for monitoring and evaluating the implementation of the Strategy shall be created.',
        ru: 'Создать единый электронный портал мониторинга и оценки исполнения Стратегии.',
      },
      agendaItemId: portalItem,
      assignments: [assignment('XRITDX', xritdx, 'Portalı istifadəyə vermək', '2024-06-30')],
    },
    c.visibleMeeting,
  )
  await a.recordDecision(
    sec,
    c1.id,
    {
      number: '3/2023-2',
      text: {
        az: 'Fəaliyyət Planının əsas və digər icraçılarının nümayəndələrindən ibarət işçi qrup yaradılsın.',
        en: 'A working group of representatives of the lead and co-executing bodies of the Action Plan shall be set up.',
        ru: 'Создать рабочую группу из представителей основных и других исполнителей Плана действий.',
      },
      agendaItemId: wgItem,
      assignments: [assignment('XRITDX', xritdx, 'İşçi qrupun tərkibini təsdiq etmək', '2024-01-31')],
    },
    c.visibleMeeting,
  )

  // ---- The working group, January 2024, seated from the plan ----
  now = at('2024-01-18')
  const wg = await c.createBody(sec, {
    kind: 'working_group',
    code: 'IQ-2024',
    name: WORKING_GROUP,
    mandate:
      'Fəaliyyət Planının tədbirlərinin icrasının əlaqələndirilməsi, hesabatların müzakirəsi və təkliflərin hazırlanması.',
    parentId: null,
    directionId: null,
    establishedBy: 'Koordinasiya Komissiyasının 22.11.2023 tarixli 3/2023-2 saylı qərarı',
    establishedOn: '2024-01-18',
  })
  const proposed = await c.proposedMembers(sec, wg.id, null)
  await c.addMembers(sec, wg.id, [
    {
      orgId: org('XRITDX'),
      userId: await person('chair@qalxan.local'),
      role: 'chair',
      validFrom: '2024-01-18',
      note: '',
    },
    {
      orgId: org('XRITDX'),
      userId: await person('secretariat@qalxan.local'),
      role: 'secretary',
      validFrom: '2024-01-18',
      note: '',
    },
    ...proposed.map((p) => ({
      orgId: p.orgId,
      userId: p.userId,
      role: 'member' as const,
      validFrom: '2024-01-18',
      note: '',
    })),
  ])
  const decisionsOf = async (meetingId: string) => (await c.meeting(sec, meetingId)).decisions
  const done = async (assignmentId: string, email: string, when: string, text: string) => {
    now = at(when)
    await a.report(await actor(email), assignmentId, { text, done: true, fileId: null })
    now = at(when, 10)
    await a.review(sec, assignmentId, { accept: true, comment: '' })
  }
  for (const d of await decisionsOf(c1.id)) {
    const first = d.assignments[0]
    if (!first) continue
    if (d.number === '3/2023-2')
      await done(
        first.id,
        'focal.xritdx@qalxan.local',
        '2024-01-19',
        'İşçi qrup yaradılıb, tərkibi portalda əks olunub.',
      )
  }

  // First meeting of the working group.
  now = at('2024-01-25')
  const w1 = await c.schedule(await actor('chair@qalxan.local'), {
    bodyId: wg.id,
    number: 'İQ-1/2024',
    title: {
      az: 'İşçi qrupun ilk iclası',
      en: 'First meeting of the working group',
      ru: 'Первое заседание рабочей группы',
    },
    startsAt: at('2024-02-06').toISOString(),
    endsAt: at('2024-02-06', 8).toISOString(),
    location: 'XRİTDX, 3-cü mərtəbə, iclas otağı',
    onlineUrl: null,
  })
  const risks = await item(
    w1.id,
    {
      az: 'İnformasiya təhlükəsizliyi risklərinin reyestrinin aparılması qaydasının hazırlanması',
      en: 'Preparing the procedure for the register of information-security risks',
      ru: 'Подготовка порядка ведения реестра рисков информационной безопасности',
    },
    [{ kind: 'measure', targetId: measure('8.1.1') }],
    'NK',
  )
  const cyber = await item(
    w1.id,
    {
      az: '"Kibercinayətkarlıq" elektron informasiya sistemi üzrə təkliflər',
      en: 'Proposals for the "Cybercrime" electronic information system',
      ru: 'Предложения по электронной информационной системе «Киберпреступность»',
    },
    [{ kind: 'measure', targetId: measure('8.1.2') }],
    'DIN',
  )
  await g.requestReports(sec, risks, { orgIds: [org('NK')], dueOn: '2024-02-02' })
  await invitations.send(sec, w1.id, [])
  now = at('2024-02-01')
  const nkRequest = (await c.meeting(sec, w1.id)).agenda.find((i) => i.id === risks)?.requests[0]
  if (nkRequest)
    await g.submitItemReport(await actor('focal.nk@qalxan.local'), nkRequest.id, {
      text: 'Qaydanın konsepsiyası hazırlanıb; risk kateqoriyaları XRİTDX ilə razılaşdırılır.',
      fileId: null,
    })
  now = at('2024-02-06', 9)
  await c.recordAttendance(sec, w1.id, await attendanceOf(w1.id, ['focal.etn@qalxan.local']))
  await c.markHeld(sec, w1.id)
  await c.writeMinutes(sec, w1.id, {
    text: [
      'İclası işçi qrupun sədri açdı və Fəaliyyət Planının 2024-cü il üzrə tədbirlərini xatırlatdı.',
      'Nazirlər Kabinetinin nümayəndəsi risklər reyestrinin aparılması qaydasının hazırlanmasının gedişi barədə məlumat verdi.',
      'DİN-in nümayəndəsi "Kibercinayətkarlıq" sistemi üzrə ilkin təklifləri təqdim etdi. (Demo protokol.)',
    ].join('\n\n'),
    baseUpdatedAt: null,
  })
  await a.recordDecision(
    sec,
    w1.id,
    {
      number: 'İQ-1/2024-1',
      text: {
        az: 'Risklər reyestrinin aparılması qaydasının layihəsi 2024-cü ilin iyun ayınadək hazırlansın.',
        en: 'The draft procedure for the risk register shall be prepared by June 2024.',
        ru: 'Подготовить проект порядка ведения реестра рисков до июня 2024 года.',
      },
      agendaItemId: risks,
      assignments: [
        assignment(
          'NK',
          await person('focal.nk@qalxan.local'),
          'Qaydanın layihəsini təqdim etmək',
          '2024-06-30',
          measure('8.1.1'),
        ),
        assignment(
          'XRITDX',
          xritdx,
          'Risk kateqoriyaları üzrə təkliflər vermək',
          '2024-04-30',
          measure('8.1.1'),
        ),
      ],
    },
    c.visibleMeeting,
  )
  await a.recordDecision(
    sec,
    w1.id,
    {
      number: 'İQ-1/2024-2',
      text: {
        az: '"Kibercinayətkarlıq" sistemi üzrə təkliflər maraqlı qurumlarla razılaşdırılsın.',
        en: 'The proposals for the "Cybercrime" system shall be agreed with the bodies concerned.',
        ru: 'Согласовать предложения по системе «Киберпреступность» с заинтересованными органами.',
      },
      agendaItemId: cyber,
      assignments: [
        assignment(
          'DIN',
          await person('focal.din@qalxan.local'),
          'Təklifləri razılaşdırıb təqdim etmək',
          '2025-03-31',
          measure('8.1.2'),
        ),
      ],
    },
    c.visibleMeeting,
  )
  const w1d = await decisionsOf(w1.id)
  const byOrg = (code: string) =>
    w1d.flatMap((d) => d.assignments).find((x) => x.orgCode === code)?.id as string
  // The Commission approves the minutes of November.
  now = at('2024-02-12')
  const c2 = await c.schedule(sec, {
    bodyId: commission.id,
    number: '1/2024',
    title: {
      az: 'Koordinasiya Komissiyasının iclası',
      en: 'Meeting of the Coordination Commission',
      ru: 'Заседание Координационной комиссии',
    },
    startsAt: at('2024-02-20').toISOString(),
    endsAt: at('2024-02-20', 8).toISOString(),
    location: 'XRİTDX, iclas zalı',
    onlineUrl: null,
  })
  await item(c2.id, {
    az: 'Əvvəlki iclasın protokolunun təsdiqi',
    en: 'Approval of the minutes of the previous meeting',
    ru: 'Утверждение протокола предыдущего заседания',
  })
  await invitations.send(sec, c2.id, [])
  now = at('2024-02-20', 9)
  await c.recordAttendance(sec, c2.id, await attendanceOf(c2.id, []))
  await c.markHeld(sec, c2.id)
  await c.approveMinutes(sec, c2.id, c1.id)
  await c.writeMinutes(sec, c2.id, {
    text: '22 noyabr 2023-cü il iclasının protokolu təsdiq edildi. İşçi qrupun fəaliyyəti barədə məlumat dinlənildi. (Demo protokol.)',
    baseUpdatedAt: null,
  })

  // XRİTDX's proposals came late; the portal itself went live on time.
  await done(
    byOrg('XRITDX'),
    'focal.xritdx@qalxan.local',
    '2024-05-14',
    'Risk kateqoriyaları üzrə təkliflər Nazirlər Kabinetinə göndərilib.',
  )
  const portal = (await decisionsOf(c1.id)).find((d) => d.number === '3/2023-1')?.assignments[0]?.id as string
  await done(portal, 'focal.xritdx@qalxan.local', '2024-06-20', 'Portal istifadəyə verilib.')
  await done(
    byOrg('NK'),
    'focal.nk@qalxan.local',
    '2024-06-24',
    'Qaydanın layihəsi hazırlanıb və razılaşdırmaya göndərilib.',
  )

  // Second meeting of the working group: approves the first one's minutes.
  now = at('2024-09-05')
  const w2 = await c.schedule(await actor('chair@qalxan.local'), {
    bodyId: wg.id,
    number: 'İQ-2/2024',
    title: { az: 'İşçi qrupun iclası', en: 'Meeting of the working group', ru: 'Заседание рабочей группы' },
    startsAt: at('2024-09-17').toISOString(),
    endsAt: at('2024-09-17', 8).toISOString(),
    location: 'XRİTDX, 3-cü mərtəbə, iclas otağı',
    onlineUrl: 'https://meet.example.gov.az/iq-2-2024',
  })
  const incidents = await item(
    w2.id,
    {
      az: 'İnformasiya təhlükəsizliyi insidentlərinin meyar və göstəriciləri',
      en: 'Criteria and indicators of information-security incidents',
      ru: 'Критерии и показатели инцидентов информационной безопасности',
    },
    [{ kind: 'measure', targetId: measure('8.2.1') }],
    'RINN',
  )
  await invitations.send(sec, w2.id, [])
  now = at('2024-09-17', 9)
  await c.recordAttendance(sec, w2.id, await attendanceOf(w2.id, []))
  await c.markHeld(sec, w2.id)
  await c.approveMinutes(sec, w2.id, w1.id)
  await c.writeMinutes(sec, w2.id, {
    text: 'İşçi qrupun birinci iclasının protokolu təsdiq edildi.\n\nİnsidentlərin meyar və göstəricilərinin layihəsi müzakirə olundu. (Demo protokol.)',
    baseUpdatedAt: null,
  })
  await a.recordDecision(
    sec,
    w2.id,
    {
      number: 'İQ-2/2024-1',
      text: {
        az: 'İnsidentlərin meyar və göstəricilərinin layihəsi icraçı orqanlara rəy üçün göndərilsin.',
        en: 'The draft criteria and indicators of incidents shall be sent to the executing bodies for comments.',
        ru: 'Направить проект критериев и показателей инцидентов исполнителям для отзывов.',
      },
      agendaItemId: incidents,
      assignments: [
        assignment(
          'RINN',
          await person('focal.rinn@qalxan.local'),
          'Layihəni rəy üçün göndərmək və rəyləri ümumiləşdirmək',
          '2024-12-15',
          measure('8.2.1'),
        ),
        assignment(
          'ASAN',
          await person('focal.asan@qalxan.local'),
          'Layihəyə rəy vermək',
          '2024-11-15',
          measure('8.2.1'),
        ),
      ],
    },
    c.visibleMeeting,
  )
  const w2d = (await decisionsOf(w2.id)).flatMap((d) => d.assignments)
  const asan = w2d.find((x) => x.orgCode === 'ASAN')?.id as string
  const rinn = w2d.find((x) => x.orgCode === 'RINN')?.id as string
  // ASAN reported; the secretary returned it for the missing document: it is open and overdue.
  now = at('2024-11-12')
  await a.report(await actor('focal.asan@qalxan.local'), asan, {
    text: 'Rəy hazırlanıb.',
    done: true,
    fileId: null,
  })
  now = at('2024-11-14')
  await a.review(sec, asan, { accept: false, comment: 'Rəyin imzalanmış nüsxəsini əlavə edin.' })
  await done(rinn, 'focal.rinn@qalxan.local', '2024-12-20', 'Rəylər ümumiləşdirilib, yekun layihə hazırdır.')

  // The Commission's decision of February 2025 on the change of 8.1.2's deadline.
  const [cr] = await database.db
    .select({ id: changeRequests.id })
    .from(changeRequests)
    .where(inArray(changeRequests.measureId, [measure('8.1.2')]))
  now = at('2025-02-03')
  const c3 = await c.schedule(sec, {
    bodyId: commission.id,
    number: '2/2025',
    title: {
      az: 'Koordinasiya Komissiyasının iclası',
      en: 'Meeting of the Coordination Commission',
      ru: 'Заседание Координационной комиссии',
    },
    startsAt: at('2025-02-14').toISOString(),
    endsAt: at('2025-02-14', 8).toISOString(),
    location: 'XRİTDX, iclas zalı',
    onlineUrl: null,
  })
  const change = await item(
    c3.id,
    {
      az: 'Fəaliyyət Planının 8.1.2-ci tədbirinin icra müddətinin dəyişdirilməsi',
      en: 'Change of the deadline of measure 8.1.2 of the Action Plan',
      ru: 'Изменение срока исполнения мероприятия 8.1.2 Плана действий',
    },
    [{ kind: 'measure', targetId: measure('8.1.2') }],
  )
  now = at('2025-02-14', 9)
  await c.recordAttendance(sec, c3.id, await attendanceOf(c3.id, ['head.asan@qalxan.local']))
  await c.markHeld(sec, c3.id)
  await c.approveMinutes(sec, c3.id, c2.id)
  await c.writeMinutes(sec, c3.id, {
    text: '8.1.2-ci tədbirin icra müddətinin 2025-ci ilin sonunadək uzadılması təklifi müzakirə edildi və qəbul olundu. (Demo protokol.)',
    baseUpdatedAt: null,
  })
  await a.recordDecision(
    sec,
    c3.id,
    {
      number: '2/2025-1',
      text: {
        az: 'Fəaliyyət Planının 8.1.2-ci tədbirinin icra müddəti "2023-2025" olaraq müəyyən edilsin.',
        en: 'The deadline of measure 8.1.2 of the Action Plan shall be "2023-2025".',
        ru: 'Установить срок исполнения мероприятия 8.1.2 Плана действий «2023-2025».',
      },
      agendaItemId: change,
      assignments: [
        {
          ...assignment(
            'XRITDX',
            await person('secretariat@qalxan.local'),
            'Dəyişikliyi Fəaliyyət Planına tətbiq etmək',
            '2025-02-28',
            measure('8.1.2'),
          ),
          changeRequestId: cr?.id ?? null,
        },
      ],
    },
    c.visibleMeeting,
  )
  const c3a = (await decisionsOf(c3.id))[0]?.assignments[0]?.id as string
  await done(
    c3a,
    'focal.xritdx@qalxan.local',
    '2025-02-17',
    'Dəyişiklik tətbiq edilib; yeni baza versiyası yaradılıb.',
  )

  // Third meeting of the working group: DİN's report awaits review; ETN and RİNN have open work.
  now = at('2025-03-03')
  const w3 = await c.schedule(await actor('chair@qalxan.local'), {
    bodyId: wg.id,
    number: 'İQ-1/2025',
    title: { az: 'İşçi qrupun iclası', en: 'Meeting of the working group', ru: 'Заседание рабочей группы' },
    startsAt: at('2025-03-11').toISOString(),
    endsAt: at('2025-03-11', 8).toISOString(),
    location: 'XRİTDX, 3-cü mərtəbə, iclas otağı',
    onlineUrl: null,
  })
  const awareness = await item(
    w3.id,
    {
      az: 'Dövlət qulluqçuları üçün maarifləndirmə seminarlarının təşkili',
      en: 'Awareness seminars for civil servants',
      ru: 'Организация семинаров по повышению осведомлённости госслужащих',
    },
    [{ kind: 'measure', targetId: measure('8.3.1') }],
    'ETN',
  )
  await invitations.send(sec, w3.id, [])
  now = at('2025-03-11', 9)
  await c.recordAttendance(sec, w3.id, await attendanceOf(w3.id, ['focal.dtx@qalxan.local']))
  await c.markHeld(sec, w3.id)
  await c.approveMinutes(sec, w3.id, w2.id)
  await c.writeMinutes(sec, w3.id, {
    text: 'İşçi qrupun 17 sentyabr 2024-cü il iclasının protokolu təsdiq edildi.\n\nMaarifləndirmə seminarlarının 2025-2026-cı illər üzrə planı müzakirə olundu. (Demo protokol.)',
    baseUpdatedAt: null,
  })
  const inDays = (n: number) => day(new Date(Date.now() + n * DAY))
  await a.recordDecision(
    sec,
    w3.id,
    {
      number: 'İQ-1/2025-1',
      text: {
        az: 'Maarifləndirmə seminarlarının plana uyğun keçirilməsi təmin edilsin; fişinq və sosial mühəndislik mövzularına üstünlük verilsin.',
        en: 'The awareness seminars shall be held as planned, with priority to phishing and social engineering.',
        ru: 'Обеспечить проведение семинаров по плану с приоритетом фишинга и социальной инженерии.',
      },
      agendaItemId: awareness,
      assignments: [
        assignment(
          'ETN',
          await person('focal.etn@qalxan.local'),
          'Seminarların hesabatını təqdim etmək',
          inDays(5),
          measure('8.3.1'),
        ),
        assignment(
          'RINN',
          await person('focal.rinn@qalxan.local'),
          'Seminarlar üçün təlim materiallarını hazırlamaq',
          inDays(-20),
          measure('8.3.1'),
        ),
      ],
    },
    c.visibleMeeting,
  )
  const din = byOrg('DIN')
  now = at('2025-03-25')
  await a.report(await actor('focal.din@qalxan.local'), din, {
    text: 'Təkliflər maraqlı qurumlarla razılaşdırılıb və Nazirlər Kabinetinə təqdim olunub.',
    done: true,
    fileId: null,
  })

  // The next meeting, in two weeks: invitations sent, short reports asked of NK and DİN.
  now = new Date(Date.now() - 2 * DAY)
  const next = await c.schedule(await actor('chair@qalxan.local'), {
    bodyId: wg.id,
    number: `İQ-1/${new Date().getUTCFullYear()}`,
    title: {
      az: 'İşçi qrupun növbəti iclası',
      en: 'Next meeting of the working group',
      ru: 'Очередное заседание рабочей группы',
    },
    startsAt: at(inDays(14)).toISOString(),
    endsAt: at(inDays(14), 8).toISOString(),
    location: 'XRİTDX, 3-cü mərtəbə, iclas otağı',
    onlineUrl: 'https://meet.example.gov.az/iq-next',
  })
  const status = await item(
    next.id,
    {
      az: 'Fəaliyyət Planının 2026-cı il üzrə icra vəziyyəti',
      en: 'State of implementation of the Action Plan in 2026',
      ru: 'Ход исполнения Плана действий в 2026 году',
    },
    [
      { kind: 'measure', targetId: measure('8.1.1') },
      { kind: 'measure', targetId: measure('8.1.2') },
    ],
  )
  await g.requestReports(sec, status, { orgIds: [org('NK'), org('DIN')], dueOn: inDays(7) })
  await invitations.send(sec, next.id, [])
  return { commission: commission.id, workingGroup: wg.id }
}
