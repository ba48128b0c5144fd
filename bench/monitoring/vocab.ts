/**
 * Words the generated plan and reports are written in. Azerbaijani first (the portal's working
 * language and what the search box is mostly asked in), with English and Russian beside the titles.
 * The search terms of the benchmark (`SEARCH_TERMS`) are chosen from these, at different frequencies.
 */

export type Tri = { az: string; en: string; ru: string }

/** A deterministic generator, so every run generates the same database. */
export const prng = (seed: number) => {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
export type Rnd = ReturnType<typeof prng>

export const pick = <T>(rnd: Rnd, xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)] as T
export const int = (rnd: Rnd, lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1))
/** Index in [0, n) with weight 1/(i+1)^s: a few organisations lead most measures, as in the plan. */
export const zipf = (rnd: Rnd, n: number, s = 1) => {
  let total = 0
  for (let i = 0; i < n; i++) total += 1 / (i + 1) ** s
  let r = rnd() * total
  for (let i = 0; i < n; i++) {
    r -= 1 / (i + 1) ** s
    if (r < 0) return i
  }
  return n - 1
}
/** A v4-shaped UUID from the generator: the same run after run. */
export const uuid = (rnd: Rnd) => {
  const h = (n: number) => Array.from({ length: n }, () => Math.floor(rnd() * 16).toString(16)).join('')
  return `${h(8)}-${h(4)}-4${h(3)}-${'89ab'[Math.floor(rnd() * 4)]}${h(3)}-${h(12)}`
}

export const DIRECTIONS: Tri[] = [
  {
    az: 'Təhdidlərin müəyyən edilməsi və risklərin idarə edilməsi',
    en: 'Threat identification and risk management',
    ru: 'Выявление угроз и управление рисками',
  },
  {
    az: 'İnsidentlərin aşkarlanması və texniki müdafiə',
    en: 'Incident detection and technical protection',
    ru: 'Обнаружение инцидентов и техническая защита',
  },
  {
    az: 'İnformasiya məkanında təhlükəsizlik səviyyəsinin yüksəldilməsi',
    en: 'Raising security in the information space',
    ru: 'Повышение безопасности в информационном пространстве',
  },
  {
    az: 'Kritik informasiya infrastrukturunun müdafiəsi',
    en: 'Protection of critical information infrastructure',
    ru: 'Защита критической информационной инфраструктуры',
  },
  {
    az: 'Normativ hüquqi bazanın təkmilləşdirilməsi',
    en: 'Improving the legal framework',
    ru: 'Совершенствование нормативно-правовой базы',
  },
  {
    az: 'Kadr potensialının və beynəlxalq əməkdaşlığın inkişafı',
    en: 'Developing skills and international cooperation',
    ru: 'Развитие кадрового потенциала и международного сотрудничества',
  },
]

/** What a measure is about. "insident" is common, "reyestr" rarer, "kriptoqrafik" rare. */
export const TOPICS: Tri[] = [
  {
    az: 'kibertəhlükəsizlik insidentləri',
    en: 'cyber-security incidents',
    ru: 'инцидентов кибербезопасности',
  },
  { az: 'insidentlərə cavab tədbirləri', en: 'incident response', ru: 'реагирования на инциденты' },
  {
    az: 'kritik informasiya infrastrukturu',
    en: 'critical information infrastructure',
    ru: 'критической информационной инфраструктуры',
  },
  { az: 'CERT şəbəkəsi', en: 'the CERT network', ru: 'сети CERT' },
  { az: 'elektron imza', en: 'electronic signatures', ru: 'электронной подписи' },
  { az: 'fişinq hücumları', en: 'phishing attacks', ru: 'фишинговых атак' },
  { az: 'təhlükəsizlik auditi', en: 'security audits', ru: 'аудита безопасности' },
  { az: 'şəxsi məlumatların qorunması', en: 'personal data protection', ru: 'защиты персональных данных' },
  { az: 'ehtiyat nüsxələrin saxlanması', en: 'backups', ru: 'резервного копирования' },
  { az: 'zəifliklərin idarə edilməsi', en: 'vulnerability management', ru: 'управления уязвимостями' },
  { az: 'dövlət qulluqçularının təlimi', en: 'civil-servant training', ru: 'обучения госслужащих' },
  { az: 'məlumat mərkəzləri', en: 'data centres', ru: 'центров обработки данных' },
  { az: 'bulud xidmətləri', en: 'cloud services', ru: 'облачных сервисов' },
  {
    az: 'təhlükəsizlik əməliyyat mərkəzi',
    en: 'the security operations centre',
    ru: 'центра операций безопасности',
  },
  { az: 'rəqəmsal savadlılıq', en: 'digital literacy', ru: 'цифровой грамотности' },
  {
    az: 'informasiya təhlükəsizliyi risklərinin reyestri',
    en: 'the information-security risk register',
    ru: 'реестра рисков информационной безопасности',
  },
  {
    az: 'kriptoqrafik mühafizə vasitələri',
    en: 'cryptographic protection tools',
    ru: 'средств криптографической защиты',
  },
  { az: 'şəbəkə seqmentasiyası', en: 'network segmentation', ru: 'сегментации сетей' },
  { az: 'təchizat zənciri riskləri', en: 'supply-chain risks', ru: 'рисков цепочки поставок' },
  {
    az: 'uşaqların onlayn təhlükəsizliyi',
    en: "children's online safety",
    ru: 'безопасности детей в интернете',
  },
]

