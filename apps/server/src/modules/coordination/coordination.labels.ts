import type {
  AgendaLinkKind,
  AssignmentState,
  AttendanceStatus,
  BodyKind,
  MeetingState,
  MemberRole,
} from '@qalxan/contracts'

/** A text in the three portal languages; Azerbaijani is the fallback. */
export type I18n = { az: string; en?: string; ru?: string }
export type Lang = 'az' | 'en' | 'ru'

/** The text in `lang`, Azerbaijani when that language is missing or empty. */
export const tr = (t: I18n, lang: Lang): string => (lang === 'az' ? t.az : t[lang]?.trim() || t.az)

/** Fills {0}, {1}… (the same placeholders the server's message catalogue uses). */
export const fill = (template: string, ...values: (string | number)[]) =>
  template.replace(/\{(\d)\}/g, (_, n: string) => String(values[Number(n)] ?? ''))

export const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const

/** Labels of the agenda, the minutes, the execution workbook and the invitation e-mail. */
export const COORD_LABELS = {
  agendaTitle: { az: 'Gündəlik', en: 'Agenda', ru: 'Повестка дня' },
  minutesTitle: { az: 'Protokol', en: 'Minutes', ru: 'Протокол' },
  meeting: { az: 'İclas', en: 'Meeting', ru: 'Заседание' },
  meetingNo: { az: '{0} saylı iclas', en: 'Meeting No. {0}', ru: 'Заседание № {0}' },
  body: { az: 'Orqan', en: 'Body', ru: 'Орган' },
  dateTime: { az: 'Tarix və vaxt', en: 'Date and time', ru: 'Дата и время' },
  bakuTime: { az: 'Bakı vaxtı', en: 'Baku time', ru: 'бакинское время' },
  place: { az: 'Yer', en: 'Place', ru: 'Место' },
  online: { az: 'Onlayn qoşulma', en: 'Online link', ru: 'Ссылка для подключения' },
  preparedOn: { az: 'Hazırlanma tarixi', en: 'Prepared on', ru: 'Дата подготовки' },
  state: { az: 'Vəziyyət', en: 'State', ru: 'Состояние' },
  cancelled: {
    az: 'İclas ləğv edilib. Səbəb: {0}',
    en: 'The meeting is cancelled. Reason: {0}',
    ru: 'Заседание отменено. Причина: {0}',
  },
  items: { az: 'Gündəlik məsələləri', en: 'Agenda items', ru: 'Вопросы повестки дня' },
  noItems: {
    az: 'Gündəliyə hələ məsələ daxil edilməyib.',
    en: 'No items are on the agenda yet.',
    ru: 'В повестку дня ещё не включено ни одного вопроса.',
  },
  presenter: { az: 'Məruzəçi təşkilat', en: 'Presented by', ru: 'Докладывает' },
  links: { az: 'Əlaqəli materiallar', en: 'Linked items', ru: 'Связанные материалы' },
  requests: {
    az: 'Tələb olunan qısa məlumatlar',
    en: 'Short reports requested',
    ru: 'Запрошенные краткие справки',
  },
  organisation: { az: 'Təşkilat', en: 'Organisation', ru: 'Организация' },
  dueOn: { az: 'Son tarix', en: 'Due date', ru: 'Срок' },
  sent: { az: 'Göndərilib', en: 'Sent', ru: 'Представлено' },
  sentOn: { az: 'Göndərilib: {0}', en: 'Sent on {0}', ru: 'Представлено {0}' },
  notSent: { az: 'Göndərilməyib', en: 'Not sent', ru: 'Не представлено' },
  draft: { az: 'Layihə', en: 'Draft', ru: 'Проект' },
  draftLine: {
    az: 'LAYİHƏ — protokol hələ təsdiq edilməyib',
    en: 'DRAFT — these minutes are not yet approved',
    ru: 'ПРОЕКТ — протокол ещё не утверждён',
  },
  approvedLine: {
    az: 'Protokol {0} saylı iclasda {1} tarixində təsdiq edilib',
    en: 'Approved at meeting {0} on {1}',
    ru: 'Утверждён на заседании № {0} {1}',
  },
  approvedNoMeeting: {
    az: 'Protokol {0} tarixində təsdiq edilib',
    en: 'Approved on {0}',
    ru: 'Утверждён {0}',
  },
  attendance: { az: 'İştirak', en: 'Attendance', ru: 'Присутствие' },
  noAttendance: {
    az: 'İştirak qeyd edilməyib.',
    en: 'Attendance has not been recorded.',
    ru: 'Присутствие не отмечено.',
  },
  name: { az: 'Ad, soyad', en: 'Name', ru: 'Ф. И. О.' },
  role: { az: 'Rolu', en: 'Role', ru: 'Роль' },
  status: { az: 'İştirak', en: 'Status', ru: 'Статус' },
  guest: { az: 'Qonaq', en: 'Guest', ru: 'Гость' },
  attendanceCounts: {
    az: 'İştirak edib: {0}, iştirak etməyib: {1}, üzrlü səbəbdən iştirak etməyib: {2}',
    en: 'Present: {0}, absent: {1}, excused: {2}',
    ru: 'Присутствовали: {0}, отсутствовали: {1}, отсутствовали по уважительной причине: {2}',
  },
  agendaOfMeeting: { az: 'Gündəlik', en: 'Agenda', ru: 'Повестка дня' },
  minutesText: { az: 'İclasın gedişi', en: 'Proceedings', ru: 'Ход заседания' },
  noMinutesText: {
    az: 'Protokolun mətni hələ yazılmayıb.',
    en: 'The text of the minutes has not been written yet.',
    ru: 'Текст протокола ещё не написан.',
  },
  decisions: { az: 'Qərarlar', en: 'Decisions', ru: 'Решения' },
  noDecisions: { az: 'Qərar qəbul edilməyib.', en: 'No decisions were recorded.', ru: 'Решения не приняты.' },
  decisionNo: { az: 'Qərar № {0}', en: 'Decision No. {0}', ru: 'Решение № {0}' },
  onItem: {
    az: 'Gündəlik məsələsi № {0} üzrə: {1}',
    en: 'On agenda item {0}: {1}',
    ru: 'По вопросу № {0} повестки дня: {1}',
  },
  assignments: { az: 'Tapşırıqlar', en: 'Assignments', ru: 'Поручения' },
  responsible: { az: 'Məsul şəxs', en: 'Responsible', ru: 'Ответственный' },
  task: { az: 'Tapşırıq', en: 'Task', ru: 'Поручение' },
  overdueMark: { az: 'gecikir', en: 'overdue', ru: 'просрочено' },
  documents: { az: 'Sənədlər', en: 'Documents', ru: 'Документы' },
  // the execution workbook
  sheetAssignments: { az: 'Tapşırıqlar', en: 'Assignments', ru: 'Поручения' },
  sheetSummary: { az: 'Xülasə', en: 'Summary', ru: 'Сводка' },
  decision: { az: 'Qərar', en: 'Decision', ru: 'Решение' },
  measure: { az: 'Əlaqəli tədbir', en: 'Linked measure', ru: 'Связанная мера' },
  overdue: { az: 'Gecikir', en: 'Overdue', ru: 'Просрочено' },
  completedOn: { az: 'İcra tarixi', en: 'Completed on', ru: 'Дата исполнения' },
  lastReport: { az: 'Son hesabat', en: 'Last report', ru: 'Последний отчёт' },
  lastReportAt: { az: 'Son hesabatın tarixi', en: 'Last report on', ru: 'Дата последнего отчёта' },
  yes: { az: 'bəli', en: 'yes', ru: 'да' },
  no: { az: 'xeyr', en: 'no', ru: 'нет' },
  asOf: { az: 'Vəziyyət tarixi', en: 'As of', ru: 'По состоянию на' },
  filter: { az: 'Seçim', en: 'Filter', ru: 'Отбор' },
  code: { az: 'Kod', en: 'Code', ru: 'Код' },
  total: { az: 'Cəmi', en: 'Total', ru: 'Всего' },
  byBody: { az: 'Orqanlar üzrə', en: 'By body', ru: 'По органам' },
  byOrg: { az: 'Təşkilatlar üzrə', en: 'By organisation', ru: 'По организациям' },
  // the invitation
  invitationSubject: { az: 'İclasa dəvət: {0}', en: 'Invitation: {0}', ru: 'Приглашение на заседание: {0}' },
  cancelSubject: { az: 'İclas ləğv edilib: {0}', en: 'Cancelled: {0}', ru: 'Заседание отменено: {0}' },
  invitationIntro: {
    az: 'Sizi iclasa dəvət edirik.',
    en: 'You are invited to a meeting.',
    ru: 'Приглашаем вас на заседание.',
  },
  cancelIntro: {
    az: 'Aşağıdakı iclas ləğv edilib.',
    en: 'The meeting below is cancelled.',
    ru: 'Заседание, указанное ниже, отменено.',
  },
  what: { az: 'Mövzu', en: 'What', ru: 'Тема' },
  when: { az: 'Vaxt', en: 'When', ru: 'Время' },
  where: { az: 'Yer', en: 'Where', ru: 'Место' },
  reason: { az: 'Səbəb', en: 'Reason', ru: 'Причина' },
  meetingPage: {
    az: 'İclasın portaldakı səhifəsi',
    en: 'The meeting in the portal',
    ru: 'Заседание на портале',
  },
  notYetSet: { az: 'hələ müəyyən edilməyib', en: 'not yet set', ru: 'ещё не определено' },
} as const satisfies Record<string, Required<I18n>>

