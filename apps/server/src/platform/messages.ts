import type { Locale } from '@qalxan/contracts'
import { z } from 'zod'
import { COORDINATION_MESSAGES } from '../modules/coordination/coordination.labels.ts'
import { PLAN_IMPORT_MESSAGES } from '../modules/strategy/plan-xlsx.fns.ts'
import { COORDINATION_SERVICE_MESSAGES } from './messages-coordination.ts'
import { PLAN_MESSAGES } from './messages-plan.ts'

/**
 * Azerbaijani and Russian for every message the server writes for people. Services write English
 * (what logs read); the HTTP layer renders a message in the caller's language by matching
 * it against these templates, whose {0}, {1}… stand for quoted names, numbers and dates.
 */
const CATALOGUE: [en: string, az: string, ru: string][] = [
  // access and identity
  ['Sign in to continue', 'Davam etmək üçün daxil olun', 'Войдите, чтобы продолжить'],
  ['Cross-site request refused', 'Başqa saytdan gələn sorğu rədd edildi', 'Запрос с другого сайта отклонён'],
  [
    'This API token may only read',
    'Bu API tokeni yalnız oxumaq üçündür',
    'Этот API-токен даёт право только на чтение',
  ],
  [
    'Your role requires a second factor. Set up an authenticator app first.',
    'Rolunuz ikiaddımlı giriş tələb edir. Əvvəlcə autentifikator tətbiqini qoşun.',
    'Ваша роль требует второго фактора. Сначала подключите приложение-аутентификатор.',
  ],
  [
    'Confirm your sign-in with your authenticator code',
    'Girişi autentifikator kodu ilə təsdiqləyin',
    'Подтвердите вход кодом из приложения-аутентификатора',
  ],
  ['You do not have permission to do this', 'Bunu etməyə icazəniz yoxdur', 'У вас нет прав на это действие'],
  [
    'This action needs a person signed in with a second factor, not an API token',
    'Bu əməliyyatı API tokeni ilə deyil, ikiaddımlı girişlə daxil olmuş şəxs edə bilər',
    'Это действие может выполнить только человек, вошедший со вторым фактором, а не API-токен',
  ],
  [
    'Confirm this action with your authenticator code',
    'Bu əməliyyatı autentifikator kodu ilə təsdiqləyin',
    'Подтвердите действие кодом из приложения-аутентификатора',
  ],
  [
    'Too many failed sign-ins. The account is locked until {0} UTC.',
    'Həddindən çox uğursuz giriş cəhdi. Hesab {0} UTC-yə qədər bloklanıb.',
    'Слишком много неудачных попыток входа. Учётная запись заблокирована до {0} UTC.',
  ],
  ['This account is disabled.', 'Bu hesab deaktiv edilib.', 'Эта учётная запись отключена.'],
  ['Invalid email or password', 'E-poçt və ya şifrə yanlışdır', 'Неверный адрес почты или пароль'],
  ['Invalid code', 'Kod yanlışdır', 'Неверный код'],
  ['Invalid token', 'Keçid etibarsızdır və ya vaxtı keçib', 'Ссылка недействительна или устарела'],
  ['The request was refused', 'Sorğu rədd edildi', 'Запрос отклонён'],
  // objects that are absent (or hidden)
  ['Organisation "{0}" was not found', '"{0}" təşkilatı tapılmadı', 'Организация «{0}» не найдена'],
  ['User "{0}" was not found', '"{0}" istifadəçisi tapılmadı', 'Пользователь «{0}» не найден'],
  ['File "{0}" was not found', '"{0}" faylı tapılmadı', 'Файл «{0}» не найден'],
  ['Session "{0}" was not found', '"{0}" seansı tapılmadı', 'Сеанс «{0}» не найден'],
  ['API token "{0}" was not found', '"{0}" API tokeni tapılmadı', 'API-токен «{0}» не найден'],
  ['Notification "{0}" was not found', '"{0}" bildirişi tapılmadı', 'Уведомление «{0}» не найдено'],
  ['No such address: "{0}"', 'Belə ünvan yoxdur: "{0}"', 'Такого адреса нет: «{0}»'],
  ['Not found', 'Tapılmadı', 'Не найдено'],
  // organisations and users
  ['No organisation "{0}"', '"{0}" təşkilatı yoxdur', 'Организации «{0}» нет'],
  [
    'A user with e-mail "{0}" already exists',
    '"{0}" e-poçtu ilə istifadəçi artıq var',
    'Пользователь с адресом «{0}» уже существует',
  ],
  [
    'You cannot disable your own account',
    'Öz hesabınızı deaktiv edə bilməzsiniz',
    'Нельзя отключить собственную учётную запись',
  ],
  [
    'You cannot remove your own administrator role',
    'Öz administrator rolunuzu götürə bilməzsiniz',
    'Нельзя снять с себя роль администратора',
  ],
  [
    'Only a platform administrator may give clearance "{0}"; people you create start at "public"',
    'Yalnız platforma administratoru "{0}" buraxılış səviyyəsi verə bilər; sizin yaratdığınız şəxslər "public" səviyyəsi ilə başlayır',
    'Только администратор платформы может присвоить уровень допуска «{0}»; создаваемые вами люди получают «public»',
  ],
  [
    'Only a platform administrator may change a clearance',
    'Buraxılış səviyyəsini yalnız platforma administratoru dəyişə bilər',
    'Изменить уровень допуска может только администратор платформы',
  ],
  [
    'You cannot give clearance "{0}": it is above your own ("{1}")',
    '"{0}" buraxılış səviyyəsini verə bilməzsiniz: o, sizin səviyyənizdən ("{1}") yüksəkdir',
    'Нельзя присвоить уровень допуска «{0}»: он выше вашего («{1}»)',
  ],
  [
    'The import was refused, nothing was written: row(s) {0} set a clearance you may not give',
    'İdxal rədd edildi, heç nə yazılmadı: {0} nömrəli sətir(lər)də verə bilmədiyiniz buraxılış səviyyəsi var',
    'Импорт отклонён, ничего не записано: в строках {0} указан уровень допуска, который вы не можете присвоить',
  ],
  [
    'The move must be dated after the current membership began ({0})',
    'Keçid tarixi cari üzvlüyün başlanğıcından ({0}) sonra olmalıdır',
    'Дата перевода должна быть позже начала текущего членства ({0})',
  ],
  ['Must be after {0}', '{0} tarixindən sonra olmalıdır', 'Должно быть позже {0}'],
  [
    'The parent organisation does not exist',
    'Yuxarı təşkilat mövcud deyil',
    'Вышестоящая организация не существует',
  ],
  [
    'An organisation with code "{0}" already exists',
    '"{0}" kodlu təşkilat artıq var',
    'Организация с кодом «{0}» уже существует',
  ],
  [
    'An organisation cannot be placed under itself or one of its own units',
    'Təşkilat özünün və ya öz tabeliyindəki qurumun altına yerləşdirilə bilməz',
    'Организацию нельзя подчинить ей самой или её подразделению',
  ],
  ['This would make a cycle', 'Bu, dövrə yaradardı', 'Это создало бы цикл'],
  [
    'The parent unit is not in this organisation',
    'Yuxarı struktur bölmə bu təşkilatda deyil',
    'Вышестоящее подразделение не относится к этой организации',
  ],
  [
    'A unit with code "{0}" already exists here',
    '"{0}" kodlu struktur bölmə burada artıq var',
    'Подразделение с кодом «{0}» здесь уже есть',
  ],
  // files and uploads
  [
    'Send the file as multipart/form-data in the field "file"',
    'Faylı "file" sahəsində multipart/form-data kimi göndərin',
    'Отправьте файл как multipart/form-data в поле «file»',
  ],
  ['No file was sent', 'Fayl göndərilməyib', 'Файл не отправлен'],
  ['The file is empty', 'Fayl boşdur', 'Файл пуст'],
  [
    'Files of this type ({0}) cannot be uploaded',
    'Bu növ fayllar ({0}) yüklənə bilməz',
    'Файлы этого типа ({0}) загружать нельзя',
  ],
  [
    'The file "{0}" is named .{1} but its content is {2}',
    '"{0}" faylının adı .{1} ilə bitir, lakin məzmunu {2} növündədir',
    'Файл «{0}» назван как .{1}, но его содержимое — {2}',
  ],
  [
    'You are not attached to an organisation',
    'Siz heç bir təşkilata bağlı deyilsiniz',
    'Вы не прикреплены ни к одной организации',
  ],
  ['The file is larger than {0} MB', 'Fayl {0} MB-dan böyükdür', 'Файл больше {0} МБ'],
  // imports
  ['The header row is not valid', 'Başlıq sətri düzgün deyil', 'Строка заголовков неверна'],
  ['Some rows are not valid', 'Bəzi sətirlər düzgün deyil', 'Некоторые строки неверны'],
  [
    'The import was refused: {0} problem(s), nothing was written',
    'İdxal rədd edildi: {0} problem, heç nə yazılmadı',
    'Импорт отклонён: проблем — {0}, ничего не записано',
  ],
  ['The column "{0}" appears twice', '"{0}" sütunu iki dəfə var', 'Столбец «{0}» встречается дважды'],
  ['Unknown column "{0}"', 'Naməlum sütun: "{0}"', 'Неизвестный столбец «{0}»'],
  ['The required column "{0}" is missing', 'Məcburi "{0}" sütunu yoxdur', 'Нет обязательного столбца «{0}»'],
  [
    'This row has more cells than the header',
    'Bu sətirdə başlıqdan çox xana var',
    'В этой строке больше ячеек, чем в заголовке',
  ],
  ['The workbook has no sheets', 'İş kitabında vərəq yoxdur', 'В книге нет листов'],
  [
    'The file is not a readable XLSX workbook',
    'Fayl oxuna bilən XLSX iş kitabı deyil',
    'Файл не является читаемой книгой XLSX',
  ],
  [
    'The file is neither XLSX nor CSV text',
    'Fayl nə XLSX, nə də CSV mətnidir',
    'Файл не является ни XLSX, ни текстом CSV',
  ],
  [
    'The CSV file is not UTF-8 encoded. Save it as "CSV UTF-8" and try again.',
    'CSV faylı UTF-8 kodlaşdırmasında deyil. Onu "CSV UTF-8" kimi saxlayın və yenidən cəhd edin.',
    'Файл CSV не в кодировке UTF-8. Сохраните его как «CSV UTF-8» и повторите.',
  ],
  [
    'The CSV file cannot be read near line {0}: {1}',
    'CSV faylı {0}-ci sətir ətrafında oxunmur: {1}',
    'Файл CSV не читается около строки {0}: {1}',
  ],
  [
    'An import may hold at most {0} rows',
    'İdxalda ən çoxu {0} sətir ola bilər',
    'Импорт может содержать не более {0} строк',
  ],
  [
    'The code "{0}" is also on row {1}',
    '"{0}" kodu {1}-ci sətirdə də var',
    'Код «{0}» есть также в строке {1}',
  ],
  [
    'An organisation cannot be its own parent',
    'Təşkilat özünə tabe ola bilməz',
    'Организация не может быть вышестоящей для самой себя',
  ],
  [
    'No organisation with code "{0}" in the file or the portal',
    '"{0}" kodlu təşkilat nə faylda, nə də portalda var',
    'Организации с кодом «{0}» нет ни в файле, ни на портале',
  ],
  [
    'The parents form a cycle through "{0}"',
    'Tabeçilik "{0}" üzərindən dövrə yaradır',
    'Подчинённость образует цикл через «{0}»',
  ],
  [
    'The e-mail "{0}" is also on row {1}',
    '"{0}" e-poçtu {1}-ci sətirdə də var',
    'Адрес «{0}» есть также в строке {1}',
  ],
  ['No organisation with code "{0}"', '"{0}" kodlu təşkilat yoxdur', 'Организации с кодом «{0}» нет'],
  [
    'You may not manage users of "{0}"',
    '"{0}" təşkilatının istifadəçilərini idarə edə bilməzsiniz',
    'Вы не можете управлять пользователями «{0}»',
  ],
  ['You may not grant roles', 'Rol verə bilməzsiniz', 'Вы не можете назначать роли'],
  [
    'This user belongs to another organisation: move them on their page',
    'Bu istifadəçi başqa təşkilata aiddir: onu öz səhifəsində köçürün',
    'Этот пользователь относится к другой организации: переведите его на его странице',
  ],
  [
    'Use letters, digits, dot, slash, dash or underscore',
    'Hərf, rəqəm, nöqtə, sləş, defis və ya alt xətt işlədin',
    'Используйте буквы, цифры, точку, косую черту, дефис или подчёркивание',
  ],
  ['Required', 'Məcburidir', 'Обязательно'],
  ['Empty', 'Boşdur', 'Пусто'],
  // the HTTP layer
  ['Some fields are not valid', 'Bəzi sahələr düzgün doldurulmayıb', 'Некоторые поля заполнены неверно'],
  [
    'Something went wrong on our side. Quote the request id to support.',
    'Bizim tərəfdə xəta baş verdi. Dəstək xidmətinə sorğu identifikatorunu bildirin.',
    'На нашей стороне произошла ошибка. Сообщите в поддержку идентификатор запроса.',
  ],
  ['The request is larger than allowed', 'Sorğu icazə veriləndən böyükdür', 'Запрос больше допустимого'],
  [
    'This content type is not accepted here',
    'Bu məzmun növü burada qəbul edilmir',
    'Этот тип содержимого здесь не принимается',
  ],
  [
    'The request body is not valid JSON',
    'Sorğunun məzmunu düzgün JSON deyil',
    'Тело запроса — неверный JSON',
  ],
  ['The request could not be read', 'Sorğunu oxumaq mümkün olmadı', 'Не удалось прочитать запрос'],
  [
    'Too many requests. Wait a moment and try again.',
    'Həddindən çox sorğu. Bir az gözləyib yenidən cəhd edin.',
    'Слишком много запросов. Подождите немного и повторите.',
  ],
  [
    'Too many requests. Try again in {0} s.',
    'Həddindən çox sorğu. {0} saniyədən sonra yenidən cəhd edin.',
    'Слишком много запросов. Повторите через {0} с.',
  ],
  [
    'Organisation parents could not be ordered',
    'Təşkilatların tabeçiliyini sıralamaq mümkün olmadı',
    'Не удалось упорядочить подчинённость организаций',
  ],
  ['The database does not answer', 'Verilənlər bazası cavab vermir', 'База данных не отвечает'],
]

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const ALL = [
  ...CATALOGUE,
  ...PLAN_MESSAGES,
  ...PLAN_IMPORT_MESSAGES,
  ...COORDINATION_SERVICE_MESSAGES,
  ...COORDINATION_MESSAGES,
]
const compiled = ALL.map(([en, az, ru]) => ({
  pattern: new RegExp(`^${escapeRegExp(en).replace(/\\\{(\d)\\\}/g, '(.*?)')}$`, 's'),
  order: [...en.matchAll(/\{(\d)\}/g)].map((m) => Number(m[1])),
  az,
  ru,
}))

/** The message in `locale`; English, and any message without a template, pass through unchanged. */
export const translate = (message: string, locale: Locale): string => {
  if (locale === 'en') return message
  for (const c of compiled) {
    const m = c.pattern.exec(message)
    if (!m) continue
    const values: string[] = []
    c.order.forEach((n, i) => {
      values[n] = m[i + 1] ?? ''
    })
    return c[locale].replace(/\{(\d)\}/g, (_, n: string) => values[Number(n)] ?? '')
  }
  return message
}

/**
 * The language a request asks for: the first of az, en, ru in Accept-Language; otherwise
 * Azerbaijani, the portal's default language (a request without the header is not asking for English).
 */
export const localeOf = (acceptLanguage: string | undefined): Locale => {
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.trim().slice(0, 2).toLowerCase()
    if (tag === 'az' || tag === 'en' || tag === 'ru') return tag
  }
  return 'az'
}

export const catalogueSize = ALL.length

const ZOD_LOCALES = { az: z.locales.az, en: z.locales.en, ru: z.locales.ru }

/** Zod's own messages in `locale`, for validation outside the route schemas (imports). */
export const zodErrorMap = (locale: Locale) => ZOD_LOCALES[locale]().localeError
