import { Alert } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { describeError } from '../lib/errors.ts'

export function ErrorAlert({ error, extra }: { error: unknown; extra?: string[] }) {
  const { t } = useTranslation()
  if (!error) return null
  const { title, message } = describeError(t, error)
  return (
    <Alert color="red" title={title} role="alert">
      {message}
      {extra && extra.length > 0 && (
        <ul className="plain-list">
          {extra.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
    </Alert>
  )
}