export const BODY_KIND_LABEL: Record<BodyKind, Required<I18n>> = {
  commission: { az: 'Komissiya', en: 'Commission', ru: 'Комиссия' },
  working_group: { az: 'İşçi qrup', en: 'Working group', ru: 'Рабочая группа' },
  subgroup: { az: 'İşçi alt qrup', en: 'Sub-group', ru: 'Подгруппа' },
}

export const MEETING_STATE_LABEL: Record<MeetingState, Required<I18n>> = {
  scheduled: { az: 'Planlaşdırılıb', en: 'Scheduled', ru: 'Запланировано' },
  held: { az: 'Keçirilib', en: 'Held', ru: 'Проведено' },
  cancelled: { az: 'Ləğv edilib', en: 'Cancelled', ru: 'Отменено' },
}

export const MEMBER_ROLE_LABEL: Record<MemberRole, Required<I18n>> = {
  chair: { az: 'Sədr', en: 'Chair', ru: 'Председатель' },
  deputy_chair: { az: 'Sədr müavini', en: 'Deputy chair', ru: 'Заместитель председателя' },
  secretary: { az: 'Katib', en: 'Secretary', ru: 'Секретарь' },
  member: { az: 'Üzv', en: 'Member', ru: 'Член' },
}

export const ATTENDANCE_STATUS_LABEL: Record<AttendanceStatus, Required<I18n>> = {
  present: { az: 'İştirak edib', en: 'Present', ru: 'Присутствовал' },
  absent: { az: 'İştirak etməyib', en: 'Absent', ru: 'Отсутствовал' },
  excused: { az: 'Üzrlü səbəbdən yoxdur', en: 'Excused', ru: 'Отсутствовал по уважительной причине' },
}

