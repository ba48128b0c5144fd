// Name, street and place pools for the synthetic voters' list, roughly in order of frequency.

// biome-ignore format: a data table reads better in rows
export const MALE_NAMES = [
  'Əli', 'Məmməd', 'Hüseyn', 'Həsən', 'Elvin', 'Ramil', 'Orxan', 'Elnur', 'Rəşad', 'Tural',
  'Vüsal', 'Kamran', 'Fərid', 'Anar', 'Ceyhun', 'Samir', 'Rauf', 'Elçin', 'Nicat', 'Emin',
  'Murad', 'Ruslan', 'Namiq', 'Elşən', 'Zaur', 'Vüqar', 'Cavid', 'Rövşən', 'İlham', 'Fuad',
  'Vaqif', 'Arif', 'Rafiq', 'Tofiq', 'Şahin', 'Mübariz', 'Elxan', 'Əliağa', 'Qasım', 'Nurlan',
  'Ilqar', 'Cəlal', 'Fərhad', 'Eldar', 'Yaşar', 'Bəhruz', 'Kənan', 'Nihad', 'Toğrul', 'Aqil',
  'Rasim', 'Telman', 'Xəyyam', 'Zahid', 'Azər', 'Səməd', 'İsmayıl', 'İbrahim', 'Yusif', 'Musa',
  'Ağa', 'Bəxtiyar', 'Cavad', 'Dünyamalı', 'Ələsgər', 'Firudin', 'Gündüz', 'Hikmət', 'Kazım', 'Lətif',
  'Mahir', 'Nadir', 'Oqtay', 'Pərviz', 'Qafar', 'Rüstəm', 'Sabir', 'Şamil', 'Ülvi', 'Vasif',
]

// biome-ignore format: a data table reads better in rows
export const FEMALE_NAMES = [
  'Aynur', 'Günel', 'Leyla', 'Nigar', 'Səbinə', 'Aysel', 'Nərmin', 'Gülnar', 'Sevinc', 'Könül',
  'Lalə', 'Aygün', 'Ülviyyə', 'Şəbnəm', 'Xədicə', 'Zəhra', 'Fatimə', 'Nərgiz', 'Samirə', 'Vüsalə',
  'Elnurə', 'Aytən', 'Gülşən', 'Məhbubə', 'Rəna', 'Təranə', 'Yeganə', 'Zülfiyyə', 'Afət', 'Bahar',
  'Dilarə', 'Esmira', 'Firuzə', 'Gülarə', 'Hicran', 'İlahə', 'Jalə', 'Kəmalə', 'Mehriban', 'Nailə',
  'Ofelya', 'Pərvanə', 'Röya', 'Sona', 'Şəlalə', 'Tamilla', 'Ulduz', 'Validə', 'Yasəmən', 'Zərifə',
  'Arzu', 'Billurə', 'Çiçək', 'Dürdanə', 'Elmira', 'Fidan', 'Gövhər', 'Həcər', 'İradə', 'Kifayət',
  'Lamiyə', 'Mələk', 'Nuranə', 'Pakizə', 'Rübabə', 'Sədaqət', 'Tünzalə', 'Ülkər', 'Vəfa', 'Zümrüd',
]

