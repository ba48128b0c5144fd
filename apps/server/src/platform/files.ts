import { createHash, randomUUID } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, rename, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { AppError } from './errors.ts'

/** How much of a file is read before anything is written, for judging its type by content. */
export const HEAD_BYTES = 4100

/** Evidence files on disk, stored once under their SHA-256 (ab/cd/abcd…). */
export type FileStore = {
  /**
   * Stores the stream. `inspect` sees the first HEAD_BYTES (all of a shorter file) before a byte
   * reaches the disk; if it throws, nothing is written and the error passes on.
   */
  put(
    stream: Readable,
    maxBytes: number,
    inspect?: (head: Buffer) => Promise<void> | void,
  ): Promise<{ sha256: string; size: number; head: Buffer }>
  open(sha256: string): Readable
  has(sha256: string): Promise<boolean>
  root: string
}

export const createFileStore = (root: string): FileStore => {
  const pathOf = (sha: string) => join(root, sha.slice(0, 2), sha.slice(2, 4), sha)
  return {
    root,
    async put(stream, maxBytes, inspect) {
      const tooLarge = () =>
        new AppError('PAYLOAD_TOO_LARGE', `The file is larger than ${Math.round(maxBytes / 1048576)} MB`)
      // A multipart stream cut at the size limit ends early without an error of its own.
      const truncated = () => Boolean((stream as Readable & { truncated?: boolean }).truncated)
      const hash = createHash('sha256')
      let size = 0
      const take = (chunk: Buffer) => {
        size += chunk.length
        if (size > maxBytes) throw tooLarge()
        hash.update(chunk)
        return chunk
      }
      const source = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>
      let tmp: string | null = null
      try {
        // First the head, in memory: a file refused for its type or size never touches the disk.
        const first: Buffer[] = []
        let headLen = 0
        let ended = false
        while (headLen < HEAD_BYTES) {
          const next = await source.next()
          if (next.done) {
            ended = true
            break
          }
          first.push(take(next.value))
          headLen += next.value.length
        }
        if (ended && truncated()) throw tooLarge()
        const head = Buffer.concat(first).subarray(0, HEAD_BYTES)
        await inspect?.(head)

        const tmpDir = join(root, 'tmp')
        await mkdir(tmpDir, { recursive: true })
        tmp = join(tmpDir, randomUUID())
        await pipeline(async function* () {
          yield* first
          if (ended) return
          for (;;) {
            const next = await source.next()
            if (next.done) return
            yield take(next.value)
          }
        }, createWriteStream(tmp))
        if (truncated()) throw tooLarge()
        const sha256 = hash.digest('hex')
        const dest = pathOf(sha256)
        await mkdir(join(dest, '..'), { recursive: true })
        await rename(tmp, dest)
        return { sha256, size, head }
      } catch (err) {
        // The rest of the upload is not wanted: stop reading it.
        stream.destroy()
        if (tmp) await rm(tmp, { force: true })
        throw err
      }
    },
    open: (sha) => createReadStream(pathOf(sha)),
    has: async (sha) =>
      stat(pathOf(sha)).then(
        () => true,
        () => false,
      ),
  }
}