export const OBJECTS: Tri[] = [
  { az: 'qaydasının', en: 'procedure for', ru: 'порядка' },
  { az: 'konsepsiyasının', en: 'concept of', ru: 'концепции' },
  { az: 'metodikasının', en: 'methodology for', ru: 'методики' },
  { az: 'platformasının', en: 'platform for', ru: 'платформы' },
  { az: 'dövlət proqramının', en: 'state programme for', ru: 'государственной программы' },
  { az: 'standartlarının', en: 'standards for', ru: 'стандартов' },
  { az: 'monitorinq sisteminin', en: 'monitoring system for', ru: 'системы мониторинга' },
  { az: 'təlim kursunun', en: 'training course on', ru: 'учебного курса' },
]

export const VERBS: Tri[] = [
  { az: 'hazırlanması', en: 'Preparing the', ru: 'Разработка' },
  { az: 'təsdiq edilməsi', en: 'Approving the', ru: 'Утверждение' },
  { az: 'yaradılması', en: 'Creating the', ru: 'Создание' },
  { az: 'təkmilləşdirilməsi', en: 'Improving the', ru: 'Совершенствование' },
  { az: 'tətbiq edilməsi', en: 'Introducing the', ru: 'Внедрение' },
  { az: 'genişləndirilməsi', en: 'Extending the', ru: 'Расширение' },
]

const cap = (s: string) => s.charAt(0).toLocaleUpperCase('az') + s.slice(1)

export const measureTitle = (topic: Tri, object: Tri, verb: Tri): Tri => ({
  az: `${cap(topic.az)} üzrə ${object.az} ${verb.az}`,
  en: `${verb.en} ${object.en} ${topic.en}`,
  ru: `${verb.ru} ${object.ru} ${topic.ru}`,
})

export const measureDescription = (topic: Tri, orgs: string[]): Tri => ({
  az: `${orgs.join(', ')} birlikdə ${topic.az} sahəsində vəziyyəti öyrənir, beynəlxalq təcrübəni nəzərə alaraq təkliflər hazırlayır və icranı təmin edir.`,
  en: `${orgs.join(', ')} study the state of ${topic.en}, prepare proposals drawing on international practice and carry them out.`,
  ru: `${orgs.join(', ')} изучают состояние ${topic.ru}, готовят предложения с учётом международного опыта и обеспечивают исполнение.`,
})

const WORK = [
  (t: string, n: number) => `Hesabat dövründə ${t} üzrə ${n} tədbir keçirilib.`,
  (t: string, n: number) => `${n} dövlət qurumunda ${t} vəziyyəti yoxlanılıb və nəticələr ümumiləşdirilib.`,
  (t: string) => `${cap(t)} barədə layihə sənədi hazırlanaraq maraqlı qurumlarla razılaşdırılıb.`,
  (t: string, n: number) => `${cap(t)} mövzusunda ${n} nəfər mütəxəssis üçün təlim təşkil olunub.`,
  (t: string) => `Beynəlxalq təcrübə öyrənilib, ${t} üçün texniki tapşırıq tərtib edilib.`,
  (t: string, n: number) => `Qeydə alınmış ${n} insident təhlil edilib, ${t} üzrə tövsiyələr verilib.`,
]
const PROBLEMS = [
  'Maliyyə vəsaitlərinin gec ayrılması işlərin vaxtında başa çatmasına mane olur.',
  'İxtisaslı mütəxəssis çatışmazlığı qeydə alınıb.',
  'Satınalma prosedurları gözləniləndən uzun çəkib.',
  'Həmicraçı qurumlardan məlumatlar gecikmə ilə daxil olub.',
  '',
  '',
]
const NEXT = [
  (t: string) => `Növbəti rübdə ${t} üzrə sənədin təsdiqə təqdim edilməsi planlaşdırılır.`,
  (t: string) => `${cap(t)} üzrə pilot layihənin genişləndirilməsi nəzərdə tutulur.`,
  (t: string) => `Həmicraçılarla birlikdə ${t} monitorinqinin nəticələri hazırlanacaq.`,
]

export const reportTexts = (rnd: Rnd, topic: Tri) => ({
  workDone: Array.from({ length: int(rnd, 2, 4) }, () => pick(rnd, WORK)(topic.az, int(rnd, 2, 40))).join(
    ' ',
  ),
  problems: pick(rnd, PROBLEMS),
  nextSteps: pick(rnd, NEXT)(topic.az),
})

