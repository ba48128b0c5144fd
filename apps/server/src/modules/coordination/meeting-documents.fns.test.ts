import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Assignment, Decision, MeetingDetail } from '@qalxan/contracts'
import { strFromU8, unzipSync } from 'fflate'
import { afterAll, describe, expect, it } from 'vitest'
import { type DocLang, type DocModel, renderDocx, renderPdf } from '../../platform/documents/index.ts'
import { agendaDocument, bakuDate, bakuDateTime, bakuSpan, minutesDocument } from './meeting-documents.fns.ts'

// Every Azerbaijani letter outside ASCII, in both cases, and Russian text in the same documents.
const AZ_LETTERS = 'Əə Ğğ Iı İi Öö Üü Çç Şş'
const BODY_NAME_AZ = 'Şəbəkə təhlükəsizliyi üzrə işçi qrup'
const BODY_NAME_RU = 'Рабочая группа по сетевой безопасности'
const DECISION_AZ =
  'Dövlət orqanlarının şəbəkələrində zəifliklərin aşkarlanması üçün ümumi qaydalar hazırlansın.'
const DECISION_RU = 'Подготовить общие правила выявления уязвимостей в сетях государственных органов.'
const ORG_AZ = 'Rəqəmsal İnkişaf və Nəqliyyat Nazirliyi'
const ORG_RU = 'Министерство цифрового развития и транспорта'
const GUEST = 'Gülnarə Şükürova-Ağayeva'

const assignment = (over: Partial<Assignment> = {}): Assignment => ({
  id: 'as-1',
  decisionId: 'dc-1',
  decisionNumber: '3/1',
  meetingId: 'mt-3',
  meetingNumber: '3',
  bodyId: 'bd-1',
  bodyCode: 'WG-5',
  orgId: 'org-rin',
  orgCode: 'RİNN',
  orgName: { az: ORG_AZ, ru: ORG_RU },
  responsibleUserId: 'u-1',
  responsibleName: 'Əli Hüseynov',
  task: 'Qaydaların layihəsini hazırlamaq və işçi qrupa təqdim etmək',
  dueOn: '2024-06-30',
  measureId: null,
  measureCode: '5.1.1.1',
  changeRequestId: null,
  state: 'open',
  overdue: false,
  completedOn: null,
  reports: [],
  canReport: false,
  canReview: false,
  ...over,
})

const decision: Decision = {
  id: 'dc-1',
  meetingId: 'mt-3',
  meetingNumber: '3',
  meetingDate: '2024-03-12',
  bodyId: 'bd-1',
  bodyCode: 'WG-5',
  number: '3/1',
  text: { az: `${DECISION_AZ}\n\nİkinci bənd: hesabat rüblük təqdim edilsin.`, ru: DECISION_RU },
  agendaItemId: 'ai-1',
  createdAt: '2024-03-12T08:00:00.000Z',
  assignments: [
    assignment(),
    assignment({
      id: 'as-2',
      orgId: 'org-dtx',
      orgCode: 'DTX',
      orgName: { az: 'Dövlət Təhlükəsizliyi Xidməti', en: 'State Security Service' },
      responsibleName: null,
      task: '',
      state: 'reported',
      overdue: true,
    }),
  ],
}

