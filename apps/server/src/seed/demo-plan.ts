import type { Completion, MeasureInput, ReportedStatus } from '@qalxan/contracts'

/**
 * The Information Security and Cyber Security Strategy 2023-2027 as publicly known (Order No. 4060
 * of 28 August 2023; goals 5.1.1-5.1.3; three measures quoted by the press with their executors and
 * "2023-2024" deadlines), filled out with demo measures. Every demo measure carries the tag "demo"
 * and says so in its description: the official Action Plan table is not public.
 */
export const DEMO_STRATEGY = {
  code: 'IS-STRATEGY-2023-2027',
  title: {
    az: 'Azərbaycan Respublikasının 2023-2027-ci illər üçün informasiya təhlükəsizliyi və kibertəhlükəsizlik strategiyası',
    en: 'Information Security and Cyber Security Strategy of the Republic of Azerbaijan for 2023-2027',
    ru: 'Стратегия информационной безопасности и кибербезопасности Азербайджанской Республики на 2023-2027 годы',
  },
  actType: 'Prezidentin Sərəncamı',
  actNumber: '4060',
  actDate: '2023-08-28',
  periodStart: 2023,
  periodEnd: 2027,
}

export const DEMO_DIRECTIONS = [
  {
    code: '1',
    title: {
      az: 'Təhdidlərin müəyyən edilməsi və risklərin idarə edilməsi',
      en: 'Threat identification and risk management',
      ru: 'Выявление угроз и управление рисками',
    },
  },
  {
    code: '2',
    title: {
      az: 'İnsidentlərin aşkarlanması və texniki müdafiə',
      en: 'Incident detection and technical protection',
      ru: 'Обнаружение инцидентов и техническая защита',
    },
  },
  {
    code: '3',
    title: {
      az: 'İnformasiya məkanında təhlükəsizlik səviyyəsinin yüksəldilməsi',
      en: 'Raising the level of security in the information space',
      ru: 'Повышение уровня безопасности в информационном пространстве',
    },
  },
  {
    code: '4',
    title: {
      az: 'Kritik informasiya infrastrukturunun müdafiəsi',
      en: 'Protection of critical information infrastructure',
      ru: 'Защита критической информационной инфраструктуры',
    },
  },
]

export const DEMO_GOALS = [
  {
    code: '5.1.1',
    direction: '1',
    title: {
      az: 'İnformasiya məkanında, xüsusilə kritik informasiya infrastrukturunda təhlükəsizlik risklərinin müəyyən edilməsi',
      en: 'Identifying security risks in the information space, especially in critical information infrastructure',
      ru: 'Выявление рисков безопасности в информационном пространстве, особенно в критической информационной инфраструктуре',
    },
  },
  {
    code: '5.1.3',
    direction: '2',
    title: {
      az: 'İnformasiya təhlükəsizliyi struktur bölmələrinin, "CERT" şəbəkələrinin və onların qarşılıqlı fəaliyyətinin davamlı təkmilləşdirilməsi',
      en: 'Continuous improvement of information-security units, "CERT" networks and their interaction',
      ru: 'Постоянное совершенствование структурных подразделений информационной безопасности, сетей «CERT» и их взаимодействия',
    },
  },
  {
    code: '5.1.2',
    direction: '3',
    title: {
      az: 'İnformasiya təcavüzünə, həqiqətin təhrif edilməsinə və milli dəyərlərin pozulmasına qarşı hazırlığın gücləndirilməsi',
      en: 'Strengthening preparedness against information aggression, distortion of truth and violation of national values',
      ru: 'Усиление готовности к информационной агрессии, искажению истины и нарушению национальных ценностей',
    },
  },
  {
    code: '5.1.4',
    direction: '4',
    title: {
      az: 'Kritik informasiya infrastrukturu obyektlərinin müdafiə səviyyəsinin artırılması (nümunə)',
      en: 'Raising the protection of critical information infrastructure facilities (demo)',
      ru: 'Повышение уровня защиты объектов критической информационной инфраструктуры (демо)',
    },
  },
]

