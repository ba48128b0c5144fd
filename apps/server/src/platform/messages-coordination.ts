/** Azerbaijani and Russian for the coordination module's messages (bodies, meetings, decisions). */
export const COORDINATION_SERVICE_MESSAGES: [en: string, az: string, ru: string][] = [
  ['Body "{0}" was not found', '"{0}" orqanı tapılmadı', 'Орган «{0}» не найден'],
  ['Member "{0}" was not found', '"{0}" üzvlüyü tapılmadı', 'Членство «{0}» не найдено'],
  ['Meeting "{0}" was not found', '"{0}" iclası tapılmadı', 'Заседание «{0}» не найдено'],
  ['Agenda item "{0}" was not found', '"{0}" gündəlik məsələsi tapılmadı', 'Вопрос повестки «{0}» не найден'],
  ['Report request "{0}" was not found', '"{0}" hesabat sorğusu tapılmadı', 'Запрос справки «{0}» не найден'],
  [
    'Meeting document "{0}" was not found',
    '"{0}" iclas sənədi tapılmadı',
    'Документ заседания «{0}» не найден',
  ],
  ['Decision "{0}" was not found', '"{0}" qərarı tapılmadı', 'Решение «{0}» не найдено'],
  ['Assignment "{0}" was not found', '"{0}" tapşırığı tapılmadı', 'Поручение «{0}» не найдено'],
  ['Direction "{0}" was not found', '"{0}" istiqaməti tapılmadı', 'Направление «{0}» не найдено'],
  [
    'A body with code "{0}" already exists',
    '"{0}" kodlu orqan artıq var',
    'Орган с кодом «{0}» уже существует',
  ],
  [
    'A sub-group belongs to a working group: choose its parent',
    'Alt qrup işçi qrupa aiddir: onun işçi qrupunu seçin',
    'Подгруппа входит в рабочую группу: выберите её',
  ],
  [
    'User "{0}" does not belong to organisation "{1}"',
    '"{0}" istifadəçisi "{1}" təşkilatına aid deyil',
    'Пользователь «{0}» не относится к организации «{1}»',
  ],
  [
    'The body was established on {0}; a seat cannot begin earlier',
    'Orqan {0} tarixində yaradılıb; üzvlük bundan əvvəl başlaya bilməz',
    'Орган создан {0}; членство не может начаться раньше',
  ],
  [
    '"{0}" already has this seat in the body from {1}',
    '"{0}" bu orqanda {1} tarixindən həmin yerə artıq malikdir',
    '«{0}» уже занимает это место в органе с {1}',
  ],
  ['Already a member', 'Artıq üzvdür', 'Уже является членом'],
  [
    'The body already has a chair on {0}; end that seat first',
    'Orqanın {0} tarixində artıq sədri var; əvvəlcə həmin üzvlüyü bitirin',
    'У органа на {0} уже есть председатель; сначала завершите его членство',
  ],
  ['This seat already ended on {0}', 'Bu üzvlük artıq {0} tarixində bitib', 'Это членство уже завершено {0}'],
  [
    'A seat cannot end before it began ({0})',
    'Üzvlük başlamazdan əvvəl bitə bilməz ({0})',
    'Членство не может закончиться раньше, чем началось ({0})',
  ],
  [
    'The end of the range is before its start',
    'Aralığın sonu başlanğıcından əvvəldir',
    'Конец диапазона раньше его начала',
  ],
  ['Body "{0}" is archived', '"{0}" orqanı arxivdədir', 'Орган «{0}» в архиве'],
  [
    'A meeting cannot be scheduled in the past',
    'İclas keçmiş tarixə təyin edilə bilməz',
    'Заседание нельзя назначить на прошедшее время',
  ],
  [
    'Meeting "{0}" of this body is already scheduled at that time',
    'Bu orqanın "{0}" iclası artıq həmin vaxta təyin edilib',
    'Заседание «{0}» этого органа уже назначено на это время',
  ],
  [
    '"{0}" is taken at that time by meeting "{1}" of "{2}"',
    '"{0}" həmin vaxt "{2}" orqanının "{1}" iclası üçün tutulub',
    '«{0}» в это время занято заседанием «{1}» органа «{2}»',
  ],
  [
    'Meeting number "{0}" is already used in this body',
    '"{0}" iclas nömrəsi bu orqanda artıq istifadə olunub',
    'Номер заседания «{0}» в этом органе уже используется',
  ],
  ['Meeting "{0}" is cancelled', '"{0}" iclası ləğv edilib', 'Заседание «{0}» отменено'],
  ['Meeting "{0}" has already been held', '"{0}" iclası artıq keçirilib', 'Заседание «{0}» уже состоялось'],
  [
    'The meeting must end after it starts',
    'İclas başladıqdan sonra bitməlidir',
    'Заседание должно закончиться после начала',
  ],
  [
    'The minutes of meeting "{0}" are approved and locked',
    '"{0}" iclasının protokolu təsdiqlənib və bağlanıb',
    'Протокол заседания «{0}» утверждён и закрыт для изменений',
  ],
  [
    'The holding of the meeting can be recorded once meeting "{0}" has begun',
    'İclasın keçirilməsi "{0}" iclası başladıqdan sonra qeyd edilə bilər',
    'Проведение можно отметить, когда заседание «{0}» началось',
  ],
  [
    'Attendance can be recorded once meeting "{0}" has begun',
    'İştirak "{0}" iclası başladıqdan sonra qeyd edilə bilər',
    'Присутствие можно отметить, когда заседание «{0}» началось',
  ],
  [
    'Minutes can be recorded once meeting "{0}" has begun',
    'Protokol "{0}" iclası başladıqdan sonra yazıla bilər',
    'Протокол можно вести, когда заседание «{0}» началось',
  ],
  [
    'The approval of minutes can be recorded once meeting "{0}" has begun',
    'Protokolun təsdiqi "{0}" iclası başladıqdan sonra qeyd edilə bilər',
    'Утверждение протокола можно отметить, когда заседание «{0}» началось',
  ],
  [
    'Decisions can be recorded once meeting "{0}" has begun',
    'Qərarlar "{0}" iclası başladıqdan sonra qeyd edilə bilər',
    'Решения можно записывать, когда заседание «{0}» началось',
  ],
  [
    'The linked item "{0}" was not found',
    'Əlaqələndirilən "{0}" obyekti tapılmadı',
    'Связанный объект «{0}» не найден',
  ],
  [
    'Meeting "{0}" has begun: its agenda items stay on record',
    '"{0}" iclası başlayıb: gündəlik məsələləri qeydlərdə qalır',
    'Заседание «{0}» началось: вопросы повестки остаются в записи',
  ],
  [
    'Give every agenda item of the meeting exactly once',
    'İclasın hər gündəlik məsələsini bir dəfə göstərin',
    'Укажите каждый вопрос повестки ровно один раз',
  ],
  [
    "The reports are due between today and the meeting's day ({0})",
    'Hesabatların müddəti bu gündən iclas gününədək ({0}) olmalıdır',
    'Срок справок — между сегодняшним днём и днём заседания ({0})',
  ],
  [
    'Meeting "{0}" has begun: reports for it are closed',
    '"{0}" iclası başlayıb: onun üçün hesabatların qəbulu bağlanıb',
    'Заседание «{0}» началось: приём справок закрыт',
  ],
  [
    'Seat "{0}" is not a member of the body on the meeting\'s day; record the person as a guest',
    '"{0}" iclas günü orqanın üzvü deyil; şəxsi qonaq kimi qeyd edin',
    '«{0}» не является членом органа в день заседания; отметьте человека как гостя',
  ],
  ['Each member is recorded once', 'Hər üzv bir dəfə qeyd edilir', 'Каждый член отмечается один раз'],
  [
    'The minutes were changed by someone else meanwhile; reload them and try again',
    'Protokol bu arada başqası tərəfindən dəyişdirilib; yenidən yükləyin və təkrar cəhd edin',
    'Протокол тем временем изменил кто-то другой; обновите страницу и повторите',
  ],
  [
    'Minutes are approved at a later meeting than "{0}"',
    'Protokol "{0}" iclasından sonrakı iclasda təsdiqlənir',
    'Протокол утверждается на заседании после «{0}»',
  ],
  [
    'Meeting "{0}" has no minutes to approve yet',
    '"{0}" iclasının hələ təsdiqlənəcək protokolu yoxdur',
    'У заседания «{0}» ещё нет протокола для утверждения',
  ],
  [
    'Organisation "{0}" is not a member of the body on {1}',
    '"{0}" təşkilatı {1} tarixində orqanın üzvü deyil',
    'Организация «{0}» не является членом органа на {1}',
  ],
  [
    'An assignment cannot fall due before the meeting ({0})',
    'Tapşırığın müddəti iclasdan ({0}) əvvəl ola bilməz',
    'Срок поручения не может быть раньше заседания ({0})',
  ],
  [
    'Change request "{0}" was not found',
    '"{0}" dəyişiklik sorğusu tapılmadı',
    'Запрос на изменение «{0}» не найден',
  ],
  [
    'Decision "{0}" is already recorded at this meeting',
    '"{0}" qərarı bu iclasda artıq qeyd edilib',
    'Решение «{0}» уже записано на этом заседании',
  ],
  ['The assignment was not stored', 'Tapşırıq saxlanılmadı', 'Поручение не сохранено'],
  [
    'This assignment is closed; nothing more can be reported',
    'Bu tapşırıq bağlanıb; daha məlumat vermək olmaz',
    'Это поручение закрыто; сообщать больше нечего',
  ],
  [
    'Only an assignment reported as done can be accepted or returned',
    'Yalnız icra olunduğu bildirilən tapşırıq qəbul edilə və ya qaytarıla bilər',
    'Принять или вернуть можно только поручение, о исполнении которого сообщено',
  ],
  [
    'Say why the report is returned',
    'Hesabatın niyə qaytarıldığını yazın',
    'Укажите, почему отчёт возвращён',
  ],
  ['This assignment is already closed', 'Bu tapşırıq artıq bağlanıb', 'Это поручение уже закрыто'],
]