const detail = (
  over: { minutes?: Partial<MeetingDetail['minutes']>; meeting?: object } = {},
): MeetingDetail => ({
  meeting: {
    id: 'mt-3',
    bodyId: 'bd-1',
    bodyCode: 'WG-5',
    bodyName: { az: BODY_NAME_AZ, en: 'Network security working group', ru: BODY_NAME_RU },
    number: '3',
    title: {
      az: 'Növbəti rüb üçün iş planı',
      en: 'Work plan for the next quarter',
      ru: 'План работы на следующий квартал',
    },
    // 06:00 UTC is 10:00 in Baku
    startsAt: '2024-03-12T06:00:00.000Z',
    endsAt: '2024-03-12T08:30:00.000Z',
    location: 'Bakı, Ü. Hacıbəyli küç. 40, 3-cü mərtəbə',
    onlineUrl: 'https://meet.example.az/wg5-3',
    state: 'held',
    cancelReason: null,
    minutesState: 'draft',
    minutesApprovedAt: null,
    minutesApprovedIn: null,
    sequence: 2,
    invitationsSentAt: '2024-03-01T09:00:00.000Z',
    canManage: true,
    ...over.meeting,
  },
  body: {
    id: 'bd-1',
    kind: 'working_group',
    code: 'WG-5',
    name: { az: BODY_NAME_AZ, en: 'Network security working group', ru: BODY_NAME_RU },
    mandate: '',
    parentId: null,
    parentCode: null,
    strategyId: null,
    directionId: null,
    directionCode: null,
    establishedBy: '',
    establishedOn: null,
    archivedAt: null,
    memberCount: 3,
    myRole: null,
    canManage: true,
  },
  agenda: [
    {
      id: 'ai-2',
      meetingId: 'mt-3',
      position: 2,
      title: { az: 'Müxtəlif məsələlər' },
      description: '',
      presenterOrgId: null,
      presenterOrgCode: null,
      links: [],
      requests: [],
    },
    {
      id: 'ai-1',
      meetingId: 'mt-3',
      position: 1,
      title: {
        az: 'Zəifliklərin idarə edilməsi',
        en: 'Vulnerability management',
        ru: 'Управление уязвимостями',
      },
      description: `Məsələnin təsviri: ${AZ_LETTERS}.\n\nВторой абзац: ${ORG_RU}.`,
      presenterOrgId: 'org-rin',
      presenterOrgCode: 'RİNN',
      links: [
        { kind: 'measure', targetId: 'ms-1', label: '5.1.1.1', measureId: 'ms-1' },
        { kind: 'document', targetId: 'f-1', label: 'qaydalar-layihə.docx', measureId: null },
      ],
      requests: [
        {
          id: 'rq-1',
          itemId: 'ai-1',
          orgId: 'org-rin',
          orgCode: 'RİNN',
          orgName: { az: ORG_AZ, ru: ORG_RU },
          dueOn: '2024-03-08',
          state: 'submitted',
          text: 'Hazırdır',
          fileId: null,
          filename: null,
          submittedAt: '2024-03-07T21:30:00.000Z',
          submittedBy: 'u-1',
          canSubmit: false,
        },
        {
          id: 'rq-2',
          itemId: 'ai-1',
          orgId: 'org-dtx',
          orgCode: 'DTX',
          orgName: { az: 'Dövlət Təhlükəsizliyi Xidməti' },
          dueOn: '2024-03-08',
          state: 'requested',
          text: null,
          fileId: null,
          filename: null,
          submittedAt: null,
          submittedBy: null,
          canSubmit: false,
        },
      ],
    },
  ],
  attendance: [
    {
      memberId: 'mb-1',
      userId: 'u-1',
      name: 'Əli Hüseynov',
      orgId: 'org-rin',
      orgCode: 'RİNN',
      role: 'chair',
      status: 'present',
    },
    {
      memberId: 'mb-2',
      userId: 'u-2',
      name: 'Сергей Иванов',
      orgId: 'org-dtx',
      orgCode: 'DTX',
      role: 'member',
      status: 'absent',
    },
    {
      memberId: 'mb-3',
      userId: null,
      name: 'Nigar Məmmədova',
      orgId: 'org-x',
      orgCode: 'MN',
      role: 'secretary',
      status: 'excused',
    },
    { memberId: null, userId: null, name: GUEST, orgId: null, orgCode: null, role: null, status: 'present' },
  ],
  minutes: {
    state: 'draft',
    text: 'Birinci abzas: iclas açıldı.\nSədr çıxış etdi.\n\n  \n\nİkinci abzas: müzakirə başa çatdı.',
    updatedAt: '2024-03-12T09:00:00.000Z',
    updatedBy: 'u-1',
    ...over.minutes,
  },
  documents: [
    {
      id: 'md-1',
      fileId: 'f-2',
      title: 'Təqdimat',
      filename: 'teqdimat.pdf',
      size: 120_000,
      createdAt: '2024-03-12T08:00:00.000Z',
    },
  ],
  decisions: [decision],
  minutesToApprove: [],
})

const approved = () =>
  detail({
    minutes: { state: 'approved' },
    meeting: {
      minutesState: 'approved',
      minutesApprovedAt: '2024-04-15T07:00:00.000Z',
      minutesApprovedIn: { id: 'mt-4', number: '4' },
    },
  })

// ---- reading the rendered files back (as platform/documents/documents.test.ts does) ----

