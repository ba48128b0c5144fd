import type { NetContext } from '../net/context.ts'
import { fetchChain, fetchOnce } from '../net/http-fetch.ts'
import type { HttpChain, WebEvidence } from '../types.ts'

export const CORS_PROBE_ORIGIN = 'https://cors-probe.invalid'

export const wwwVariant = (host: string) => (host.startsWith('www.') ? undefined : `www.${host}`)

const finalUrl = (chain?: HttpChain) => (chain?.final ? chain.hops[chain.hops.length - 1]?.url : undefined)

/** The pages a browser would see: apex and www, over HTTP and HTTPS, each with its redirect chain. */
export const collectWeb = async (
  ctx: NetContext,
  host: string,
  parts: { cors: boolean; securityTxt: boolean; robots: boolean },
): Promise<WebEvidence> => {
  const www = wwwVariant(host)
  const wwwLive = www ? (await ctx.addresses(www)).length > 0 : false
  const [httpsApex, httpsWww, httpApex, httpWww] = await Promise.all([
    fetchChain(ctx, `https://${host}/`, { readBody: true }),
    wwwLive ? fetchChain(ctx, `https://${www}/`) : undefined,
    fetchChain(ctx, `http://${host}/`),
    wwwLive ? fetchChain(ctx, `http://${www}/`) : undefined,
  ])
  const evidence: WebEvidence = {
    https: { apex: httpsApex, ...(httpsWww ? { www: httpsWww } : {}) },
    http: { apex: httpApex, ...(httpWww ? { www: httpWww } : {}) },
  }
  let canonical = httpsApex
  if (!httpsApex.final && httpsWww?.final) {
    canonical = await fetchChain(ctx, `https://${www}/`, { readBody: true })
    evidence.https.www = canonical
  }
  const final = finalUrl(canonical)
  if (!final) return evidence
  evidence.canonical = final
  const origin = new URL(final).origin
  const tasks: Promise<void>[] = []
  if (parts.cors) {
    tasks.push(
      fetchOnce(ctx, final, { headers: { origin: CORS_PROBE_ORIGIN } }).then(({ hop }) => {
        evidence.cors = {
          origin: CORS_PROBE_ORIGIN,
          headers: hop.headers,
          ...(hop.error ? { error: hop.error } : {}),
        }
      }),
    )
  }
  if (parts.robots) {
    tasks.push(
      fetchOnce(ctx, `${origin}/robots.txt`).then(({ hop }) => {
        evidence.robotsCookies = hop.headers.filter(([k]) => k === 'set-cookie').map(([, v]) => v)
      }),
    )
  }
  if (parts.securityTxt) {
    tasks.push(
      (async () => {
        evidence.securityTxt = []
        for (const path of ['/.well-known/security.txt', '/security.txt']) {
          const { hop, body } = await fetchOnce(ctx, `${origin}${path}`, { readBody: true })
          const contentType = hop.headers.find(([k]) => k === 'content-type')?.[1]
          evidence.securityTxt.push({
            url: hop.url,
            ...(hop.status ? { status: hop.status } : {}),
            ...(contentType ? { contentType } : {}),
            ...(body !== undefined && hop.status === 200 ? { body: body.slice(0, 100 * 1024 + 1) } : {}),
            ...(hop.error ? { error: hop.error } : {}),
          })
          if (hop.status === 200) break
        }
      })(),
    )
  }
  await Promise.all(tasks)
  return evidence
}
