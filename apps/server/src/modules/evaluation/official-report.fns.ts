import type { Completion, Locale, Rag, RollupNode, Timeliness } from '@qalxan/contracts'
import type { DocBlock, DocModel } from '../../platform/documents/index.ts'

type I18n = { az: string; en?: string; ru?: string }
const tr = (t: I18n, l: Locale) => (l === 'az' ? t.az : (t[l] ?? t.az)) || t.az

/** The labels of the official reports in the three languages. */
const L = {
  annualTitle: {
    az: 'Strategiyanın icrası barədə Azərbaycan Respublikasının Prezidentinə illik məruzə',
    en: 'Annual report to the President of the Republic of Azerbaijan on the implementation of the Strategy',
    ru: 'Ежегодный доклад Президенту Азербайджанской Республики о реализации Стратегии',
  },
  halfTitle: {
    az: 'Strategiyanın icrası barədə işçi qrupa yarımillik hesabat',
    en: 'Half-year report to the working group on the implementation of the Strategy',
    ru: 'Полугодовой отчёт рабочей группе о реализации Стратегии',
  },
  preparedBy: { az: 'Hazırlayan', en: 'Prepared by', ru: 'Подготовил' },
  commission: {
    az: 'İnformasiya Təhlükəsizliyi üzrə Koordinasiya Komissiyası',
    en: 'Coordination Commission on Information Security',
    ru: 'Координационная комиссия по информационной безопасности',
  },
  preparedOn: { az: 'Hazırlanma tarixi', en: 'Prepared on', ru: 'Дата подготовки' },
  period: { az: 'Hesabat dövrü', en: 'Reporting period', ru: 'Отчётный период' },
  act: { az: 'Təsdiq edən akt', en: 'Approving act', ru: 'Утверждающий акт' },
  baseline: { az: 'Planın baza versiyası', en: 'Plan baseline', ru: 'Базовая версия плана' },
  summary: { az: 'Ümumi vəziyyət', en: 'Overall progress', ru: 'Общее положение' },
  directions: {
    az: 'Prioritet istiqamətlər üzrə icra',
    en: 'Implementation by priority direction',
    ru: 'Исполнение по приоритетным направлениям',
  },
  indicators: {
    az: 'Strategiyanın hədəf göstəriciləri',
    en: 'Strategy target indicators',
    ru: 'Целевые показатели Стратегии',
  },
  delays: {
    az: 'Gecikmələr və onların səbəbləri',
    en: 'Delays and their reasons',
    ru: 'Задержки и их причины',
  },
  proposals: { az: 'Təkliflər', en: 'Proposals', ru: 'Предложения' },
  code: { az: 'Kod', en: 'Code', ru: 'Код' },
  measure: { az: 'Tədbir', en: 'Measure', ru: 'Мера' },
  lead: { az: 'Əsas icraçı', en: 'Lead executor', ru: 'Основной исполнитель' },
  deadline: { az: 'İcra müddəti', en: 'Deadline', ru: 'Срок' },
  reported: { az: 'Bildirilən icra', en: 'Reported', ru: 'Заявленное исполнение' },
  assessed: { az: 'Qiymətləndirmə', en: 'Assessment', ru: 'Оценка' },
  timeliness: { az: 'Vaxtında icra', en: 'Timeliness', ru: 'Своевременность' },
  status: { az: 'Vəziyyət', en: 'Status', ru: 'Статус' },
  indicator: { az: 'Göstərici', en: 'Indicator', ru: 'Показатель' },
  unit: { az: 'Vahid', en: 'Unit', ru: 'Ед.' },
  baseValue: { az: 'Baza', en: 'Baseline', ru: 'Базовое' },
  target: { az: 'Hədəf', en: 'Target', ru: 'Цель' },
  actual: { az: 'Faktiki', en: 'Actual', ru: 'Факт' },
  reason: { az: 'Səbəb', en: 'Reason', ru: 'Причина' },
  noneDelayed: { az: 'Gecikən tədbir yoxdur.', en: 'No measure is delayed.', ru: 'Задержек нет.' },
  noneProposed: {
    az: 'İcraçılar təklif bildirməyib.',
    en: 'The executors made no proposals.',
    ru: 'Исполнители предложений не представили.',
  },
  noReason: { az: 'Səbəb bildirilməyib', en: 'No reason given', ru: 'Причина не указана' },
  workDone: { az: 'Görülmüş işlər', en: 'Work done', ru: 'Выполненная работа' },
  notReported: { az: 'hesabat təqdim edilməyib', en: 'not reported', ru: 'отчёт не представлен' },
  classification: {
    public: { az: 'Açıq', en: 'Public', ru: 'Открыто' },
    internal: { az: 'Xidməti istifadə üçün', en: 'Internal', ru: 'Для служебного пользования' },
    restricted: { az: 'Məhdud istifadə üçün', en: 'Restricted', ru: 'Ограниченного доступа' },
  },
  overallLine: {
    az: '{n} tədbirdən {e} qiymətləndirilib; çəkili icra göstəricisi {s}, vəziyyət: {r}. Gecikən tədbirlər: {o}, risk altında: {k}.',
    en: '{e} of {n} measures evaluated; weighted completion {s}, status: {r}. Overdue measures: {o}, at risk: {k}.',
    ru: 'Оценено {e} из {n} мер; взвешенное исполнение {s}, статус: {r}. Просрочено мер: {o}, под угрозой: {k}.',
  },
} as const