const dir = mkdtempSync(join(tmpdir(), 'qalxan-coord-docs-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
let n = 0
/** The PDF's text in drawing order (`-raw`), whitespace runs as one space since lines wrap. */
const pdfText = (pdf: Buffer) => {
  const file = join(dir, `${++n}.pdf`)
  writeFileSync(file, pdf)
  const r = spawnSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
  if (r.error)
    throw new Error(
      'pdftotext is not installed; these tests read the PDFs with it: apt-get install -y poppler-utils',
    )
  if (r.status !== 0) throw new Error(`pdftotext failed: ${r.stderr}`)
  return r.stdout.replace(/\s+/g, ' ').trim()
}
/** The visible text of word/document.xml, runs joined, so a phrase split over runs still matches. */
const docxText = (docx: Buffer) => {
  const part = unzipSync(new Uint8Array(docx))['word/document.xml']
  if (!part) throw new Error('word/document.xml is missing from the DOCX')
  return strFromU8(part)
    .replace(/<w:br\/>|<\/w:p>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
}
const both = async (model: DocModel) => ({
  pdf: pdfText(await renderPdf(model)),
  docx: docxText(await renderDocx(model)),
})

const EXPECT = {
  az: {
    agenda: 'Gündəlik',
    minutes: 'Protokol',
    when: '12.03.2024 10:00–12:30',
    body: BODY_NAME_AZ,
    decision: DECISION_AZ,
    org: ORG_AZ,
    draft: 'LAYİHƏ',
    approved: 'Protokol 4 saylı iclasda 15.04.2024 tarixində təsdiq edilib',
    counts: 'İştirak edib: 2, iştirak etməyib: 1, üzrlü səbəbdən iştirak etməyib: 1',
    due: '30.06.2024',
    sent: 'Göndərilib: 08.03.2024',
    notSent: 'Göndərilməyib',
    link: 'Tədbir: 5.1.1.1',
  },
  en: {
    agenda: 'Agenda',
    minutes: 'Minutes',
    when: '12 March 2024, 10:00–12:30',
    body: 'Network security working group',
    // no English text: the decision falls back to Azerbaijani
    decision: DECISION_AZ,
    org: ORG_AZ,
    draft: 'DRAFT',
    approved: 'Approved at meeting 4 on 15 April 2024',
    counts: 'Present: 2, absent: 1, excused: 1',
    due: '30 June 2024',
    sent: 'Sent on 8 March 2024',
    notSent: 'Not sent',
    link: 'Measure: 5.1.1.1',
  },
  ru: {
    agenda: 'Повестка дня',
    minutes: 'Протокол',
    when: '12.03.2024 10:00–12:30',
    body: BODY_NAME_RU,
    decision: DECISION_RU,
    org: ORG_RU,
    draft: 'ПРОЕКТ',
    approved: 'Утверждён на заседании № 4 15.04.2024',
    counts: 'Присутствовали: 2, отсутствовали: 1, отсутствовали по уважительной причине: 1',
    due: '30.06.2024',
    sent: 'Представлено 08.03.2024',
    notSent: 'Не представлено',
    link: 'Мера: 5.1.1.1',
  },
} satisfies Record<DocLang, Record<string, string>>

describe.each(['az', 'en', 'ru'] as const)('the %s documents', (lang) => {
  const x = EXPECT[lang]

  it('the agenda names the body, the meeting, the Baku time, the items in order with their links and requested reports', async () => {
    const model = agendaDocument(detail(), lang, { generatedOn: '2024-03-01' })
    expect(model.title).toBe(x.agenda)
    expect(model.footer).toBe('Qalxan · WG-5 · 3')
    for (const text of Object.values(await both(model))) {
      expect(text).toContain(x.agenda)
      expect(text).toContain(x.body)
      expect(text).toContain(x.when)
      expect(text).toContain('https://meet.example.az/wg5-3')
      expect(text).toContain('Bakı, Ü. Hacıbəyli küç. 40, 3-cü mərtəbə')
      // Azerbaijani letters in both cases and Cyrillic survive the font and the text layer.
      expect(text).toContain(AZ_LETTERS)
      expect(text).toContain(`Второй абзац: ${ORG_RU}`)
      expect(text).toContain(x.link)
      expect(text).toContain('qaydalar-layihə.docx')
      expect(text).toContain(x.sent)
      expect(text).toContain(x.notSent)
      expect(text).toContain(`RİNN — ${x.org}`)
      // Item 1 is the one at position 1, though it comes second in the list.
      const first = text.indexOf(
        `1. ${lang === 'az' ? 'Zəifliklərin idarə edilməsi' : lang === 'en' ? 'Vulnerability management' : 'Управление уязвимостями'}`,
      )
      const second = text.indexOf('2. Müxtəlif məsələlər')
      expect(first).toBeGreaterThan(-1)
      expect(second).toBeGreaterThan(first)
    }
  })

  it('draft minutes say so at the top and on every page, and hold attendance, the text, decisions, assignments and documents', async () => {
    const model = minutesDocument(detail(), lang, { generatedOn: '2024-03-13' })
    expect(model.title).toBe(x.minutes)
    expect(model.footer).toMatch(/^Qalxan · WG-5 · 3 · /)
    expect(model.blocks[0]).toMatchObject({ kind: 'paragraph' })
    expect((model.blocks[0] as { text: string }).text.startsWith(x.draft)).toBe(true)
    const { pdf, docx } = await both(model)
    for (const text of [pdf, docx]) {
      expect(text).toContain(x.minutes)
      expect(text).toContain(x.draft)
      expect(text).toContain(x.counts)
      expect(text).toContain(GUEST)
      expect(text).toContain('Сергей Иванов')
      expect(text).toContain(x.decision)
      expect(text).toContain(x.org)
      expect(text).toContain(x.due)
      // The English name where there is one, the Azerbaijani one otherwise.
      expect(text).toContain(
        `DTX — ${lang === 'en' ? 'State Security Service' : 'Dövlət Təhlükəsizliyi Xidməti'}`,
      )
      expect(text).toContain('Təqdimat (teqdimat.pdf)')
      expect(text).toContain('Birinci abzas: iclas açıldı.')
      expect(text).toContain('İkinci abzas: müzakirə başa çatdı.')
    }
    // The PDF pages carry the footer with the draft mark.
    expect(pdf).toMatch(new RegExp(`Qalxan · WG-5 · 3 · ${model.footer?.split(' · ')[3]} 1 / \\d`))
  })

  it('approved minutes name the meeting and date of their approval, and carry no draft mark', async () => {
    const model = minutesDocument(approved(), lang, { generatedOn: '2024-04-16' })
    expect(model.footer).toBe('Qalxan · WG-5 · 3')
    const { pdf, docx } = await both(model)
    for (const text of [pdf, docx]) {
      expect(text).toContain(x.approved)
      expect(text).not.toContain(x.draft)
    }
  })
})

describe('meeting documents', () => {
  it('split the minutes into paragraphs on blank lines and keep single line breaks inside one', () => {
    const model = minutesDocument(detail(), 'az', { generatedOn: '2024-03-13' })
    const texts = model.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []))
    expect(texts).toContain('Birinci abzas: iclas açıldı.\nSədr çıxış etdi.')
    expect(texts).toContain('İkinci abzas: müzakirə başa çatdı.')
    // The decision text has two paragraphs as well; the blank-only paragraph in the minutes is gone.
    expect(texts).toContain('İkinci bənd: hesabat rüblük təqdim edilsin.')
    expect(texts).not.toContain('')
  })

  it('link a decision to its agenda item by position and mark overdue assignments', () => {
    const model = minutesDocument(detail(), 'en', { generatedOn: '2024-03-13' })
    const texts = model.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []))
    expect(texts).toContain('On agenda item 1: Vulnerability management')
    const table = model.blocks.find((b) => b.kind === 'table' && b.caption === 'Assignments')
    expect(table).toMatchObject({
      rows: [
        [
          'RİNN — Rəqəmsal İnkişaf və Nəqliyyat Nazirliyi',
          'Əli Hüseynov',
          expect.any(String),
          '30 June 2024',
          'Open',
        ],
        ['DTX — State Security Service', '—', '—', '30 June 2024', 'Reported (overdue)'],
      ],
    })
  })

  it('write a cancelled meeting as cancelled, with its reason, and empty parts as such', () => {
    const d = detail({
      meeting: { state: 'cancelled', cancelReason: 'Sədr ezamiyyətdədir', location: '', onlineUrl: null },
    })
    d.agenda = []
    d.attendance = []
    d.decisions = []
    d.minutes = { state: 'none', text: '', updatedAt: null, updatedBy: null }
    const agenda = agendaDocument(d, 'ru', { generatedOn: '2024-03-01' })
    const agendaText = JSON.stringify(agenda)
    expect(agendaText).toContain('Заседание отменено. Причина: Sədr ezamiyyətdədir')
    expect(agendaText).toContain('В повестку дня ещё не включено ни одного вопроса.')
    expect(agenda.meta?.map(([k]) => k)).toEqual(['Орган', 'Заседание', 'Дата и время', 'Дата подготовки'])
    const minutes = JSON.stringify(minutesDocument(d, 'az', { generatedOn: '2024-03-01' }))
    expect(minutes).toContain('LAYİHƏ')
    expect(minutes).toContain('İştirak qeyd edilməyib.')
    expect(minutes).toContain('Protokolun mətni hələ yazılmayıb.')
    expect(minutes).toContain('Qərar qəbul edilməyib.')
  })

  it('write times in Baku time, whatever the offset they were given in', () => {
    expect(bakuDateTime('2024-03-12T06:00:00Z', 'az')).toBe('12.03.2024 10:00')
    expect(bakuDateTime('2024-03-12T09:00:00+03:00', 'ru')).toBe('12.03.2024 10:00')
    expect(bakuDateTime('2024-03-12T06:00:00Z', 'en')).toBe('12 March 2024, 10:00')
    // 21:30 UTC is already the next day in Baku
    expect(bakuDate('2024-03-07T21:30:00Z', 'az')).toBe('08.03.2024')
    // a calendar date is that day, not shifted
    expect(bakuDate('2024-03-08', 'en')).toBe('8 March 2024')
    expect(bakuSpan('2024-03-12T18:00:00Z', '2024-03-12T21:00:00Z', 'az')).toBe(
      '12.03.2024 22:00 – 13.03.2024 01:00',
    )
  })
})
