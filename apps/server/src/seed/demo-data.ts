import type { I18nText, Role } from '@qalxan/contracts'

export type DemoOrg = {
  code: string
  name: I18nText
  shortName?: string
  type: string
  jurisdiction?: 'national' | 'nakhchivan'
  parent?: string
}

export const DEMO_ORGS: DemoOrg[] = [
  {
    code: 'NK',
    type: 'cabinet',
    name: {
      az: 'Azərbaycan Respublikasının Nazirlər Kabineti',
      en: 'Cabinet of Ministers of the Republic of Azerbaijan',
      ru: 'Кабинет Министров Азербайджанской Республики',
    },
  },
  {
    code: 'XRITDX',
    type: 'service',
    shortName: 'XRİTDX',
    name: {
      az: 'Xüsusi Rabitə və İnformasiya Təhlükəsizliyi Dövlət Xidməti',
      en: 'State Service of Special Communication and Information Security',
      ru: 'Государственная служба специальной связи и информационной безопасности',
    },
  },
  {
    code: 'KOMISSIYA',
    type: 'commission',
    name: {
      az: 'İnformasiya Təhlükəsizliyi üzrə Koordinasiya Komissiyası',
      en: 'Coordination Commission on Information Security',
      ru: 'Координационная комиссия по информационной безопасности',
    },
  },
  {
    code: 'RINN',
    type: 'ministry',
    name: {
      az: 'Rəqəmsal İnkişaf və Nəqliyyat Nazirliyi',
      en: 'Ministry of Digital Development and Transport',
      ru: 'Министерство цифрового развития и транспорта',
    },
    parent: 'NK',
  },
  {
    code: 'IRIA',
    type: 'agency',
    name: {
      az: 'İnnovasiya və Rəqəmsal İnkişaf Agentliyi',
      en: 'Innovation and Digital Development Agency',
      ru: 'Агентство инноваций и цифрового развития',
    },
    parent: 'RINN',
  },
  {
    code: 'DIN',
    type: 'ministry',
    name: {
      az: 'Daxili İşlər Nazirliyi',
      en: 'Ministry of Internal Affairs',
      ru: 'Министерство внутренних дел',
    },
    parent: 'NK',
  },
  {
    code: 'ETN',
    type: 'ministry',
    name: {
      az: 'Elm və Təhsil Nazirliyi',
      en: 'Ministry of Science and Education',
      ru: 'Министерство науки и образования',
    },
    parent: 'NK',
  },
  {
    code: 'MN',
    type: 'ministry',
    name: { az: 'Maliyyə Nazirliyi', en: 'Ministry of Finance', ru: 'Министерство финансов' },
    parent: 'NK',
  },
  {
    code: 'MUDAFIE',
    type: 'ministry',
    parent: 'NK',
    name: { az: 'Müdafiə Nazirliyi', en: 'Ministry of Defence', ru: 'Министерство обороны' },
  },
  {
    code: 'ASAN',
    type: 'agency',
    shortName: 'ASAN xidmət',
    name: {
      az: 'Vətəndaşlara Xidmət və Sosial İnnovasiyalar üzrə Dövlət Agentliyi',
      en: 'State Agency for Public Service and Social Innovations (ASAN Service)',
      ru: 'Государственное агентство по обслуживанию граждан и социальным инновациям (ASAN xidmət)',
    },
  },
  {
    code: 'DTX',
    type: 'service',
    name: {
      az: 'Dövlət Təhlükəsizliyi Xidməti',
      en: 'State Security Service',
      ru: 'Служба государственной безопасности',
    },
  },
  {
    code: 'MSK',
    type: 'commission',
    name: {
      az: 'Mərkəzi Seçki Komissiyası',
      en: 'Central Election Commission',
      ru: 'Центральная избирательная комиссия',
    },
  },
  {
    code: 'NMR-MSK',
    type: 'commission',
    jurisdiction: 'nakhchivan',
    name: {
      az: 'Naxçıvan Muxtar Respublikasının Mərkəzi Seçki Komissiyası',
      en: 'Central Election Commission of the Nakhchivan Autonomous Republic',
      ru: 'Центральная избирательная комиссия Нахчыванской Автономной Республики',
    },
  },
  {
    code: 'NMR-NK',
    type: 'cabinet',
    jurisdiction: 'nakhchivan',
    name: {
      az: 'Naxçıvan Muxtar Respublikasının Nazirlər Kabineti',
      en: 'Cabinet of Ministers of the Nakhchivan Autonomous Republic',
      ru: 'Кабинет Министров Нахчыванской Автономной Республики',
    },
  },
  {
    code: 'NMR-RINN',
    type: 'ministry',
    jurisdiction: 'nakhchivan',
    parent: 'NMR-NK',
    name: {
      az: 'Naxçıvan MR Rəqəmsal İnkişaf və Nəqliyyat Nazirliyi',
      en: 'Ministry of Digital Development and Transport of the Nakhchivan AR',
      ru: 'Министерство цифрового развития и транспорта Нахчыванской АР',
    },
  },
  {
    code: 'BP',
    type: 'private_participant',
    name: {
      az: 'BP (tövsiyə olunan iştirakçı)',
      en: 'BP (recommended participant)',
      ru: 'BP (рекомендуемый участник)',
    },
  },
]

