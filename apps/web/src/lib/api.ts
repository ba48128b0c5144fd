import { createApiClient, type StepUpHandler } from './api-client.ts'

let stepUpHandler: StepUpHandler | undefined
let currentLocale = 'az'

/** The step-up dialog registers itself here when it mounts. */
export function setStepUpHandler(handler: StepUpHandler | undefined): void {
  stepUpHandler = handler
}

export function setApiLocale(locale: string): void {
  currentLocale = locale
}

export const api = createApiClient({
  getStepUpHandler: () => stepUpHandler,
  getLocale: () => currentLocale,
})

/** Save a downloaded file through a temporary object URL (no inline script, CSP-safe). */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
