import { describe, expect, it, vi } from 'vitest'
import {
  ApiError,
  buildUrl,
  createApiClient,
  filenameFromDisposition,
  NetworkError,
  parseErrorResponse,
} from './api-client.ts'

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } })

const stepUpAnswer = () =>
  json(403, {
    error: { code: 'MFA_REQUIRED', message: 'Confirm', details: { stepUp: true }, requestId: 'r1' },
  })

describe('parseErrorResponse', () => {
  it('reads the error envelope', async () => {
    const e = await parseErrorResponse(
      json(422, {
        error: {
          code: 'VALIDATION_FAILED',
          message: 'Invalid',
          details: [
            { path: 'name.az', message: 'Required' },
            { path: ['code'], message: 'Too long' },
          ],
          requestId: 'req-7',
        },
      }),
    )
    expect(e).toBeInstanceOf(ApiError)
    expect(e.status).toBe(422)
    expect(e.code).toBe('VALIDATION_FAILED')
    expect(e.requestId).toBe('req-7')
    expect(e.validationIssues).toEqual([
      { path: 'name.az', message: 'Required' },
      { path: 'code', message: 'Too long' },
    ])
  })

  it("understands the auth library's bare { code, message } answers", async () => {
    const e = await parseErrorResponse(
      json(401, { code: 'INVALID_EMAIL_OR_PASSWORD', message: 'Invalid email or password' }),
    )
    expect(e.code).toBe('UNAUTHENTICATED')
    expect(e.authCode).toBe('INVALID_EMAIL_OR_PASSWORD')
    expect(e.message).toBe('Invalid email or password')
  })

  it('falls back to the status when the body is not JSON', async () => {
    const e = await parseErrorResponse(new Response('<html>Bad gateway</html>', { status: 502 }))
    expect(e.code).toBe('INTERNAL')
    const locked = await parseErrorResponse(
      new Response('', { status: 429, headers: { 'x-request-id': 'abc' } }),
    )
    expect(locked.code).toBe('RATE_LIMITED')
    expect(locked.requestId).toBe('abc')
  })

  it('recognises step-up only with details.stepUp', async () => {
    expect((await parseErrorResponse(stepUpAnswer())).isStepUp).toBe(true)
    const setup = await parseErrorResponse(
      json(403, { error: { code: 'MFA_REQUIRED', message: 'x', requestId: 'r' } }),
    )
    expect(setup.isStepUp).toBe(false)
  })
})

