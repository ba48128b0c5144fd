import { describe, expect, it } from 'vitest'
import {
  deriveValue,
  isValidDate,
  isValidFin,
  isValidIdCard,
  normalise,
  normaliseAddress,
  normaliseDate,
  normaliseIdentifier,
  normalisePatronymic,
  normaliseSex,
  patronymicSex,
  phoneticKey,
  surnameStem,
} from './normalise.ts'

describe('names', () => {
  it('normalises Latin and Cyrillic spellings of one name alike', () => {
    expect(normalise('name', 'ƏLİ')).toBe('əli')
    expect(normalise('surname', 'Мәммәдов')).toBe(normalise('surname', 'MƏMMƏDOV'))
  })
  it('reads an empty or blank value as missing', () => {
    expect(normalise('name', '   ')).toBeNull()
    expect(normalise('name', null)).toBeNull()
    expect(normalise('name', '---')).toBeNull()
    expect(normalise('code', '?')).toBeNull()
  })
  it('strips oğlu and qızı from patronymics, in any script', () => {
    expect(normalisePatronymic('Həsən oğlu')).toBe('həsən')
    expect(normalisePatronymic('Həsən qızı')).toBe('həsən')
    expect(normalisePatronymic('Гасан оглы')).toBe('qasan')
    expect(normalisePatronymic('Vüqar')).toBe('vüqar')
  })
  it('reads the sex implied by the patronymic', () => {
    expect(patronymicSex('Həsən oğlu')).toBe('m')
    expect(patronymicSex('Əli qızı')).toBe('f')
    expect(patronymicSex('Гасан кызы')).toBe('f')
    expect(patronymicSex('Həsən')).toBeNull()
  })
  it('gives masculine and feminine surnames one stem', () => {
    expect(surnameStem('məmmədov')).toBe('məmməd')
    expect(surnameStem('məmmədova')).toBe('məmməd')
    expect(surnameStem('əliyev')).toBe(surnameStem('əliyeva'))
    expect(surnameStem('şirinli')).toBe('şirin')
    expect(surnameStem('ov')).toBe('ov')
  })
  it('strips the dotless -lı and the -zadə endings, in any case and spelling', () => {
    expect(surnameStem(normalise('surname', 'Hacılı') ?? '')).toBe('hacı')
    // Capital I is dotless ı in Azerbaijani, so HACILI is Hacılı, not Hacili.
    expect(normalise('surname', 'HACILI')).toBe('hacılı')
    expect(surnameStem(normalise('surname', 'HACILI') ?? '')).toBe('hacı')
    expect(surnameStem('qasımlı')).toBe('qasım')
    expect(surnameStem('sultanlı')).toBe('sultan')
    expect(surnameStem('quluzadə')).toBe('qulu')
    expect(surnameStem(normalise('surname', 'QULUZADƏ') ?? '')).toBe('qulu')
    expect(surnameStem('quluzade')).toBe('qulu')
    expect(surnameStem('mustafazadə')).toBe('mustafa')
    // Written in Cyrillic, the surname meets its Latin spelling once folded.
    expect(deriveValue('surname', 'stem', normalise('surname', 'Кулизаде'))).toBe('kuli')
    expect(deriveValue('surname', 'stem', 'quluzadə')).toBe(deriveValue('surname', 'stem', 'quluzade'))
    expect(deriveValue('surname', 'stem', 'hacılı')).toBe(deriveValue('surname', 'stem', 'hacili'))
    // An ending with too little before it is the whole name.
    expect(surnameStem('zadə')).toBe('zadə')
  })
  it('builds a phonetic key that ignores vowels after the first letter', () => {
    expect(phoneticKey('məmməd')).toBe(phoneticKey('mamed'))
    expect(phoneticKey('hüseyn')).toBe('hsn')
    expect(phoneticKey('')).toBe('')
  })
})