/** Surname roots; the ending decides the masculine and feminine forms. */
// biome-ignore format: a data table reads better in rows
export const SURNAMES: [root: string, ending: 'ov' | 'yev' | 'li' | 'zadə'][] = [
  ['Məmməd', 'ov'], ['Əli', 'yev'], ['Həsən', 'ov'], ['Hüseyn', 'ov'], ['Quli', 'yev'], ['Cəfər', 'ov'],
  ['İsmayıl', 'ov'], ['Abbas', 'ov'], ['Rza', 'yev'], ['Kərim', 'ov'], ['Mustafa', 'yev'], ['Baba', 'yev'],
  ['Oruc', 'ov'], ['Nəsir', 'ov'], ['Qasım', 'ov'], ['Süleyman', 'ov'], ['Rəhim', 'ov'], ['Əhməd', 'ov'],
  ['Bayram', 'ov'], ['Sadıq', 'ov'], ['Vəli', 'yev'], ['Allahverdi', 'yev'], ['Nəbi', 'yev'], ['Zeynal', 'ov'],
  ['İbrahim', 'ov'], ['Musa', 'yev'], ['Hacı', 'yev'], ['Səfər', 'ov'], ['Heydər', 'ov'], ['Sultan', 'ov'],
  ['Əsgər', 'ov'], ['Məhərrəm', 'ov'], ['Qurban', 'ov'], ['Novruz', 'ov'], ['Tağı', 'yev'], ['Rüstəm', 'ov'],
  ['Paşa', 'yev'], ['Şükür', 'ov'], ['Yusif', 'ov'], ['Ağa', 'yev'], ['Xəlil', 'ov'], ['Salman', 'ov'],
  ['Qəhrəman', 'ov'], ['Əzim', 'ov'], ['Fərzəli', 'yev'], ['Bağır', 'ov'], ['Dadaş', 'ov'], ['Eyvaz', 'ov'],
  ['Fətəli', 'yev'], ['Qədir', 'ov'], ['Hümbət', 'ov'], ['İsgəndər', 'ov'], ['Kazım', 'ov'], ['Lətif', 'ov'],
  ['Mirzə', 'yev'], ['Nağı', 'yev'], ['Osman', 'ov'], ['Pənah', 'ov'], ['Rəsul', 'ov'], ['Şirin', 'ov'],
  ['Talıb', 'ov'], ['Vahab', 'ov'], ['Yaqub', 'ov'], ['Zülfüqar', 'ov'], ['Abdulla', 'yev'], ['Bəşir', 'ov'],
  ['Cabbar', 'ov'], ['Dəmir', 'ov'], ['Elxan', 'ov'], ['Fərhad', 'ov'], ['Gəray', 'ov'], ['Hətəm', 'ov'],
  ['Şirin', 'li'], ['Qarabağ', 'li'], ['Ağdam', 'li'], ['Şuşa', 'li'], ['Gəncə', 'li'], ['Laçın', 'li'],
  ['Rza', 'zadə'], ['Əli', 'zadə'], ['Hacı', 'zadə'], ['Qulu', 'zadə'], ['Mir', 'zadə'], ['Axund', 'zadə'],
  ['Mehdi', 'yev'], ['Məlik', 'ov'], ['Nuri', 'yev'], ['Ocaq', 'ov'], ['Rəşid', 'ov'], ['Sərdar', 'ov'],
]

// biome-ignore format: a data table reads better in rows
export const CITIES = [
  'Bakı', 'Sumqayıt', 'Gəncə', 'Mingəçevir', 'Şirvan', 'Lənkəran', 'Şəki', 'Naxçıvan', 'Yevlax', 'Xaçmaz',
  'Quba', 'Şamaxı', 'Qəbələ', 'Zaqatala', 'Ağdaş', 'Bərdə', 'Salyan', 'Sabirabad', 'Masallı', 'Cəlilabad',
  'Tovuz', 'Qazax', 'Şəmkir', 'Göyçay', 'Ucar', 'Kürdəmir', 'İsmayıllı', 'Biləsuvar', 'Astara', 'Lerik',
]

// biome-ignore format: a data table reads better in rows
export const STREETS = [
  'Nizami', 'Füzuli', 'Səməd Vurğun', 'Üzeyir Hacıbəyov', 'Azadlıq', 'Neftçilər', 'Həsən bəy Zərdabi',
  'Cəfər Cabbarlı', 'Mirzə Fətəli Axundov', 'Rəşid Behbudov', 'Xətai', 'Atatürk', 'Heydər Əliyev', 'Qara Qarayev',
  'Bülbül', 'Şəhriyar', 'Natəvan', 'Sabit Rəhman', 'Əhməd Cavad', 'Məhəmməd Hadi', 'Vaqif', 'Zərifə Əliyeva',
  'İstiqlaliyyət', 'Bakıxanov', 'Təbriz', 'Qarabağ', 'Şuşa', 'Xocalı', 'Gənclik', 'Bahar', 'Yaşıl', 'Dostluq',
  'Məktəb', 'Bağ', 'Sülh', 'Zəfər', 'Çinar', 'Qələbə', 'Novruz', 'Ağ şəhər',
]

export const STREET_TYPES = ['küçəsi', 'küçəsi', 'küçəsi', 'prospekti', 'döngəsi']
