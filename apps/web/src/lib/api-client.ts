/**
 * The one HTTP client of the web app. It speaks JSON, turns every failure into an ApiError
 * (from the server's error envelope, or from the bare shapes that the auth endpoints and proxies
 * answer with), and handles step-up: when the server answers MFA_REQUIRED with `stepUp: true`,
 * it asks the registered handler for a fresh second-factor check and retries the request once.
 */

export interface ValidationIssue {
  path: string
  message: string
}

const STATUS_CODES: Record<number, string> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  412: 'PRECONDITION_FAILED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA',
  422: 'VALIDATION_FAILED',
  429: 'RATE_LIMITED',
}

export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly details: unknown
  readonly requestId: string | undefined
  /** The code of the auth library when it answered outside the envelope, e.g. INVALID_EMAIL_OR_PASSWORD. */
  readonly authCode: string | undefined

  constructor(init: {
    status: number
    code: string
    message: string
    details?: unknown
    requestId?: string
    authCode?: string
  }) {
    super(init.message)
    this.name = 'ApiError'
    this.status = init.status
    this.code = init.code
    this.details = init.details
    this.requestId = init.requestId
    this.authCode = init.authCode
  }

  /** The server wants a recent second-factor check before it does this. */
  get isStepUp(): boolean {
    return this.code === 'MFA_REQUIRED' && isRecord(this.details) && this.details.stepUp === true
  }

  /** Field problems of a 422, each path joined with dots (`name.az`). */
  get validationIssues(): ValidationIssue[] {
    if (this.code !== 'VALIDATION_FAILED') return []
    const list = Array.isArray(this.details)
      ? this.details
      : isRecord(this.details) && Array.isArray(this.details.issues)
        ? this.details.issues
        : []
    return list.filter(isRecord).map((issue) => ({
      path: Array.isArray(issue.path) ? issue.path.join('.') : String(issue.path ?? ''),
      message: String(issue.message ?? ''),
    }))
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError

/** The request never got an answer: offline, DNS, connection refused, blocked by the browser. */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('Network request failed', { cause })
    this.name = 'NetworkError'
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** Build an ApiError from any failed response, whatever shape its body has. */
export async function parseErrorResponse(res: Response): Promise<ApiError> {
  const fallbackCode = STATUS_CODES[res.status] ?? (res.status >= 500 ? 'INTERNAL' : 'UNKNOWN')
  const headerRequestId = res.headers.get('x-request-id') ?? undefined
  let body: unknown
  try {
    const text = await res.text()
    body = text ? JSON.parse(text) : undefined
  } catch {
    body = undefined
  }
  if (isRecord(body) && isRecord(body.error) && typeof body.error.code === 'string') {
    const e = body.error
    return new ApiError({
      status: res.status,
      code: e.code as string,
      message: typeof e.message === 'string' ? e.message : res.statusText,
      details: e.details,
      requestId: typeof e.requestId === 'string' ? e.requestId : headerRequestId,
    })
  }
  if (isRecord(body) && (typeof body.message === 'string' || typeof body.code === 'string')) {
    return new ApiError({
      status: res.status,
      code: fallbackCode,
      message: typeof body.message === 'string' ? body.message : res.statusText,
      authCode: typeof body.code === 'string' ? body.code : undefined,
      requestId: headerRequestId,
    })
  }
  return new ApiError({
    status: res.status,
    code: fallbackCode,
    message: res.statusText || `HTTP ${res.status}`,
    requestId: headerRequestId,
  })
}

export type StepUpHandler = () => Promise<boolean>

export interface RequestOptions {
  body?: unknown
  query?: Record<string, string | number | boolean | null | undefined>
  signal?: AbortSignal
  /** Do not offer step-up for this call (the step-up verification itself). */
  noStepUp?: boolean
}

export interface DownloadResult {
  blob: Blob
  filename: string | null
}

export interface ApiClientOptions {
  fetch?: typeof fetch
  baseUrl?: string
  getStepUpHandler?: () => StepUpHandler | undefined
  getLocale?: () => string
}

export function buildUrl(baseUrl: string, path: string, query?: RequestOptions['query']): string {
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === undefined || v === null || v === '') continue
    params.set(k, String(v))
  }
  const qs = params.toString()
  return `${baseUrl}${path}${qs ? (path.includes('?') ? '&' : '?') + qs : ''}`
}

export function filenameFromDisposition(header: string | null): string | null {
  if (!header) return null
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header)
  if (star?.[1]) return decodeURIComponent(star[1])
  const plain = /filename="?([^";]+)"?/i.exec(header)
  return plain?.[1] ?? null
}

export function createApiClient(options: ApiClientOptions = {}) {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init))
  const baseUrl = options.baseUrl ?? ''
  // One prompt for all requests that need step-up at the same moment.
  let pendingStepUp: Promise<boolean> | null = null

  function stepUp(): Promise<boolean> {
    const handler = options.getStepUpHandler?.()
    if (!handler) return Promise.resolve(false)
    if (!pendingStepUp) {
      pendingStepUp = handler()
        .catch(() => false)
        .finally(() => {
          pendingStepUp = null
        })
    }
    return pendingStepUp
  }

  async function send(method: string, path: string, opts: RequestOptions): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json' }
    const locale = options.getLocale?.()
    if (locale) headers['accept-language'] = locale
    let body: BodyInit | undefined
    if (opts.body instanceof FormData) body = opts.body
    else if (opts.body !== undefined) {
      headers['content-type'] = 'application/json'
      body = JSON.stringify(opts.body)
    }
    const attempt = async () => {
      try {
        return await doFetch(buildUrl(baseUrl, path, opts.query), {
          method,
          headers,
          body,
          credentials: 'same-origin',
          signal: opts.signal,
        })
      } catch (e) {
        if (e instanceof DOMException && e.name === 'AbortError') throw e
        throw new NetworkError(e)
      }
    }
    const res = await attempt()
    if (res.ok) return res
    const error = await parseErrorResponse(res)
    if (error.isStepUp && !opts.noStepUp && (await stepUp())) {
      const retry = await attempt()
      if (retry.ok) return retry
      throw await parseErrorResponse(retry)
    }
    throw error
  }

  async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
    const res = await send(method, path, opts)
    if (res.status === 204) return undefined as T
    const text = await res.text()
    if (!text) return undefined as T
    const type = res.headers.get('content-type') ?? ''
    return (type.includes('json') ? JSON.parse(text) : text) as T
  }

  async function download(path: string, opts: RequestOptions = {}): Promise<DownloadResult> {
    const res = await send('GET', path, opts)
    return {
      blob: await res.blob(),
      filename: filenameFromDisposition(res.headers.get('content-disposition')),
    }
  }

  return {
    request,
    download,
    get: <T>(path: string, opts?: RequestOptions) => request<T>('GET', path, opts),
    post: <T>(path: string, body?: unknown, opts?: RequestOptions) =>
      request<T>('POST', path, { ...opts, body }),
    patch: <T>(path: string, body?: unknown, opts?: RequestOptions) =>
      request<T>('PATCH', path, { ...opts, body }),
    put: <T>(path: string, body?: unknown, opts?: RequestOptions) =>
      request<T>('PUT', path, { ...opts, body }),
    del: <T>(path: string, opts?: RequestOptions) => request<T>('DELETE', path, opts),
  }
}

export type ApiClient = ReturnType<typeof createApiClient>
