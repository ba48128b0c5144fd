import { describe, expect, it } from 'vitest'
import { cleanOrganizationInput } from './organization-form.tsx'

describe('cleanOrganizationInput', () => {
  it('sends empty optional texts as absent', () => {
    expect(
      cleanOrganizationInput({
        code: 'MDDT',
        name: { az: 'Rəqəmsal İnkişaf və Nəqliyyat Nazirliyi', en: '', ru: '' },
        shortName: '',
        type: 'ministry',
        jurisdiction: 'national',
        parentId: '',
      }),
    ).toEqual({
      code: 'MDDT',
      name: { az: 'Rəqəmsal İnkişaf və Nəqliyyat Nazirliyi' },
      shortName: null,
      type: 'ministry',
      jurisdiction: 'national',
      parentId: null,
    })
  })
})
