import { describe, expect, it } from 'vitest'
import { cleanText, fold, hasCyrillic, hasMixedScripts, lowerAz, transliterate, upperAz } from './text.ts'

describe('Azerbaijani case rules', () => {
  it('lowers dotted and dotless I the Azerbaijani way', () => {
    expect(lowerAz('İSMAYIL IŞIQ')).toBe('ismayıl ışıq')
    expect(upperAz('ismayıl')).toBe('İSMAYIL')
  })
  it('composes decomposed letters before comparing', () => {
    expect(lowerAz('S\u0327AHI\u0307N')).toBe('şahin')
  })
})

describe('transliteration', () => {
  it('maps Azerbaijani Cyrillic letters to the Latin alphabet', () => {
    expect(transliterate('мәммәдов')).toBe('məmmədov')
    expect(transliterate('һүсејнов')).toBe('hüseynov')
    expect(transliterate('гасымов')).toBe('qasımov')
    expect(transliterate('ҹаббаров')).toBe('cabbarov')
  })
  it('maps the Russian letters of older records', () => {
    expect(transliterate('юсиф')).toBe('yusif')
    expect(transliterate('яшар')).toBe('yaşar')
  })
  it('leaves Latin text alone', () => {
    expect(transliterate('Əliyev')).toBe('Əliyev')
    expect(hasCyrillic('Əliyev')).toBe(false)
  })
})

describe('cleanText', () => {
  it('lowers, transliterates, drops punctuation and squeezes spaces', () => {
    expect(cleanText('  МӘММӘДОВ,  Əli ')).toBe('məmmədov əli')
    expect(cleanText("O'Brien - Smith")).toBe('obrien-smith')
  })
})

describe('fold', () => {
  it('brings spellings typed without Azerbaijani letters together', () => {
    expect(fold('məmmədov')).toBe(fold('memmedov'))
    expect(fold('şükürov')).toBe('sukurov')
    expect(fold('ağayev')).toBe('agayev')
    expect(fold('qasımov')).toBe(fold('gasimov'))
  })
  it('collapses doubled letters', () => {
    expect(fold('məmmədov')).toBe('memedov')
  })
})

describe('mixed scripts', () => {
  it('finds a word with Latin and Cyrillic letters', () => {
    expect(hasMixedScripts('Мammadov')).toBe(true)
    expect(hasMixedScripts('Məmmədov Мамедов')).toBe(false)
  })
})
