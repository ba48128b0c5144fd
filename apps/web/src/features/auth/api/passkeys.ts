import {
  browserSupportsWebAuthn,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  startAuthentication,
  startRegistration,
} from '@simplewebauthn/browser'
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '../../../lib/api.ts'
import { meKeys } from '../../me/api/me.ts'

export interface Passkey {
  id: string
  name?: string | null
  deviceType?: string
  backedUp?: boolean
  createdAt: string
}

export const passkeysSupported = (): boolean => typeof window !== 'undefined' && browserSupportsWebAuthn()

export const passkeyKeys = { list: () => [...meKeys.all, 'passkeys'] as const }

/** Sign-in and step-up in one: the server records the passkey as a verified second factor. */
export async function authenticateWithPasskey(): Promise<void> {
  const optionsJSON = await api.get<PublicKeyCredentialRequestOptionsJSON>(
    '/api/auth/passkey/generate-authenticate-options',
    { noStepUp: true },
  )
  const response = await startAuthentication({ optionsJSON })
  await api.post('/api/auth/passkey/verify-authentication', { response }, { noStepUp: true })
}

export async function registerPasskey(name: string): Promise<void> {
  const optionsJSON = await api.get<PublicKeyCredentialCreationOptionsJSON>(
    '/api/auth/passkey/generate-register-options',
    { noStepUp: true },
  )
  const response = await startRegistration({ optionsJSON })
  await api.post('/api/auth/passkey/verify-registration', { response, name }, { noStepUp: true })
}

export const passkeysQuery = () =>
  queryOptions({
    queryKey: passkeyKeys.list(),
    queryFn: ({ signal }) => api.get<Passkey[]>('/api/auth/passkey/list-user-passkeys', { signal }),
  })

export function useRegisterPasskey() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: registerPasskey,
    onSuccess: () => qc.invalidateQueries({ queryKey: meKeys.all }),
  })
}

export function useDeletePasskey() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => api.post('/api/auth/passkey/delete-passkey', { id }),
    onSuccess: () => qc.invalidateQueries({ queryKey: meKeys.all }),
  })
}

/** The browser's own refusal (cancelled dialog, no authenticator) is not an error to report loudly. */
export const isWebAuthnCancel = (e: unknown): boolean =>
  e instanceof Error && (e.name === 'NotAllowedError' || e.name === 'AbortError' || /cancel/i.test(e.message))