const RAG: Record<Rag, I18n> = {
  green: { az: 'yaşıl (plana uyğun)', en: 'green (on course)', ru: 'зелёный (по плану)' },
  amber: { az: 'sarı (diqqət tələb edir)', en: 'amber (needs attention)', ru: 'жёлтый (требует внимания)' },
  red: { az: 'qırmızı (ciddi gecikmə)', en: 'red (seriously behind)', ru: 'красный (серьёзное отставание)' },
  none: { az: 'qiymətləndirilməyib', en: 'not evaluated', ru: 'не оценено' },
}
export const COMPLETION_LABEL: Record<Completion | 'none', I18n> = {
  no_evidence: { az: 'Sübut yoxdur', en: 'No evidence', ru: 'Нет подтверждений' },
  not_started: { az: 'Başlanmayıb', en: 'Not started', ru: 'Не начато' },
  limited: { az: 'Məhdud', en: 'Limited', ru: 'Ограниченное' },
  substantial: { az: 'Əhəmiyyətli', en: 'Substantial', ru: 'Существенное' },
  complete: { az: 'Tam icra edilib', en: 'Complete', ru: 'Выполнено' },
  not_due: { az: 'Vaxtı çatmayıb', en: 'Not due', ru: 'Срок не наступил' },
  none: { az: 'Qiymətləndirilməyib', en: 'Not evaluated', ru: 'Не оценено' },
}
export const TIMELINESS_LABEL: Record<Timeliness, I18n> = {
  not_due: { az: 'Vaxtı çatmayıb', en: 'Not due', ru: 'Срок не наступил' },
  on_track: { az: 'Plana uyğun', en: 'On track', ru: 'По плану' },
  at_risk: { az: 'Risk altında', en: 'At risk', ru: 'Под угрозой' },
  overdue: { az: 'Gecikir', en: 'Overdue', ru: 'Просрочено' },
  completed: { az: 'Vaxtında icra edilib', en: 'Completed', ru: 'Выполнено в срок' },
  completed_late: { az: 'Gecikmə ilə icra edilib', en: 'Completed late', ru: 'Выполнено с опозданием' },
}

export type ReportMeasure = {
  code: string
  title: I18n
  directionId: string
  leads: string[]
  deadline: string
  completion: Completion | null
  timeliness: Timeliness
  reportedStatus: string | null
  progress: number | null
  workDone: string
  problems: string
  nextSteps: string
  reported: boolean
}
export type ReportInput = {
  kind: 'annual' | 'half_year'
  lang: Locale
  strategy: { title: I18n; actType: string; actNumber: string; actDate: string; baselineVersion: number }
  periodLabel: string
  preparedOn: string
  classification: 'public' | 'internal' | 'restricted'
  overall: RollupNode
  directions: (RollupNode & { title: I18n })[]
  measures: ReportMeasure[]
  indicators: {
    code: string
    name: I18n
    unit: string
    baseline: number | null
    target: { year: number; value: number } | null
    actual: number | null
  }[]
}

const pct = (s: number | null) => (s === null ? '—' : `${Math.round(s * 100)}%`)
const fill = (t: string, v: Record<string, string | number>) =>
  t.replace(/\{(\w)\}/g, (_, k: string) => String(v[k] ?? ''))

/**
 * The annual report to the President and the half-year working-group report as one document
 * model: narrative per direction, status tables, indicator tables, delays with reasons, proposals.
 */