describe('dates', () => {
  it('reads the formats used in registers', () => {
    expect(normaliseDate('1985-03-07')).toBe('1985-03-07')
    expect(normaliseDate('7.3.1985')).toBe('1985-03-07')
    expect(normaliseDate('07/03/1985')).toBe('1985-03-07')
    expect(normaliseDate('19850307')).toBe('1985-03-07')
    expect(normaliseDate('1985-03-07T00:00:00Z')).toBe('1985-03-07')
  })
  it('refuses impossible dates', () => {
    expect(normaliseDate('1985-02-30')).toBeNull()
    expect(normaliseDate('1985-13-01')).toBeNull()
    expect(normaliseDate('2001-02-29')).toBeNull()
    expect(normaliseDate('1700-01-01')).toBeNull()
    expect(normaliseDate('yesterday')).toBeNull()
    expect(isValidDate(2000, 2, 29)).toBe(true)
  })
  it('derives year, month-day, day number and the transposed date', () => {
    expect(deriveValue('date', 'year', '1985-03-07')).toBe('1985')
    expect(deriveValue('date', 'md', '1985-03-07')).toBe('03-07')
    expect(deriveValue('date', 'days', '1970-01-02')).toBe('1')
    expect(deriveValue('date', 'swap', '1985-03-07')).toBe('1985-07-03')
    expect(deriveValue('date', 'swap', '1985-03-25')).toBeNull()
    expect(deriveValue('date', 'swap', '1985-03-03')).toBeNull()
  })
})

describe('identifiers', () => {
  it('upper-cases, strips separators and replaces Cyrillic look-alikes', () => {
    expect(normaliseIdentifier(' 5ab-c 12d ')).toBe('5ABC12D')
    expect(normaliseIdentifier('АА 1234567')).toBe('AA1234567')
    expect(normaliseIdentifier('aze.12345678')).toBe('AZE12345678')
  })
  it('checks the FIN', () => {
    expect(isValidFin('5ABC12D')).toBe(true)
    expect(isValidFin('5ABC12')).toBe(false)
    expect(isValidFin('5ABC12DE')).toBe(false)
    expect(isValidFin('5ABÇ12D')).toBe(false)
  })
  it('checks identity card numbers of both series', () => {
    expect(isValidIdCard('AZE12345678')).toBe(true)
    expect(isValidIdCard('AA1234567')).toBe(true)
    expect(isValidIdCard('AA123456')).toBe(false)
    expect(isValidIdCard('AB1234567')).toBe(false)
  })
})

describe('addresses and codes', () => {
  it('expands the abbreviations clerks use', () => {
    expect(normaliseAddress('Nizami küç.')).toBe('nizami küçəsi')
    expect(normaliseAddress('Nizami küçəsi')).toBe('nizami küçəsi')
    expect(normaliseAddress('H.Əliyev pr.')).toBe('h əliyev prospekti')
    expect(normaliseAddress('ул. Низами')).toBe('küçəsi nizami')
  })
  it('expands döngəsi, mənzil and qəsəbəsi from their abbreviations and variants', () => {
    for (const lane of ['Nizami döng.', 'Nizami döngə', 'Nizami dongesi', 'NİZAMİ DÖNG.', 'пер. Низами'])
      expect(normaliseAddress(lane)?.split(' ').sort()).toEqual(['döngəsi', 'nizami'])
    for (const flat of ['mən. 5', 'mən.5', 'mənz. 5', 'Mənzil 5', 'kv.5', 'кв. 5', 'menzil 5'])
      expect(normaliseAddress(flat)).toBe('mənzil 5')
    for (const village of ['Binəqədi qəs.', 'Binəqədi qəsəbə', 'Binəqədi qəsəbəsi', 'Binəqədi qesebesi'])
      expect(normaliseAddress(village)).toBe('binəqədi qəsəbəsi')
    expect(normaliseAddress('пос. Бинагади')).toBe('qəsəbəsi binaqadi')
    expect(normaliseAddress('Nizami 2-ci döng., mən.7')).toBe('nizami 2-ci döngəsi mənzil 7')
    // The full word is not expanded again, and a word that merely begins like one is left alone.
    expect(normaliseAddress('Nizami döngəsi')).toBe('nizami döngəsi')
    expect(normaliseAddress('Mənzilli küçəsi')).toBe('mənzilli küçəsi')
  })
  it('reads sex codes in three languages', () => {
    expect(normaliseSex('K')).toBe('m')
    expect(normaliseSex('kişi')).toBe('m')
    expect(normaliseSex('Qadın')).toBe('f')
    expect(normaliseSex('Ж')).toBe('f')
    expect(normaliseSex('x')).toBe('x')
  })
  it('keeps codes as trimmed lower case', () => {
    expect(normalise('code', ' 12/05 ')).toBe('12 05')
  })
})
