import type { Organization, OrganizationInput, UnitInputSchema } from '@qalxan/contracts'
import type { z } from 'zod'
import type { organizations, orgUnits } from '../../db/schema/index.ts'
import type { Clock } from '../../platform/clock.ts'
import type { Database } from '../../platform/db.ts'
import { AppError, isUniqueViolation, notFound } from '../../platform/errors.ts'
import type { AccessPolicy } from '../access/access.policy.ts'
import type { Actor } from '../access/actor.ts'
import type { AuditService } from '../audit/audit.service.ts'
import { organizationsRepository as repo } from './organizations.repository.ts'

export const orgOut = (o: typeof organizations.$inferSelect): Organization => ({
  id: o.id,
  code: o.code,
  name: o.name,
  shortName: o.shortName,
  type: o.type as Organization['type'],
  jurisdiction: o.jurisdiction as Organization['jurisdiction'],
  parentId: o.parentId,
  archivedAt: o.archivedAt?.toISOString() ?? null,
  createdAt: o.createdAt.toISOString(),
  updatedAt: o.updatedAt.toISOString(),
})
const unitOut = (u: typeof orgUnits.$inferSelect) => ({
  id: u.id,
  orgId: u.orgId,
  parentId: u.parentId,
  code: u.code,
  name: u.name,
})

export type OrganizationsService = ReturnType<typeof createOrganizationsService>

export const createOrganizationsService = (deps: {
  database: Database
  clock: Clock
  audit: AuditService
  policy: AccessPolicy
}) => {
  const { database, clock, audit, policy } = deps
  const db = database.db

  const get = async (actor: Actor, id: string) => {
    await policy.require(actor, 'org.read')
    const o = await repo.byId(db, id)
    if (!o) throw notFound('Organisation', id)
    return o
  }

  return {
    async list(actor: Actor, f: { q?: string; limit: number; offset: number }) {
      await policy.require(actor, 'org.read')
      const r = await repo.list(db, f)
      return { items: r.items.map(orgOut), total: r.total }
    },
    async tree(actor: Actor) {
      await policy.require(actor, 'org.read')
      return (await repo.all(db)).map(orgOut)
    },
    get: async (actor: Actor, id: string) => orgOut(await get(actor, id)),

    async create(actor: Actor, input: OrganizationInput) {
      await policy.require(actor, 'org.manage')
      if (input.parentId && !(await repo.byId(db, input.parentId))) {
        throw new AppError('VALIDATION_FAILED', 'The parent organisation does not exist', [
          { path: 'body.parentId', message: `No organisation "${input.parentId}"` },
        ])
      }
      try {
        return await db.transaction(async (tx) => {
          const o = await repo.insert(tx, {
            ...input,
            shortName: input.shortName ?? null,
            parentId: input.parentId ?? null,
          })
          await audit.record(tx, actor, {
            action: 'org.created',
            targetType: 'organization',
            targetId: o.id,
            data: { code: o.code },
          })
          return orgOut(o)
        })
      } catch (err) {
        if (isUniqueViolation(err))
          throw new AppError('CONFLICT', `An organisation with code "${input.code}" already exists`)
        throw err
      }
    },

    async update(actor: Actor, id: string, input: Partial<OrganizationInput> & { archived?: boolean }) {
      await policy.require(actor, 'org.manage')
      const before = await get(actor, id)
      if (input.parentId) {
        if (!(await repo.byId(db, input.parentId)))
          throw new AppError('VALIDATION_FAILED', 'The parent organisation does not exist')
        if ((await repo.ancestors(db, input.parentId)).includes(id)) {
          throw new AppError(
            'VALIDATION_FAILED',
            'An organisation cannot be placed under itself or one of its own units',
            [{ path: 'body.parentId', message: 'This would make a cycle' }],
          )
        }
      }
      const { archived, ...rest } = input
      try {
        return await db.transaction(async (tx) => {
          const o = await repo.update(tx, id, {
            ...rest,
            ...(archived === undefined ? {} : { archivedAt: archived ? clock.now() : null }),
            updatedAt: clock.now(),
          })
          if (!o) throw notFound('Organisation', id)
          await audit.record(tx, actor, {
            action: 'org.updated',
            targetType: 'organization',
            targetId: id,
            data: { before: orgOut(before), changes: input },
          })
          return orgOut(o)
        })
      } catch (err) {
        if (isUniqueViolation(err))
          throw new AppError('CONFLICT', `An organisation with code "${input.code}" already exists`)
        throw err
      }
    },

    async units(actor: Actor, orgId: string) {
      await get(actor, orgId)
      return (await repo.units(db, orgId)).map(unitOut)
    },
    async createUnit(actor: Actor, orgId: string, input: z.infer<typeof UnitInputSchema>) {
      await get(actor, orgId)
      await policy.require(actor, 'org.manage', orgId)
      if (input.parentId) {
        const parent = await repo.unitById(db, input.parentId)
        if (!parent || parent.orgId !== orgId)
          throw new AppError('VALIDATION_FAILED', 'The parent unit is not in this organisation')
      }
      try {
        return await db.transaction(async (tx) => {
          const u = await repo.insertUnit(tx, {
            orgId,
            name: input.name,
            code: input.code ?? null,
            parentId: input.parentId ?? null,
          })
          await audit.record(tx, actor, {
            action: 'org.unit_created',
            targetType: 'org_unit',
            targetId: u.id,
            data: { orgId },
          })
          return unitOut(u)
        })
      } catch (err) {
        if (isUniqueViolation(err))
          throw new AppError('CONFLICT', `A unit with code "${input.code}" already exists here`)
        throw err
      }
    },
  }
}
