/** Only same-site paths may be a redirect target after sign-in, never another origin. */
export function safeRedirect(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.includes('\\'))
    return '/'
  if (value.startsWith('/sign-in')) return '/'
  return value
}