const DEMO_NOTE = {
  az: 'Nümunə məlumat: rəsmi Fəaliyyət Planının cədvəli açıq deyil.',
  en: 'Demo data: the official Action Plan table is not public.',
  ru: 'Демонстрационные данные: таблица официального Плана действий не опубликована.',
}
const demo = (
  m: Omit<
    MeasureInput,
    | 'description'
    | 'frameworkTags'
    | 'weight'
    | 'confidentiality'
    | 'expectedResult'
    | 'coExecutors'
    | 'recommended'
  > &
    Partial<MeasureInput>,
): MeasureInput => ({
  description: DEMO_NOTE,
  expectedResult: { az: '' },
  weight: 1,
  confidentiality: 'public',
  coExecutors: [],
  recommended: [],
  ...m,
  frameworkTags: ['demo', ...(m.frameworkTags ?? [])],
})

export const DEMO_MEASURES: MeasureInput[] = [
  {
    goalCode: '5.1.1',
    code: '8.1.1',
    title: {
      az: 'İnformasiya təhlükəsizliyi risklərinin reyestrinin aparılması qaydasının təsdiq edilməsi',
      en: 'Approval of the procedure for maintaining the register of information-security risks',
      ru: 'Утверждение порядка ведения реестра рисков информационной безопасности',
    },
    description: {
      az: 'Nazirlər Kabineti Xüsusi Rabitə və İnformasiya Təhlükəsizliyi Dövlət Xidməti, Rəqəmsal İnkişaf və Nəqliyyat Nazirliyi və Dövlət Təhlükəsizliyi Xidməti ilə birlikdə qaydanı təsdiq edir.',
      en: 'The Cabinet of Ministers, together with SCIS, the Ministry of Digital Development and Transport and the State Security Service, approves the procedure.',
      ru: 'Кабинет Министров совместно с ГСОСИБ, Министерством цифрового развития и транспорта и Службой государственной безопасности утверждает порядок.',
    },
    expectedResult: {
      az: 'Reyestrin aparılması qaydası təsdiq edilib',
      en: 'The procedure for the register is approved',
      ru: 'Порядок ведения реестра утверждён',
    },
    outputType: 'normative_act',
    deadline: '2023-2024',
    weight: 2,
    confidentiality: 'public',
    frameworkTags: ['NCAF:1', 'GCI:Organizational'],
    leadExecutors: ['NK'],
    coExecutors: ['XRITDX', 'RINN', 'DTX'],
    recommended: [],
  },
  {
    goalCode: '5.1.1',
    code: '8.1.2',
    title: {
      az: '"Kibercinayətkarlıq" elektron informasiya sisteminin yaradılması ilə bağlı təkliflərin hazırlanması',
      en: 'Preparation of proposals for the "Cybercrime" electronic information system',
      ru: 'Подготовка предложений по созданию электронной информационной системы «Киберпреступность»',
    },
    description: {
      az: 'Nazirlər Kabineti Daxili İşlər Nazirliyi, Dövlət Təhlükəsizliyi Xidməti, XRİTDX, RİNN və ASAN xidmət agentliyi ilə birlikdə təklifləri hazırlayır; BP tövsiyə olunan iştirakçıdır.',
      en: 'The Cabinet of Ministers, with the Ministry of Internal Affairs, the State Security Service, SCIS, MDDT and the ASAN Service agency, prepares the proposals; BP is a recommended participant.',
      ru: 'Кабинет Министров вместе с МВД, СГБ, ГСОСИБ, МЦРТ и агентством ASAN готовит предложения; BP — рекомендуемый участник.',
    },
    expectedResult: { az: 'Təkliflər hazırlanıb', en: 'Proposals prepared', ru: 'Предложения подготовлены' },
    outputType: 'proposals',
    deadline: '2023-2024',
    weight: 1,
    confidentiality: 'public',
    frameworkTags: ['GCI:Legal'],
    leadExecutors: ['NK'],
    coExecutors: ['DIN', 'DTX', 'XRITDX', 'RINN', 'ASAN'],
    recommended: ['BP'],
  },
  {
    goalCode: '5.1.3',
    code: '8.2.1',
    title: {
      az: 'İnformasiya təhlükəsizliyi fəaliyyətinin monitorinqi üçün insidentlərin və kritik halların aşkarlanması və ölçülməsi meyarlarının və göstəricilərinin müəyyən edilməsi',
      en: 'Defining criteria and indicators for detecting and measuring incidents and critical cases to monitor information-security activity',
      ru: 'Определение критериев и показателей выявления и измерения инцидентов и критических случаев для мониторинга деятельности по информационной безопасности',
    },
    description: {
      az: 'Rəqəmsal İnkişaf və Nəqliyyat Nazirliyi DTX, DİN, Müdafiə Nazirliyi, Elm və Təhsil Nazirliyi və ASAN agentliyi ilə birlikdə beynəlxalq təcrübəni öyrənir.',
      en: 'The Ministry of Digital Development and Transport, with the SSS, MIA, the Ministry of Defence, the Ministry of Science and Education and the ASAN agency, studies international experience.',
      ru: 'Министерство цифрового развития и транспорта вместе с СГБ, МВД, Министерством обороны, Министерством науки и образования и агентством ASAN изучает международный опыт.',
    },
    expectedResult: {
      az: 'Meyarlar və göstəricilər müəyyən edilib',
      en: 'Criteria and indicators defined',
      ru: 'Критерии и показатели определены',
    },
    outputType: 'normative_act',
    deadline: '2023-2024',
    weight: 1,
    confidentiality: 'public',
    frameworkTags: ['NCAF:4'],
    leadExecutors: ['RINN'],
    coExecutors: ['DTX', 'DIN', 'MUDAFIE', 'ETN', 'ASAN'],
    recommended: [],
  },
  demo({
    goalCode: '5.1.1',
    code: '8.1.3',
    title: {
      az: 'Dövlət orqanlarında informasiya təhlükəsizliyi risklərinin illik qiymətləndirilməsinin aparılması',
      en: 'Annual information-security risk assessment in state bodies',
      ru: 'Ежегодная оценка рисков информационной безопасности в государственных органах',
    },
    outputType: 'report',
    deadline: 'ongoing',
    leadExecutors: ['XRITDX'],
    coExecutors: ['RINN'],
  }),
  demo({
    goalCode: '5.1.3',
    code: '8.2.2',
    title: {
      az: 'Milli CERT ilə sahəvi CERT-lər arasında insident məlumatlarının mübadiləsi platformasının yaradılması',
      en: 'A platform for exchanging incident data between the national CERT and sector CERTs',
      ru: 'Платформа обмена данными об инцидентах между национальным CERT и отраслевыми CERT',
    },
    outputType: 'info_system',
    deadline: '2025',
    weight: 2,
    leadExecutors: ['RINN'],
    coExecutors: ['XRITDX', 'DTX'],
  }),
  demo({
    goalCode: '5.1.3',
    code: '8.2.3',
    title: {
      az: 'Dövlət orqanlarının informasiya təhlükəsizliyi bölmələri üçün insidentlərə cavab planının nümunəsinin hazırlanması',
      en: 'A model incident-response plan for the information-security units of state bodies',
      ru: 'Типовой план реагирования на инциденты для подразделений информационной безопасности госорганов',
    },
    outputType: 'normative_act',
    deadline: '2025-H1',
    leadExecutors: ['XRITDX'],
    coExecutors: ['RINN', 'ASAN'],
  }),
  demo({
    goalCode: '5.1.3',
    code: '8.2.4',
    title: {
      az: 'Milli kriptoqrafik mühafizə vasitələrinin sınaq laboratoriyasının yaradılması',
      en: 'A test laboratory for national cryptographic protection tools',
      ru: 'Испытательная лаборатория национальных средств криптографической защиты',
    },
    outputType: 'info_system',
    deadline: '2025-2027',
    weight: 2,
    confidentiality: 'restricted',
    leadExecutors: ['DTX'],
    coExecutors: ['XRITDX'],
  }),
  demo({
    goalCode: '5.1.2',
    code: '8.3.1',
    title: {
      az: 'Dövlət qulluqçuları üçün fişinq və sosial mühəndisliyə qarşı maarifləndirmə seminarlarının keçirilməsi',
      en: 'Awareness seminars on phishing and social engineering for civil servants',
      ru: 'Семинары для госслужащих о фишинге и социальной инженерии',
    },
    outputType: 'training',
    deadline: '2024-2026',
    leadExecutors: ['ETN'],
    coExecutors: ['XRITDX', 'ASAN'],
  }),
  demo({
    goalCode: '5.1.2',
    code: '8.3.2',
    title: {
      az: 'Dövlət qurumlarının GOV.AZ saytlarının təhlükəsizlik tələblərinin təsdiq edilməsi',
      en: 'Approval of security requirements for the GOV.AZ websites of state institutions',
      ru: 'Утверждение требований безопасности к сайтам GOV.AZ государственных учреждений',
    },
    outputType: 'normative_act',
    deadline: '2024-12-31',
    leadExecutors: ['RINN'],
    coExecutors: ['XRITDX'],
  }),
  demo({
    goalCode: '5.1.2',
    code: '8.3.3',
    title: {
      az: 'Dövlət orqanlarında informasiya təhlükəsizliyi təlimatlarının Nümunəvi Təlimat əsasında təsdiq edilməsi',
      en: 'Approval of agencies’ information-security instructions on the basis of the Model Instruction',
      ru: 'Утверждение инструкций по информационной безопасности госорганов на основе Типовой инструкции',
    },
    outputType: 'normative_act',
    deadline: '2025-2026',
    leadExecutors: ['XRITDX'],
    coExecutors: ['NK'],
  }),
  demo({
    goalCode: '5.1.4',
    code: '8.4.1',
    title: {
      az: 'Kritik informasiya infrastrukturu obyektlərinin siyahısının və kateqoriyalaşdırılması meyarlarının müəyyən edilməsi',
      en: 'The list of critical information infrastructure facilities and their categorisation criteria',
      ru: 'Перечень объектов критической информационной инфраструктуры и критерии их категорирования',
    },
    outputType: 'normative_act',
    deadline: '2024',
    weight: 2,
    confidentiality: 'internal',
    leadExecutors: ['DTX'],
    coExecutors: ['XRITDX', 'RINN'],
  }),
  demo({
    goalCode: '5.1.4',
    code: '8.4.2',
    title: {
      az: 'Kritik infrastruktur operatorları üçün kiber təlimlərin keçirilməsi',
      en: 'Cyber exercises for critical infrastructure operators',
      ru: 'Киберучения для операторов критической инфраструктуры',
    },
    outputType: 'training',
    deadline: '2025-Q4',
    leadExecutors: ['XRITDX'],
    coExecutors: ['DTX', 'MUDAFIE'],
  }),
  demo({
    goalCode: '5.1.4',
    code: '8.4.3',
    title: {
      az: 'ASAN xidmət mərkəzlərinin informasiya sistemlərinin təhlükəsizlik auditinin aparılması',
      en: 'Security audit of the information systems of the ASAN service centres',
      ru: 'Аудит безопасности информационных систем центров ASAN',
    },
    outputType: 'report',
    deadline: '2026-Q2',
    leadExecutors: ['ASAN'],
    coExecutors: ['XRITDX'],
  }),
]