export type DemoUser = {
  email: string
  name: string
  org: string
  position: string
  roles: Role[]
  clearance: 'public' | 'internal' | 'restricted'
  locale: 'az' | 'en' | 'ru'
}

export const DEMO_PASSWORD = 'Qalxan-demo-2026'

export const DEMO_USERS: DemoUser[] = [
  {
    email: 'admin@qalxan.local',
    name: 'Rəşad Əliyev',
    org: 'XRITDX',
    position: 'Portal administratoru',
    roles: ['admin'],
    clearance: 'restricted',
    locale: 'az',
  },
  {
    email: 'secretariat@qalxan.local',
    name: 'Günay Həsənova',
    org: 'XRITDX',
    position: 'Katiblik rəhbəri',
    roles: ['secretariat'],
    clearance: 'restricted',
    locale: 'az',
  },
  {
    email: 'evaluator@qalxan.local',
    name: 'Elvin Quliyev',
    org: 'KOMISSIYA',
    position: 'Monitorinq və qiymətləndirmə üzrə ekspert',
    roles: ['evaluator'],
    clearance: 'restricted',
    locale: 'en',
  },
  {
    email: 'auditor@qalxan.local',
    name: 'Nigar Babayeva',
    org: 'KOMISSIYA',
    position: 'Auditor',
    roles: ['auditor'],
    clearance: 'restricted',
    locale: 'ru',
  },
  {
    email: 'chair@qalxan.local',
    name: 'Tural Məmmədov',
    org: 'XRITDX',
    position: 'İşçi qrupun sədri',
    roles: ['wg_chair'],
    clearance: 'internal',
    locale: 'az',
  },
  {
    email: 'focal.rinn@qalxan.local',
    name: 'Aysel İsmayılova',
    org: 'RINN',
    position: 'Baş məsləhətçi',
    roles: ['focal_point', 'wg_member'],
    clearance: 'internal',
    locale: 'az',
  },
  {
    email: 'head.rinn@qalxan.local',
    name: 'Kamran Rzayev',
    org: 'RINN',
    position: 'Şöbə müdiri',
    roles: ['head'],
    clearance: 'internal',
    locale: 'az',
  },
  {
    email: 'focal.din@qalxan.local',
    name: 'Orxan Səfərov',
    org: 'DIN',
    position: 'Məsləhətçi',
    roles: ['focal_point'],
    clearance: 'internal',
    locale: 'ru',
  },
  {
    email: 'viewer@qalxan.local',
    name: 'Leyla Cəfərova',
    org: 'MSK',
    position: 'Mütəxəssis',
    roles: ['viewer'],
    clearance: 'public',
    locale: 'en',
  },
  // Focal points and heads of the lead executors of the demo Action Plan.
  ...(
    [
      ['nk', 'NK', 'Səbinə Kərimova', 'Fərid Abbasov'],
      ['xritdx', 'XRITDX', 'Nurlan Hüseynov', 'Samir Orucov'],
      ['dtx', 'DTX', 'Ramil Nəsirov', 'Elçin Qasımov', 'restricted'],
      ['asan', 'ASAN', 'Lalə Mustafayeva', 'Vüsal Əhmədov'],
      ['etn', 'ETN', 'Könül Vəliyeva', 'Rauf Mehdiyev'],
    ] as [string, string, string, string, string?][]
  ).flatMap(([key, org, focal, head, level]): DemoUser[] => {
    const clearance: DemoUser['clearance'] = level === 'restricted' ? 'restricted' : 'internal'
    return [
      {
        email: `focal.${key}@qalxan.local`,
        name: focal,
        org,
        position: 'İnformasiya təhlükəsizliyi üzrə məsul şəxs',
        roles: ['focal_point'],
        clearance,
        locale: 'az',
      },
      {
        email: `head.${key}@qalxan.local`,
        name: head,
        org,
        position: 'Şöbə müdiri',
        roles: ['head'],
        clearance,
        locale: 'az',
      },
    ]
  }),
  {
    email: 'head.din@qalxan.local',
    name: 'Zaur Əsgərov',
    org: 'DIN',
    position: 'İdarə rəisi',
    roles: ['head'],
    clearance: 'internal',
    locale: 'ru',
  },
]
