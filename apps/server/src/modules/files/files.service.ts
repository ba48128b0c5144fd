import type { Readable } from 'node:stream'
import type { StoredFile } from '@qalxan/contracts'
import { eq } from 'drizzle-orm'
import { fileTypeFromBuffer } from 'file-type'
import { files } from '../../db/schema/index.ts'
import type { Database } from '../../platform/db.ts'
import { AppError, notFound } from '../../platform/errors.ts'
import type { FileStore } from '../../platform/files.ts'
import type { AccessPolicy } from '../access/access.policy.ts'
import type { Actor } from '../access/actor.ts'
import type { AuditService } from '../audit/audit.service.ts'

/** Evidence types accepted, by what the bytes are (not what the name says). */
const ALLOWED = new Map<string, string[]>([
  ['application/pdf', ['pdf']],
  ['image/png', ['png']],
  ['image/jpeg', ['jpg', 'jpeg']],
  ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', ['docx']],
  ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ['xlsx']],
  ['application/vnd.openxmlformats-officedocument.presentationml.presentation', ['pptx']],
  ['application/vnd.oasis.opendocument.text', ['odt']],
  ['application/vnd.oasis.opendocument.spreadsheet', ['ods']],
  ['application/zip', ['zip']],
  ['text/plain', ['txt', 'csv', 'log', 'md']],
])
/** Roles that review other organisations' evidence. */
const REVIEWERS = new Set(['admin', 'secretariat', 'evaluator', 'auditor'])

const isText = (head: Buffer) =>
  !head.includes(0) && !new TextDecoder('utf-8').decode(head).slice(0, -4).includes('\uFFFD')

export const sniffType = async (head: Buffer, filename: string) => {
  const ext = filename.includes('.') ? (filename.split('.').pop() ?? '').toLowerCase() : ''
  const detected = await fileTypeFromBuffer(head)
  const mime = detected?.mime ?? (isText(head) ? 'text/plain' : 'application/octet-stream')
  const exts = ALLOWED.get(mime)
  if (!exts) throw new AppError('UNSUPPORTED_MEDIA', `Files of this type (${mime}) cannot be uploaded`)
  if (ext && !exts.includes(ext)) {
    throw new AppError(
      'UNSUPPORTED_MEDIA',
      `The file "${filename}" is named .${ext} but its content is ${mime}`,
    )
  }
  return mime
}

const out = (f: typeof files.$inferSelect): StoredFile => ({
  id: f.id,
  sha256: f.sha256,
  filename: f.filename,
  mime: f.mime,
  size: f.size,
  orgId: f.orgId,
  createdAt: f.createdAt.toISOString(),
})

export type FilesService = ReturnType<typeof createFilesService>

export const createFilesService = (deps: {
  database: Database
  store: FileStore
  audit: AuditService
  policy: AccessPolicy
  maxBytes: number
}) => {
  const { database, store, audit, policy } = deps
  return {
    async upload(actor: Actor, stream: Readable, filename: string): Promise<StoredFile> {
      if (!actor.orgId) throw new AppError('PRECONDITION_FAILED', 'You are not attached to an organisation')
      await policy.require(actor, 'file.upload', actor.orgId)
      // Path separators and control characters never reach a Content-Disposition header.
      const safeName =
        [...filename]
          .map((c) => (c === '/' || c === '\\' || c.charCodeAt(0) < 32 ? '_' : c))
          .join('')
          .slice(0, 200) || 'file'
      // The type is judged from the head before the store writes anything: a refused file leaves no bytes.
      let mime = ''
      const { sha256, size } = await store.put(stream, deps.maxBytes, async (head) => {
        if (head.length === 0) throw new AppError('VALIDATION_FAILED', 'The file is empty')
        mime = await sniffType(head, safeName)
      })
      return database.db.transaction(async (tx) => {
        const [f] = await tx
          .insert(files)
          .values({
            sha256,
            filename: safeName,
            mime,
            size,
            orgId: actor.orgId as string,
            uploadedBy: actor.userId,
          })
          .returning()
        const row = f as typeof files.$inferSelect
        await audit.record(tx, actor, {
          action: 'file.uploaded',
          targetType: 'file',
          targetId: row.id,
          data: { sha256, size, mime },
        })
        return out(row)
      })
    },
    async open(actor: Actor, id: string) {
      const [f] = await database.db.select().from(files).where(eq(files.id, id))
      if (!f) throw notFound('File', id)
      const mayRead = actor.orgId === f.orgId || actor.grants.some((g) => REVIEWERS.has(g.role))
      if (!mayRead) {
        await policy.requireVisible(actor, 'file.upload', f.orgId, 'File', id)
      }
      return { file: out(f), stream: store.open(f.sha256) }
    },
  }
}