export const ASSIGNMENT_STATE_LABEL: Record<AssignmentState, Required<I18n>> = {
  open: { az: 'İcradadır', en: 'Open', ru: 'На исполнении' },
  reported: { az: 'Hesabat verilib', en: 'Reported', ru: 'Отчёт представлен' },
  done: { az: 'İcra edilib', en: 'Done', ru: 'Исполнено' },
  cancelled: { az: 'Ləğv edilib', en: 'Cancelled', ru: 'Отменено' },
}

export const AGENDA_LINK_LABEL: Record<AgendaLinkKind, Required<I18n>> = {
  measure: { az: 'Tədbir', en: 'Measure', ru: 'Мера' },
  report: { az: 'Tədbir üzrə hesabat', en: 'Measure report', ru: 'Отчёт по мере' },
  evaluation: { az: 'Qiymətləndirmə', en: 'Evaluation', ru: 'Оценка' },
  document: { az: 'Sənəd', en: 'Document', ru: 'Документ' },
}

/**
 * The English messages the coordination module writes for people, as templates whose {0}, {1}…
 * stand for quoted values, with their Azerbaijani and Russian. Code builds a message with
 * `coordinationMessage(key, …)`; COORDINATION_MESSAGES is the list platform/messages.ts merges
 * into its catalogue (as it does PLAN_IMPORT_MESSAGES).
 */
export const COORDINATION_TEMPLATES = {
  badEmail: [
    'The e-mail address "{0}" is not valid',
    '"{0}" e-poçt ünvanı düzgün deyil',
    'Адрес электронной почты «{0}» неверен',
  ],
  badName: [
    'The name given for "{0}" contains a line break or another control character',
    '"{0}" üçün göstərilən ad sətir keçidi və ya başqa idarəedici simvol ehtiva edir',
    'Имя, указанное для «{0}», содержит перевод строки или другой управляющий символ',
  ],
  nameTooLong: [
    'The name given for "{0}" is longer than {1} characters',
    '"{0}" üçün göstərilən ad {1} simvoldan uzundur',
    'Имя, указанное для «{0}», длиннее {1} символов',
  ],
} as const satisfies Record<string, readonly [en: string, az: string, ru: string]>

export const COORDINATION_MESSAGES: [en: string, az: string, ru: string][] = Object.values(
  COORDINATION_TEMPLATES,
).map(([en, az, ru]) => [en, az, ru])

/** The English message of a template with its values filled in. */
export const coordinationMessage = (
  key: keyof typeof COORDINATION_TEMPLATES,
  ...values: (string | number)[]
) => fill(COORDINATION_TEMPLATES[key][0], ...values)
