import type { LinkageConfigInput } from './config.ts'

/** The voters' list layout produced by precinct commissions (and by the generator in bench/linkage). */
export const votersPreset: LinkageConfigInput = {
  id: 'voter_id',
  columns: {
    fin: { kind: 'fin' },
    id_card: { kind: 'idcard' },
    last_name: { kind: 'surname', required: true },
    first_name: { kind: 'name', required: true },
    patronymic: { kind: 'patronymic', required: true },
    sex: { kind: 'sex', required: true },
    birth_date: { kind: 'date', required: true },
    constituency: { kind: 'code', required: true },
    precinct: { kind: 'code', required: true },
    city: { kind: 'name' },
    street: { kind: 'address' },
    house: { kind: 'code' },
    apartment: { kind: 'code' },
  },
  comparisons: [
    { column: 'last_name', method: 'name', tf: true, swapWith: 'first_name' },
    { column: 'first_name', method: 'name', tf: true },
    { column: 'patronymic', method: 'name', tf: true },
    { column: 'birth_date', method: 'date' },
    // A FIN is for life: two entries of one voter with unrelated FINs are rare, unlike twins.
    { column: 'fin', method: 'id', fixedM: { different: 0.002 } },
    { column: 'id_card', method: 'id' },
    { column: 'sex', method: 'exact' },
    { column: 'street', method: 'text' },
    { column: 'house', method: 'exact' },
  ],
  // Surnames and names are concentrated (a few roots cover much of the country), so every rule pairs a
  // name with a full birth date, or three names with the birth year, to keep blocks small at 6.5 million.
  blocking: [
    ['fin'],
    ['id_card'],
    ['last_name__stem', 'first_name__fold', 'birth_date'],
    ['patronymic__fold', 'birth_date', 'sex'],
    ['last_name__key', 'patronymic__key', 'birth_date'],
    ['last_name__stem', 'first_name__fold', 'patronymic__fold', 'birth_date__year'],
    ['precinct', 'first_name__key', 'birth_date__md'],
  ],
  training: {
    deterministic: [['fin'], ['last_name', 'first_name', 'patronymic', 'birth_date']],
    recall: 0.8,
  },
  thresholds: { match: 0.99, review: 0.5 },
  quality: {
    minAge: 18,
    precinct: 'precinct',
    constituency: 'constituency',
    address: ['city', 'street', 'house'],
  },
}

const febrlColumns: LinkageConfigInput['columns'] = {
  given_name: { kind: 'name' },
  surname: { kind: 'name' },
  street_number: { kind: 'code' },
  address_1: { kind: 'text' },
  address_2: { kind: 'text' },
  suburb: { kind: 'name' },
  postcode: { kind: 'id' },
  state: { kind: 'code' },
  date_of_birth: { kind: 'date' },
  soc_sec_id: { kind: 'id' },
}

/** FEBRL 1-4 (Christen's synthetic Australian records), truth in the record identifier. */
export const febrlPreset: LinkageConfigInput = {
  id: 'rec_id',
  columns: febrlColumns,
  truth: { column: 'rec_id', pattern: '^rec-(\\d+)-' },
  comparisons: [
    { column: 'given_name', method: 'name', tf: true, swapWith: 'surname' },
    { column: 'surname', method: 'name', tf: true },
    { column: 'date_of_birth', method: 'date' },
    { column: 'soc_sec_id', method: 'id' },
    { column: 'street_number', method: 'exact' },
    { column: 'address_1', method: 'text' },
    { column: 'suburb', method: 'name', tf: true },
    { column: 'postcode', method: 'id' },
    { column: 'state', method: 'exact' },
  ],
  blocking: [
    ['soc_sec_id'],
    ['given_name', 'surname'],
    ['date_of_birth'],
    ['surname__key', 'postcode'],
    ['given_name__key', 'suburb__key'],
    ['street_number', 'postcode'],
  ],
  training: {
    deterministic: [
      ['soc_sec_id', 'date_of_birth'],
      ['given_name', 'surname', 'date_of_birth'],
    ],
    recall: 0.7,
  },
  thresholds: { match: 0.99, review: 0.5 },
}

/** Splink's fake_1000 (first name, surname, dob, city, email; truth in `cluster`). */
export const fake1000Preset: LinkageConfigInput = {
  id: 'unique_id',
  columns: {
    first_name: { kind: 'name' },
    surname: { kind: 'name' },
    dob: { kind: 'date' },
    city: { kind: 'name' },
    email: { kind: 'text' },
  },
  truth: { column: 'cluster' },
  comparisons: [
    { column: 'first_name', method: 'name', tf: true, swapWith: 'surname' },
    { column: 'surname', method: 'name', tf: true },
    { column: 'dob', method: 'date' },
    { column: 'city', method: 'name', tf: true },
    { column: 'email', method: 'text' },
  ],
  blocking: [['first_name__key'], ['surname__key'], ['dob'], ['email'], ['city', 'dob__year']],
  training: { deterministic: [['first_name', 'surname', 'dob'], ['email']], recall: 0.7 },
  thresholds: { match: 0.99, review: 0.5 },
}

export const presets: Record<string, LinkageConfigInput> = {
  voters: votersPreset,
  febrl: febrlPreset,
  fake_1000: fake1000Preset,
}
