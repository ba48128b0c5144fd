import { StoredFileSchema } from '@qalxan/contracts'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { AppError } from '../../platform/errors.ts'
import { actorOf } from '../identity/identity.routes.ts'
import type { FilesService } from './files.service.ts'

export const registerFiles = (app: FastifyInstance, deps: { files: FilesService }) => {
  const r = app.withTypeProvider<ZodTypeProvider>()
  r.post('/api/files', {
    config: { auth: 'user', rateLimit: { max: 30, timeWindow: '1 minute' } },
    schema: { operationId: 'uploadFile', tags: ['files'], response: { 201: StoredFileSchema } },
    handler: async (req, reply) => {
      if (!req.isMultipart())
        throw new AppError('UNSUPPORTED_MEDIA', 'Send the file as multipart/form-data in the field "file"')
      const part = await req.file()
      if (!part) throw new AppError('VALIDATION_FAILED', 'No file was sent')
      return reply.status(201).send(await deps.files.upload(actorOf(req), part.file, part.filename))
    },
  })
  r.get('/api/files/:id/content', {
    config: { auth: 'user', rateLimit: { max: 120, timeWindow: '1 minute' } },
    schema: { operationId: 'downloadFile', tags: ['files'], params: z.object({ id: z.uuid() }) },
    handler: async (req, reply) => {
      const { file, stream } = await deps.files.open(actorOf(req), req.params.id)
      return reply
        .type(file.mime)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
        .header('x-content-type-options', 'nosniff')
        .send(stream)
    },
  })
}
