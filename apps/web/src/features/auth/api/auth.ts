import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useRouter } from '@tanstack/react-router'
import { api } from '../../../lib/api.ts'
import { meKeys } from '../../me/api/me.ts'

/** better-auth endpoints under /api/auth. */
export interface SignInResult {
  twoFactorRedirect?: boolean
  user?: { id: string }
}
export interface EnableTwoFactorResult {
  totpURI: string
  backupCodes: string[]
}

export const authApi = {
  signIn: (email: string, password: string) =>
    api.post<SignInResult>('/api/auth/sign-in/email', { email, password }),
  verifyTotp: (code: string) =>
    api.post<unknown>('/api/auth/two-factor/verify-totp', { code }, { noStepUp: true }),
  verifyBackupCode: (code: string) =>
    api.post<unknown>('/api/auth/two-factor/verify-backup-code', { code }, { noStepUp: true }),
  signOut: () => api.post<unknown>('/api/auth/sign-out', {}),
  enableTwoFactor: (password: string) =>
    api.post<EnableTwoFactorResult>('/api/auth/two-factor/enable', { password }),
  disableTwoFactor: (password: string) => api.post<unknown>('/api/auth/two-factor/disable', { password }),
  requestPasswordReset: (email: string) =>
    api.post<unknown>('/api/auth/request-password-reset', { email, redirectTo: '/reset-password' }),
  resetPassword: (token: string, newPassword: string) =>
    api.post<unknown>('/api/auth/reset-password', { token, newPassword }),
  changePassword: (currentPassword: string, newPassword: string, revokeOtherSessions: boolean) =>
    api.post<unknown>('/api/auth/change-password', { currentPassword, newPassword, revokeOtherSessions }),
}

/** Sign out, leave the signed-in pages, then forget every cached answer. */
export function useSignOut() {
  const qc = useQueryClient()
  const router = useRouter()
  return useMutation({
    mutationFn: authApi.signOut,
    onSettled: async () => {
      await router.navigate({ to: '/sign-in' })
      qc.clear()
    },
  })
}

export function useRefreshMe() {
  const qc = useQueryClient()
  return () => qc.invalidateQueries({ queryKey: meKeys.me() })
}
