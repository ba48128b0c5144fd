/**
 * Azerbaijani and Russian for the messages of the strategy, reporting and evaluation modules,
 * including the workflow rules shared with the web from packages/contracts. Merged into the one
 * catalogue in messages.ts.
 */
export const PLAN_MESSAGES: [en: string, az: string, ru: string][] = [
  // absent or hidden objects
  ['Strategy "{0}" was not found', '"{0}" strategiyası tapılmadı', 'Стратегия «{0}» не найдена'],
  ['Measure "{0}" was not found', '"{0}" tədbiri tapılmadı', 'Мера «{0}» не найдена'],
  ['Milestone "{0}" was not found', '"{0}" mərhələsi tapılmadı', 'Этап «{0}» не найден'],
  ['Indicator "{0}" was not found', '"{0}" göstəricisi tapılmadı', 'Показатель «{0}» не найден'],
  ['Plan version "{0}" was not found', 'Planın "{0}" versiyası tapılmadı', 'Версия плана «{0}» не найдена'],
  [
    'Change request "{0}" was not found',
    '"{0}" dəyişiklik sorğusu tapılmadı',
    'Запрос на изменение «{0}» не найден',
  ],
  [
    'Reporting period "{0}" was not found',
    '"{0}" hesabat dövrü tapılmadı',
    'Отчётный период «{0}» не найден',
  ],
  ['Report "{0}" was not found', '"{0}" hesabatı tapılmadı', 'Отчёт «{0}» не найден'],
  ['Evidence "{0}" was not found', '"{0}" sübutu tapılmadı', 'Подтверждение «{0}» не найдено'],
  ['Revision "{0}" was not found', '"{0}" redaksiyası tapılmadı', 'Редакция «{0}» не найдена'],
  ['Contribution "{0}" was not found', '"{0}" töhfəsi tapılmadı', 'Вклад «{0}» не найден'],
  // the plan
  [
    'The strategy period ends before it starts',
    'Strategiya dövrü başlamadan bitir',
    'Период стратегии заканчивается раньше, чем начинается',
  ],
  [
    'A strategy with code "{0}" already exists',
    '"{0}" kodlu strategiya artıq var',
    'Стратегия с кодом «{0}» уже существует',
  ],
  [
    'A direction with code "{0}" already exists',
    '"{0}" kodlu istiqamət artıq var',
    'Направление с кодом «{0}» уже существует',
  ],
  [
    'No direction "{0}" in this strategy',
    'Bu strategiyada "{0}" istiqaməti yoxdur',
    'В этой стратегии нет направления «{0}»',
  ],
  [
    'A goal with code "{0}" already exists',
    '"{0}" kodlu hədəf artıq var',
    'Цель с кодом «{0}» уже существует',
  ],
  [
    'No goal "{0}" in this strategy',
    'Bu strategiyada "{0}" hədəfi yoxdur',
    'В этой стратегии нет цели «{0}»',
  ],
  ['No goal "{0}"', '"{0}" hədəfi yoxdur', 'Цели «{0}» нет'],
  [
    'A measure with code "{0}" already exists',
    '"{0}" kodlu tədbir artıq var',
    'Мера с кодом «{0}» уже существует',
  ],
  [
    'The deadline "{0}" cannot be read',
    '"{0}" icra müddətini oxumaq mümkün deyil',
    'Срок «{0}» не удаётся прочитать',
  ],
  [
    'Write the deadline as 2023-2024, 2025, 2025-H1, 2025-Q3, 2025-06-30 or ongoing',
    'İcra müddətini 2023-2024, 2025, 2025-H1, 2025-Q3, 2025-06-30 və ya davamlı kimi yazın',
    'Укажите срок как 2023-2024, 2025, 2025-H1, 2025-Q3, 2025-06-30 или ongoing (постоянно)',
  ],
  [
    'The organisation "{0}" is named twice among the executors',
    '"{0}" təşkilatı icraçılar arasında iki dəfə göstərilib',
    'Организация «{0}» указана среди исполнителей дважды',
  ],
  [
    'A measure needs at least one lead executor',
    'Tədbirin ən azı bir əsas icraçısı olmalıdır',
    'У меры должен быть хотя бы один основной исполнитель',
  ],
  [
    'Only the secretariat changes the title or the planned date of a milestone',
    'Mərhələnin adını və ya planlaşdırılan tarixini yalnız katiblik dəyişə bilər',
    'Название или плановую дату этапа меняет только секретариат',
  ],
  [
    'An adopted act needs its type, number and date',
    'Qəbul edilmiş aktın növü, nömrəsi və tarixi göstərilməlidir',
    'Для принятого акта нужны его вид, номер и дата',
  ],
  [
    'Give each year one target only',
    'Hər il üçün yalnız bir hədəf dəyəri göstərin',
    'Укажите для каждого года только одно целевое значение',
  ],
  [
    'An indicator with code "{0}" already exists',
    '"{0}" kodlu göstərici artıq var',
    'Показатель с кодом «{0}» уже существует',
  ],
  [
    'The approved plan has already been frozen as baseline v1',
    'Təsdiq edilmiş plan artıq 1-ci baza versiyası kimi qeydə alınıb',
    'Утверждённый план уже зафиксирован как базовая версия 1',
  ],
  [
    'The change request must propose a new value for what it changes',
    'Dəyişiklik sorğusu dəyişdirdiyi məlumat üçün yeni dəyər təklif etməlidir',
    'Запрос на изменение должен предлагать новое значение того, что он меняет',
  ],
  [
    'A change request of this kind cannot also change "{0}"',
    'Bu növ dəyişiklik sorğusu "{0}" sahəsini də dəyişə bilməz',
    'Запрос на изменение этого вида не может менять ещё и «{0}»',
  ],
  [
    'This change request has already been decided',
    'Bu dəyişiklik sorğusu üzrə artıq qərar verilib',
    'По этому запросу на изменение уже принято решение',
  ],
  [
    'Freeze the approved plan as baseline v1 before changing it',
    'Dəyişiklikdən əvvəl təsdiq edilmiş planı 1-ci baza versiyası kimi qeydə alın',
    'Прежде чем менять план, зафиксируйте утверждённый план как базовую версию 1',
  ],
  // reporting periods
  [
    'A reporting period "{0}" already exists',
    '"{0}" hesabat dövrü artıq var',
    'Отчётный период «{0}» уже существует',
  ],
  [
    'The year {0} is outside the strategy period',
    '{0} ili strategiya dövrünə daxil deyil',
    '{0} год не входит в период стратегии',
  ],
  [
    'Only a planned or closed period can be opened',
    'Yalnız planlaşdırılmış və ya bağlanmış dövr açıla bilər',
    'Открыть можно только запланированный или закрытый период',
  ],
  [
    'Only an open period can be closed',
    'Yalnız açıq dövr bağlana bilər',
    'Закрыть можно только открытый период',
  ],
  [
    'Only a closed period can be locked',
    'Yalnız bağlanmış dövr kilidlənə bilər',
    'Заблокировать можно только закрытый период',
  ],
  [
    'The period was changed by someone else; reload and try again',
    'Dövr başqası tərəfindən dəyişdirilib; səhifəni yeniləyib yenidən cəhd edin',
    'Период изменён другим пользователем; обновите страницу и повторите',
  ],
  [
    'A late exception is only needed once the period has closed',
    'Gecikmə istisnası yalnız dövr bağlandıqdan sonra lazımdır',
    'Исключение для опоздания нужно только после закрытия периода',
  ],
  [
    'The exception would end in the past',
    'İstisnanın bitmə tarixi keçmişdədir',
    'Исключение закончилось бы в прошлом',
  ],
  [
    'The period ends before it starts',
    'Dövr başlamadan bitir',
    'Период заканчивается раньше, чем начинается',
  ],
  [
    'Reports cannot be due before the period ends',
    'Hesabatların son tarixi dövrün sonundan əvvəl ola bilməz',
    'Срок отчётов не может наступать раньше конца периода',
  ],
  [
    'Use digits, letters and dashes, e.g. 2025-H1',
    'Rəqəm, hərf və defis işlədin, məsələn 2025-H1',
    'Используйте цифры, буквы и дефис, например 2025-H1',
  ],
  [
    'Only a locked period can be published',
    'Yalnız kilidlənmiş dövr dərc edilə bilər',
    'Опубликовать можно только заблокированный период',
  ],
  // measure reports and contributions (the workflow rules of packages/contracts)
  [
    'Only the lead executor writes this report',
    'Bu hesabatı yalnız əsas icraçı yazır',
    'Этот отчёт пишет только основной исполнитель',
  ],
  [
    'Only the head of the lead executor submits this report',
    'Bu hesabatı yalnız əsas icraçının rəhbəri təqdim edir',
    'Этот отчёт представляет только руководитель основного исполнителя',
  ],
  [
    'The report is with the secretariat for review',
    'Hesabat katiblikdə baxılır',
    'Отчёт на рассмотрении в секретариате',
  ],
  [
    'The report has been accepted and is final',
    'Hesabat qəbul edilib və yekundur',
    'Отчёт принят и окончателен',
  ],
  ['The reporting period is not open yet', 'Hesabat dövrü hələ açılmayıb', 'Отчётный период ещё не открыт'],
  [
    'The reporting period is locked; only a secretariat exception allows a late report',
    'Hesabat dövrü kilidlənib; gecikmiş hesabat yalnız katibliyin istisnası ilə mümkündür',
    'Отчётный период заблокирован; поздний отчёт возможен только по исключению секретариата',
  ],
  [
    'The reporting period is closed; only a secretariat exception allows a late report',
    'Hesabat dövrü bağlanıb; gecikmiş hesabat yalnız katibliyin istisnası ilə mümkündür',
    'Отчётный период закрыт; поздний отчёт возможен только по исключению секретариата',
  ],
  [
    'Fill in the status, the percentage and the work done before submitting',
    'Təqdim etməzdən əvvəl statusu, faizi və görülmüş işləri doldurun',
    'Перед представлением заполните статус, процент и выполненную работу',
  ],
  [
    'Only the secretariat reviews reports',
    'Hesabatlara yalnız katiblik baxır',
    'Отчёты рассматривает только секретариат',
  ],
  ['The report has already been accepted', 'Hesabat artıq qəbul edilib', 'Отчёт уже принят'],
  [
    'Only a submitted report can be reviewed',
    'Yalnız təqdim edilmiş hesabata baxıla bilər',
    'Рассмотреть можно только представленный отчёт',
  ],
  ['The reporting period is locked', 'Hesabat dövrü kilidlənib', 'Отчётный период заблокирован'],
  [
    'Say in a comment what the executor should fix',
    'Şərhdə icraçının nəyi düzəltməli olduğunu yazın',
    'Напишите в комментарии, что исполнителю нужно исправить',
  ],
  [
    'The indicator "{0}" is not one of this measure\'s',
    '"{0}" göstəricisi bu tədbirə aid deyil',
    'Показатель «{0}» не относится к этой мере',
  ],
  [
    'Someone else started this report at the same moment; reload and try again',
    'Bu hesabatı eyni anda başqası da başladı; səhifəni yeniləyib yenidən cəhd edin',
    'Этот отчёт в тот же момент начал другой пользователь; обновите страницу и повторите',
  ],
  [
    'The report was changed by someone else since you opened it; reload to see their changes',
    'Siz açandan sonra hesabat başqası tərəfindən dəyişdirilib; dəyişiklikləri görmək üçün səhifəni yeniləyin',
    'С тех пор как вы открыли отчёт, его изменил другой пользователь; обновите страницу, чтобы увидеть изменения',
  ],
  [
    'Only a co-executor of the measure files a contribution',
    'Töhfəni yalnız tədbirin digər icraçısı təqdim edir',
    'Вклад представляет только соисполнитель меры',
  ],
  [
    'The reporting period is not open for contributions',
    'Hesabat dövrü töhfələr üçün açıq deyil',
    'Отчётный период не открыт для вкладов',
  ],
  [
    'Give a web address starting with http:// or https://',
    'http:// və ya https:// ilə başlayan veb ünvan göstərin',
    'Укажите веб-адрес, начинающийся с http:// или https://',
  ],
  [
    'Use letters, digits, space, dot, colon, slash or dash',
    'Hərf, rəqəm, boşluq, nöqtə, iki nöqtə, sləş və ya defis işlədin',
    'Используйте буквы, цифры, пробел, точку, двоеточие, косую черту или дефис',
  ],
  // evaluation
  [
    'The reporting period is locked; its evaluations are final',
    'Hesabat dövrü kilidlənib; onun qiymətləndirmələri yekundur',
    'Отчётный период заблокирован; его оценки окончательны',
  ],
  [
    'Explain the assessment in a comment',
    'Qiymətləndirməni şərhdə izah edin',
    'Поясните оценку в комментарии',
  ],
  [
    'There is no reporting period for the year {0}',
    '{0} ili üçün hesabat dövrü yoxdur',
    'Для {0} года нет отчётного периода',
  ],
  [
    'The approved plan is frozen as baseline v1; change it through change requests',
    'Təsdiq edilmiş plan 1-ci baza versiyası kimi qeydə alınıb; onu dəyişiklik sorğuları ilə dəyişin',
    'Утверждённый план зафиксирован как базовая версия 1; меняйте его через запросы на изменение',
  ],
  [
    'The import was refused, nothing was written: fix the problems listed',
    'İdxal rədd edildi, heç nə yazılmadı: göstərilən problemləri düzəldin',
    'Импорт отклонён, ничего не записано: исправьте перечисленные ошибки',
  ],
]