export const contributionText = (rnd: Rnd, topic: Tri, orgName: string) =>
  `${orgName}: ${pick(rnd, WORK)(topic.az, int(rnd, 1, 15))} ${pick(rnd, NEXT)(topic.az)}`

export const REVIEW_COMMENTS = [
  'Sübut sənədləri əlavə edilməlidir.',
  'İcra faizi əsaslandırılmayıb, görülən işlər ətraflı göstərilsin.',
  'Həmicraçıların töhfələri hesabatda nəzərə alınmayıb.',
  'Normativ hüquqi aktın nömrəsi və tarixi qeyd edilməlidir.',
  'İnsidentlərin sayı barədə statistika təqdim edilsin.',
]

export const EVALUATION_COMMENTS: Record<string, string[]> = {
  no_evidence: ['Sübut təqdim edilməyib.'],
  not_started: ['İcraya başlanılmayıb, səbəblər göstərilməyib.'],
  limited: ['İcra məhdud səviyyədədir: yalnız hazırlıq işləri görülüb.', 'Nəticələr gözləniləndən azdır.'],
  substantial: ['Sübutlar icranın əsaslı olduğunu göstərir.', 'Əsas işlər görülüb, yekun sənəd gözlənilir.'],
  complete: ['Tədbir tam icra olunub, nəticə sənədlə təsdiqlənib.'],
  not_due: [''],
}

const ACT_TYPES = [
  'Nazirlər Kabinetinin Qərarı',
  'Prezidentin Sərəncamı',
  'Prezidentin Fərmanı',
  'Nazirin Əmri',
]
const FILE_NAMES = [
  (t: string) => `${cap(t)} üzrə hesabat.pdf`,
  () => 'Təlim iştirakçılarının siyahısı.xlsx',
  (_t: string, n: number) => `Audit aktı № ${n}.pdf`,
  (t: string) => `${cap(t)} - texniki tapşırıq.docx`,
  () => 'İclas protokolu.pdf',
]
const LINKS = [
  (t: string) => `${cap(t)} barədə məlumat (rəsmi sayt)`,
  (t: string) => `${cap(t)}: mətbuat açıqlaması`,
  () => 'Tədbirin foto və video materialları',
]

export type EvidenceText =
  | { kind: 'file'; title: string; mime: string }
  | { kind: 'link'; title: string; url: string }
  | { kind: 'legal_act'; title: string; actType: string; actNumber: string }

export const evidenceText = (rnd: Rnd, topic: Tri): EvidenceText => {
  const r = rnd()
  const n = int(rnd, 1, 999)
  if (r < 0.3) {
    const title = pick(rnd, FILE_NAMES)(topic.az, n)
    const ext = title.slice(title.lastIndexOf('.') + 1)
    const mime =
      ext === 'pdf'
        ? 'application/pdf'
        : ext === 'xlsx'
          ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
          : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
    return { kind: 'file', title, mime }
  }
  if (r < 0.8)
    return { kind: 'link', title: pick(rnd, LINKS)(topic.az), url: `https://example.gov.az/xeber/${n}` }
  const actType = pick(rnd, ACT_TYPES)
  return { kind: 'legal_act', title: `${actType} № ${n} (${topic.az})`, actType, actNumber: String(n) }
}

export const FIRST = [
  'Əli',
  'Aysel',
  'Rəşad',
  'Leyla',
  'Tural',
  'Nigar',
  'Elvin',
  'Günel',
  'Orxan',
  'Səbinə',
  'Kamran',
  'Aynur',
  'Vüsal',
  'Lalə',
  'Fərid',
  'Nərmin',
  'Ruslan',
  'Könül',
  'Samir',
  'Ülviyyə',
]
export const LAST = [
  'Məmmədov',
  'Əliyeva',
  'Həsənov',
  'Quliyeva',
  'Hüseynov',
  'İsmayılova',
  'Abbasov',
  'Kərimova',
  'Rəhimov',
  'Nəsirova',
  'Cəfərov',
  'Vəliyeva',
  'Babayev',
  'Orucova',
  'Səfərov',
]
export const ORG_KINDS: Tri[] = [
  { az: 'Nazirliyi', en: 'Ministry', ru: 'Министерство' },
  { az: 'Dövlət Komitəsi', en: 'State Committee', ru: 'Государственный комитет' },
  { az: 'Dövlət Xidməti', en: 'State Service', ru: 'Государственная служба' },
  { az: 'Agentliyi', en: 'Agency', ru: 'Агентство' },
  { az: 'İcra Hakimiyyəti', en: 'Executive Authority', ru: 'Исполнительная власть' },
]

/**
 * The terms the search is measured with: a common word, rarer ones, two words, and one that is in
 * no row (the worst case: every table is read to the end).
 */
export const SEARCH_TERMS = ['insident', 'reyestr', 'kriptoqrafik', 'fişinq hücum', 'blokçeyn']