export const DEMO_INDICATORS = [
  {
    code: 'H-1',
    name: {
      az: 'İnformasiya təhlükəsizliyi təlimatını təsdiq etmiş dövlət orqanlarının payı',
      en: 'Share of state bodies with an approved information-security instruction',
      ru: 'Доля госорганов с утверждённой инструкцией по информационной безопасности',
    },
    unit: '%',
    baseline: 35,
    baselineYear: 2023,
    direction: 'up' as const,
    targets: [
      { year: 2025, value: 70 },
      { year: 2027, value: 100 },
    ],
    values: [
      { year: 2024, value: 48 },
      { year: 2025, value: 61 },
    ],
  },
  {
    code: 'H-2',
    name: {
      az: 'Milli bazis tələblərinə cavab verən GOV.AZ saytlarının payı',
      en: 'Share of GOV.AZ websites meeting the national baseline',
      ru: 'Доля сайтов GOV.AZ, соответствующих национальному базовому уровню',
    },
    unit: '%',
    baseline: 20,
    baselineYear: 2023,
    direction: 'up' as const,
    targets: [
      { year: 2025, value: 60 },
      { year: 2027, value: 95 },
    ],
    values: [
      { year: 2024, value: 31 },
      { year: 2025, value: 52 },
    ],
  },
  {
    code: 'H-3',
    name: {
      az: 'Əhəmiyyətli kiber insidentlərə orta cavab müddəti',
      en: 'Mean time to respond to significant cyber incidents',
      ru: 'Среднее время реагирования на значимые киберинциденты',
    },
    unit: 'saat',
    baseline: 18,
    baselineYear: 2023,
    direction: 'down' as const,
    targets: [
      { year: 2025, value: 8 },
      { year: 2027, value: 4 },
    ],
    values: [
      { year: 2024, value: 14 },
      { year: 2025, value: 9.5 },
    ],
  },
]