export const officialReport = (r: ReportInput): DocModel => {
  const l = r.lang
  const t = (x: I18n) => tr(x, l)
  const blocks: DocBlock[] = []
  const summaryLine = (n: RollupNode) =>
    fill(t(L.overallLine), {
      n: n.measures,
      e: n.evaluated,
      s: pct(n.score),
      r: t(RAG[n.rag]),
      o: n.overdue,
      k: n.atRisk,
    })

  blocks.push({ kind: 'heading', level: 1, text: t(L.summary) })
  blocks.push({ kind: 'paragraph', text: summaryLine(r.overall) })
  blocks.push({
    kind: 'table',
    columns: [
      { title: t(L.directions), width: 4 },
      { title: t(L.assessed), width: 1, align: 'right' },
      { title: t(L.status), width: 2 },
    ],
    rows: r.directions.map((d) => [`${d.code}. ${t(d.title)}`, pct(d.score), t(RAG[d.rag])]),
  })

  blocks.push({ kind: 'heading', level: 1, text: t(L.directions) })
  for (const d of r.directions) {
    const ms = r.measures.filter((m) => m.directionId === d.id)
    blocks.push({ kind: 'heading', level: 2, text: `${d.code}. ${t(d.title)}` })
    blocks.push({ kind: 'paragraph', text: summaryLine(d) })
    if (ms.length === 0) continue
    blocks.push({
      kind: 'table',
      columns: [
        { title: t(L.code), width: 0.8 },
        { title: t(L.measure), width: 3.5 },
        { title: t(L.lead), width: 1.1 },
        { title: t(L.deadline), width: 1.5 },
        { title: t(L.reported), width: 1.2, align: 'right' },
        { title: t(L.assessed), width: 1.5 },
        { title: t(L.timeliness), width: 1.5 },
      ],
      rows: ms.map((m) => [
        m.code,
        t(m.title),
        m.leads.join(', '),
        m.deadline,
        m.reported && m.progress !== null ? `${m.progress}%` : t(L.notReported),
        t(COMPLETION_LABEL[m.completion ?? 'none']),
        t(TIMELINESS_LABEL[m.timeliness]),
      ]),
    })
    const done = ms.filter((m) => m.workDone.trim())
    if (done.length) {
      blocks.push({ kind: 'heading', level: 3, text: t(L.workDone) })
      blocks.push({ kind: 'bullets', items: done.map((m) => `${m.code}: ${m.workDone.trim()}`) })
    }
  }

  blocks.push({ kind: 'heading', level: 1, text: t(L.indicators) })
  blocks.push({
    kind: 'table',
    columns: [
      { title: t(L.code), width: 0.8 },
      { title: t(L.indicator), width: 4 },
      { title: t(L.unit), width: 0.8 },
      { title: t(L.baseValue), width: 1, align: 'right' },
      { title: t(L.target), width: 1.3, align: 'right' },
      { title: t(L.actual), width: 1, align: 'right' },
    ],
    rows: r.indicators.map((i) => [
      i.code,
      t(i.name),
      i.unit,
      i.baseline === null ? '—' : String(i.baseline),
      i.target ? `${i.target.value} (${i.target.year})` : '—',
      i.actual === null ? '—' : String(i.actual),
    ]),
  })

  blocks.push({ kind: 'heading', level: 1, text: t(L.delays) })
  const late = r.measures.filter(
    (m) => m.timeliness === 'overdue' || m.timeliness === 'at_risk' || m.timeliness === 'completed_late',
  )
  if (late.length === 0) blocks.push({ kind: 'paragraph', text: t(L.noneDelayed) })
  else
    blocks.push({
      kind: 'table',
      columns: [
        { title: t(L.code), width: 0.8 },
        { title: t(L.measure), width: 3 },
        { title: t(L.timeliness), width: 1.3 },
        { title: t(L.reason), width: 3 },
      ],
      rows: late.map((m) => [
        m.code,
        t(m.title),
        t(TIMELINESS_LABEL[m.timeliness]),
        m.problems.trim() || (m.reported ? t(L.noReason) : t(L.notReported)),
      ]),
    })

  blocks.push({ kind: 'heading', level: 1, text: t(L.proposals) })
  const next = r.measures.filter((m) => m.nextSteps.trim())
  if (next.length === 0) blocks.push({ kind: 'paragraph', text: t(L.noneProposed) })
  else blocks.push({ kind: 'bullets', items: next.map((m) => `${m.code}: ${m.nextSteps.trim()}`) })

  return {
    lang: l,
    title: t(r.kind === 'annual' ? L.annualTitle : L.halfTitle),
    subtitle: t(r.strategy.title),
    meta: [
      [t(L.period), r.periodLabel],
      [t(L.act), `${r.strategy.actType} № ${r.strategy.actNumber}, ${r.strategy.actDate}`],
      [t(L.baseline), `v${r.strategy.baselineVersion}`],
      [t(L.preparedBy), t(L.commission)],
      [t(L.preparedOn), r.preparedOn],
    ],
    footer: t(L.classification[r.classification]),
    blocks,
  }
}