describe('createApiClient', () => {
  it('sends JSON with the same-origin cookie and returns the parsed body', async () => {
    const fetch = vi.fn(async () => json(200, { ok: true }))
    const api = createApiClient({ fetch, getLocale: () => 'ru' })
    await expect(api.post('/api/things', { a: 1 })).resolves.toEqual({ ok: true })
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe('/api/things')
    expect(init.method).toBe('POST')
    expect(init.credentials).toBe('same-origin')
    expect(init.body).toBe('{"a":1}')
    expect((init.headers as Record<string, string>)['content-type']).toBe('application/json')
    expect((init.headers as Record<string, string>)['accept-language']).toBe('ru')
  })

  it('throws ApiError on failure', async () => {
    const api = createApiClient({
      fetch: async () =>
        json(404, { error: { code: 'NOT_FOUND', message: 'Organisation "x" not found', requestId: 'r' } }),
    })
    await expect(api.get('/api/organizations/x')).rejects.toMatchObject({ status: 404, code: 'NOT_FOUND' })
  })

  it('reports an unreachable server as NetworkError, not as a server answer', async () => {
    const api = createApiClient({
      fetch: async () => {
        throw new TypeError('Failed to fetch')
      },
    })
    await expect(api.get('/api/me')).rejects.toBeInstanceOf(NetworkError)
  })

  it('returns undefined for 204', async () => {
    const api = createApiClient({ fetch: async () => new Response(null, { status: 204 }) })
    await expect(api.del('/api/tokens/1')).resolves.toBeUndefined()
  })

  it('asks for step-up and retries the request once when confirmed', async () => {
    const fetch = vi
      .fn()
      .mockResolvedValueOnce(stepUpAnswer())
      .mockResolvedValueOnce(json(200, { saved: true }))
    const onStepUp = vi.fn(async () => true)
    const api = createApiClient({ fetch, getStepUpHandler: () => onStepUp })
    await expect(api.put('/api/users/1/roles', { grants: [] })).resolves.toEqual({ saved: true })
    expect(onStepUp).toHaveBeenCalledTimes(1)
    expect(fetch).toHaveBeenCalledTimes(2)
    const retry = fetch.mock.calls[1] as [string, RequestInit]
    expect(retry[0]).toBe('/api/users/1/roles')
    expect(retry[1].method).toBe('PUT')
    expect(retry[1].body).toBe('{"grants":[]}')
  })

  it('gives up with the original error when step-up is cancelled', async () => {
    const fetch = vi.fn(async () => stepUpAnswer())
    const api = createApiClient({ fetch, getStepUpHandler: () => async () => false })
    await expect(api.post('/api/tokens', {})).rejects.toMatchObject({ code: 'MFA_REQUIRED' })
    expect(fetch).toHaveBeenCalledTimes(1)
  })

  it('does not loop when the retry still needs step-up', async () => {
    const fetch = vi.fn(async () => stepUpAnswer())
    const onStepUp = vi.fn(async () => true)
    const api = createApiClient({ fetch, getStepUpHandler: () => onStepUp })
    await expect(api.get('/api/audit/export.csv')).rejects.toMatchObject({ code: 'MFA_REQUIRED' })
    expect(fetch).toHaveBeenCalledTimes(2)
    expect(onStepUp).toHaveBeenCalledTimes(1)
  })

  it('shows one prompt for requests that need step-up at the same time', async () => {
    const fetch = vi
      .fn()
      .mockResolvedValueOnce(stepUpAnswer())
      .mockResolvedValueOnce(stepUpAnswer())
      .mockImplementation(async () => json(200, {}))
    let release: (ok: boolean) => void = () => {}
    const onStepUp = vi.fn(() => new Promise<boolean>((r) => (release = r)))
    const api = createApiClient({ fetch, getStepUpHandler: () => onStepUp })
    const both = Promise.all([api.post('/api/tokens', {}), api.del('/api/tokens/2')])
    await vi.waitFor(() => expect(onStepUp).toHaveBeenCalled())
    await new Promise((r) => setTimeout(r, 0))
    release(true)
    await both
    expect(onStepUp).toHaveBeenCalledTimes(1)
    expect(fetch).toHaveBeenCalledTimes(4)
  })

  it('never offers step-up for the verification call itself', async () => {
    const onStepUp = vi.fn(async () => true)
    const api = createApiClient({ fetch: async () => stepUpAnswer(), getStepUpHandler: () => onStepUp })
    await expect(
      api.post('/api/auth/two-factor/verify-totp', { code: '123456' }, { noStepUp: true }),
    ).rejects.toMatchObject({ code: 'MFA_REQUIRED' })
    expect(onStepUp).not.toHaveBeenCalled()
  })

  it('sends FormData as multipart without a JSON content type', async () => {
    const fetch = vi.fn(async () => json(200, { dryRun: true, rows: 0, created: 0, updated: 0, issues: [] }))
    const api = createApiClient({ fetch })
    const body = new FormData()
    body.append('file', new Blob(['a,b']), 'x.csv')
    await api.request('POST', '/api/organizations/import', { body, query: { dryRun: true } })
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe('/api/organizations/import?dryRun=true')
    expect(init.body).toBe(body)
    expect((init.headers as Record<string, string>)['content-type']).toBeUndefined()
  })
})

describe('helpers', () => {
  it('builds query strings without empty values', () => {
    expect(buildUrl('', '/api/users', { q: 'a b', orgId: undefined, limit: 25, offset: 0, x: '' })).toBe(
      '/api/users?q=a+b&limit=25&offset=0',
    )
  })

  it('reads the download file name', () => {
    expect(filenameFromDisposition('attachment; filename="audit-2026.csv"')).toBe('audit-2026.csv')
    expect(filenameFromDisposition("attachment; filename*=UTF-8''t%C9%99%C5%9Fkilat.xlsx")).toBe(
      'təşkilat.xlsx',
    )
    expect(filenameFromDisposition(null)).toBeNull()
  })
})