/** What each lead executor reported and the evaluator found, period by period (by index into the periods). */
export type DemoStep = {
  status: ReportedStatus
  progress: number
  /** draft | submitted | returned | accepted: how far the report went. */
  until: 'draft' | 'submitted' | 'returned' | 'accepted'
  completion?: Completion
  work: string
  problems?: string
}

const step = (
  status: ReportedStatus,
  progress: number,
  until: DemoStep['until'],
  work: string,
  completion?: Completion,
  problems?: string,
): DemoStep => ({
  status,
  progress,
  until,
  work,
  ...(completion ? { completion } : {}),
  ...(problems ? { problems } : {}),
})

/** Semi-annual periods 2024-H1 … 2026-H2; a missing entry means the lead did not report. */
export const DEMO_HISTORY: Record<string, (DemoStep | null)[]> = {
  '8.1.1': [
    step(
      'in_progress',
      30,
      'accepted',
      'Qaydanın layihəsi hazırlanıb və aidiyyəti qurumlara göndərilib.',
      'limited',
    ),
    step(
      'in_progress',
      70,
      'accepted',
      'Layihə DTX və RİNN ilə razılaşdırılıb, Nazirlər Kabinetinə təqdim olunub.',
      'substantial',
    ),
    step('completed', 100, 'accepted', 'Qayda Nazirlər Kabinetinin qərarı ilə təsdiq edilib.', 'complete'),
  ],
  '8.1.2': [
    step('in_progress', 20, 'accepted', 'İşçi qrup yaradılıb, mövcud sistemlər öyrənilib.', 'limited'),
    step(
      'delayed',
      35,
      'accepted',
      'Təkliflərin layihəsi hazırlanır.',
      'limited',
      'Məlumat mübadiləsi üzrə hüquqi əsaslar razılaşdırılmayıb.',
    ),
    step(
      'in_progress',
      60,
      'accepted',
      'Təkliflərin layihəsi DİN və DTX ilə müzakirə olunub.',
      'substantial',
    ),
    step('in_progress', 80, 'returned', 'Təkliflər yekunlaşdırılır.', undefined),
    null,
    step('in_progress', 85, 'draft', 'Təkliflər Nazirlər Kabinetinə təqdim edilmək üçün hazırlanır.'),
  ],
  '8.2.1': [
    step('in_progress', 40, 'accepted', 'Beynəlxalq təcrübə (ENISA, NIST) öyrənilib.', 'limited'),
    step('completed', 100, 'accepted', 'Meyarlar və göstəricilər təsdiq edilib.', 'complete'),
  ],
  '8.1.3': [
    step(
      'in_progress',
      50,
      'accepted',
      '2024-cü il üzrə risk qiymətləndirməsi 42 qurumda aparılıb.',
      'substantial',
    ),
    step('in_progress', 50, 'accepted', 'Nəticələr Komissiyaya təqdim edilib.', 'substantial'),
    step('in_progress', 50, 'accepted', '2025-ci il üzrə qiymətləndirmə başlanıb.', 'substantial'),
    step(
      'in_progress',
      50,
      'accepted',
      '2025-ci il üzrə qiymətləndirmə 57 qurumda başa çatıb.',
      'substantial',
    ),
    step('in_progress', 50, 'accepted', '2026-cı il üzrə sorğu vərəqələri göndərilib.', 'substantial'),
    step('in_progress', 50, 'submitted', '2026-cı il üzrə qiymətləndirmə davam edir.'),
  ],
  '8.2.2': [
    step('in_progress', 15, 'accepted', 'Texniki tapşırıq hazırlanıb.', 'limited'),
    step('in_progress', 40, 'accepted', 'Satınalma başa çatıb.', 'limited'),
    step('in_progress', 65, 'accepted', 'Platformanın pilot versiyası sınaqdan keçirilir.', 'substantial'),
    step(
      'delayed',
      75,
      'accepted',
      'Sahəvi CERT-lərin qoşulması davam edir.',
      'substantial',
      'İki sahəvi CERT texniki tələbləri hələ ödəməyib.',
    ),
    step('in_progress', 90, 'accepted', 'Beş sahəvi CERT qoşulub.', 'substantial'),
    step('in_progress', 95, 'returned', 'Son iki CERT qoşulur.'),
  ],
  '8.2.3': [
    null,
    step('in_progress', 40, 'accepted', 'Planın nümunəsinin layihəsi hazırlanıb.', 'limited'),
    step('completed', 100, 'accepted', 'Nümunəvi plan təsdiq edilib və qurumlara göndərilib.', 'complete'),
  ],
  '8.3.1': [
    step(
      'in_progress',
      20,
      'accepted',
      '6 seminar keçirilib, 310 dövlət qulluqçusu iştirak edib.',
      'limited',
    ),
    step('in_progress', 35, 'accepted', '9 seminar keçirilib.', 'limited'),
    step('in_progress', 50, 'accepted', 'Fişinq simulyasiyası 12 qurumda aparılıb.', 'substantial'),
    step('in_progress', 65, 'accepted', 'Onlayn kurs istifadəyə verilib.', 'substantial'),
    step('in_progress', 75, 'accepted', 'Regionlarda 8 seminar keçirilib.', 'substantial'),
    step('in_progress', 85, 'submitted', 'VPN riskləri üzrə seminarlar keçirilir.'),
  ],
  '8.3.2': [
    step('in_progress', 50, 'accepted', 'Tələblərin layihəsi hazırlanıb.', 'limited'),
    step('delayed', 70, 'accepted', 'Layihə razılaşdırılır.', 'substantial', 'Qurumların rəyləri gecikir.'),
    step('completed', 100, 'accepted', 'Tələblər təsdiq edilib (gecikmə ilə).', 'complete'),
  ],
  '8.3.3': [
    null,
    null,
    step('in_progress', 30, 'accepted', '18 qurum təlimatını təsdiq edib.', 'limited'),
    step('in_progress', 45, 'accepted', '27 qurum təlimatını təsdiq edib.', 'limited'),
    step('in_progress', 55, 'accepted', '33 qurum təlimatını təsdiq edib.', 'substantial'),
    step('in_progress', 60, 'draft', '36 qurum təlimatını təsdiq edib.'),
  ],
  '8.4.1': [
    step('in_progress', 40, 'accepted', 'Meyarların layihəsi hazırlanıb.', 'limited'),
    step('completed', 100, 'accepted', 'Siyahı və meyarlar təsdiq edilib.', 'complete'),
  ],
  '8.4.2': [
    null,
    null,
    step('in_progress', 30, 'accepted', 'Təlim ssenariləri hazırlanıb.', 'limited'),
    step(
      'delayed',
      50,
      'accepted',
      'Birinci təlim keçirilib.',
      'limited',
      'Operatorların bir hissəsi iştirak etməyib.',
    ),
    step('in_progress', 70, 'accepted', 'İkinci təlim keçirilib.', 'substantial'),
    null,
  ],
  '8.4.3': [
    null,
    null,
    null,
    step('in_progress', 20, 'accepted', 'Audit planı təsdiq edilib.', 'limited'),
    step('in_progress', 60, 'accepted', '14 mərkəzdə audit aparılıb.', 'substantial'),
    step('completed', 100, 'submitted', 'Audit başa çatıb, hesabat təqdim edilib.'),
  ],
  '8.2.4': [
    null,
    null,
    step('in_progress', 10, 'accepted', 'Laboratoriyanın layihəsi hazırlanıb.', 'limited'),
    step('in_progress', 25, 'accepted', 'Avadanlıq satın alınır.', 'limited'),
    step('in_progress', 40, 'accepted', 'Laboratoriya binası hazırdır.', 'limited'),
    step('in_progress', 50, 'draft', 'Avadanlığın quraşdırılması davam edir.'),
  ],
}
