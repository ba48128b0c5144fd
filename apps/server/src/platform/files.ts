import { createHash, randomUUID } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, rename, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { AppError } from './errors.ts'

/** Evidence files on disk, stored once under their SHA-256 (ab/cd/abcd…). */
export type FileStore = {
  put(stream: Readable, maxBytes: number): Promise<{ sha256: string; size: number; head: Buffer }>
  open(sha256: string): Readable
  has(sha256: string): Promise<boolean>
  root: string
}

export const createFileStore = (root: string): FileStore => {
  const pathOf = (sha: string) => join(root, sha.slice(0, 2), sha.slice(2, 4), sha)
  return {
    root,
    async put(stream, maxBytes) {
      const tmpDir = join(root, 'tmp')
      await mkdir(tmpDir, { recursive: true })
      const tmp = join(tmpDir, randomUUID())
      const hash = createHash('sha256')
      let size = 0
      const chunks: Buffer[] = []
      let headLen = 0
      try {
        await pipeline(
          stream,
          async function* (source: AsyncIterable<Buffer>) {
            for await (const chunk of source) {
              size += chunk.length
              if (size > maxBytes) {
                throw new AppError(
                  'PAYLOAD_TOO_LARGE',
                  `The file is larger than ${Math.round(maxBytes / 1048576)} MB`,
                )
              }
              if (headLen < 4100) {
                chunks.push(chunk)
                headLen += chunk.length
              }
              hash.update(chunk)
              yield chunk
            }
          },
          createWriteStream(tmp),
        )
        // A truncated multipart stream ends early without an error of its own.
        if ((stream as Readable & { truncated?: boolean }).truncated) {
          throw new AppError(
            'PAYLOAD_TOO_LARGE',
            `The file is larger than ${Math.round(maxBytes / 1048576)} MB`,
          )
        }
        const sha256 = hash.digest('hex')
        const dest = pathOf(sha256)
        await mkdir(join(dest, '..'), { recursive: true })
        await rename(tmp, dest)
        return { sha256, size, head: Buffer.concat(chunks).subarray(0, 4100) }
      } catch (err) {
        await rm(tmp, { force: true })
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
