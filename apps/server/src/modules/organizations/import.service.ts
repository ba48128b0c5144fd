import {
  type Clearance,
  ClearanceSchema,
  emailSchema,
  type ImportReport,
  JurisdictionSchema,
  type Locale,
  LocaleSchema,
  OrgTypeSchema,
  RoleSchema,
} from '@qalxan/contracts'
import { z } from 'zod'
import type { Clock } from '../../platform/clock.ts'
import type { Database } from '../../platform/db.ts'
import { AppError } from '../../platform/errors.ts'
import type { AccessPolicy } from '../access/access.policy.ts'
import type { Actor } from '../access/actor.ts'
import type { AuditService } from '../audit/audit.service.ts'
import { auditClearanceDenied, clearanceRefusal, defaultClearance } from './clearance.policy.ts'
import { type ImportIssue, readSheet, templateWorkbook, validateRow } from './import.fns.ts'
import { organizationsRepository as orgs, usersRepository as users } from './organizations.repository.ts'

export const ORG_COLUMNS = [
  'code',
  'name_az',
  'name_en',
  'name_ru',
  'short_name',
  'type',
  'jurisdiction',
  'parent_code',
] as const
export const USER_COLUMNS = [
  'email',
  'name',
  'organization_code',
  'position',
  'clearance',
  'locale',
  'roles',
] as const

const opt = z
  .string()
  .trim()
  .max(300)
  .transform((s) => s || undefined)
const OrgRowSchema = z.object({
  code: z
    .string()
    .trim()
    .min(1, 'Required')
    .max(64)
    .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]*$/, 'Use letters, digits, dot, slash, dash or underscore'),
  name_az: z.string().trim().min(1, 'Required').max(300),
  name_en: opt,
  name_ru: opt,
  short_name: z.string().trim().max(50).optional(),
  type: OrgTypeSchema,
  jurisdiction: z.preprocess((v) => (v === '' || v === undefined ? 'national' : v), JurisdictionSchema),
  parent_code: opt,
})
const UserRowSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(1, 'Required').max(200),
  organization_code: z.string().trim().min(1, 'Required').max(64),
  position: opt,
  // Blank: an existing person keeps theirs, a new one gets the importer's default (see clearance.policy.ts).
  clearance: z.preprocess((v) => (v === '' ? undefined : v), ClearanceSchema.optional()),
  locale: z.preprocess((v) => (v === '' || v === undefined ? 'az' : v), LocaleSchema),
  roles: z
    .string()
    .trim()
    .max(300)
    .transform((s) =>
      s
        .split(/[;,]/)
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(RoleSchema)),
})

const empty = (dryRun: boolean, rows: number): ImportReport => ({
  dryRun,
  rows,
  created: 0,
  updated: 0,
  issues: [],
})

export type ImportService = ReturnType<typeof createImportService>

export const createImportService = (deps: {
  database: Database
  clock: Clock
  audit: AuditService
  policy: AccessPolicy
  invite: (email: string) => Promise<void>
}) => {
  const { database, clock, audit, policy } = deps
  const db = database.db

  /** A report with issues means nothing was written; a real run then answers 422 with it. */
  const finish = (report: ImportReport) => {
    if (report.issues.length && !report.dryRun) {
      throw new AppError(
        'VALIDATION_FAILED',
        `The import was refused: ${report.issues.length} problem(s), nothing was written`,
        report,
      )
    }
    return report
  }

  return {
    async importOrganizations(
      actor: Actor,
      file: Buffer,
      dryRun: boolean,
      locale: Locale = 'en',
    ): Promise<ImportReport> {
      await policy.require(actor, 'org.manage')
      const rows = await readSheet(file, ORG_COLUMNS, ['code', 'name_az', 'type'])
      const report = empty(dryRun, rows.length)
      const issues: ImportIssue[] = report.issues
      const valid = rows.flatMap((r) => {
        const v = validateRow(OrgRowSchema, r, issues, (p) => p, locale)
        return v ? [{ row: r.row, v }] : []
      })
      const firstRow = new Map<string, number>()
      for (const { row, v } of valid) {
        const prev = firstRow.get(v.code)
        if (prev) issues.push({ row, column: 'code', message: `The code "${v.code}" is also on row ${prev}` })
        else firstRow.set(v.code, row)
      }
      const existing = new Map(
        (
          await orgs.byCodes(db, [
            ...new Set(valid.flatMap(({ v }) => [v.code, v.parent_code ?? '']).filter(Boolean)),
          ])
        ).map((o) => [o.code, o]),
      )
      const parentInFile = new Map(valid.map(({ v }) => [v.code, v.parent_code]))
      for (const { row, v } of valid) {
        if (!v.parent_code) continue
        if (v.parent_code === v.code)
          issues.push({ row, column: 'parent_code', message: 'An organisation cannot be its own parent' })
        else if (!parentInFile.has(v.parent_code) && !existing.has(v.parent_code)) {
          issues.push({
            row,
            column: 'parent_code',
            message: `No organisation with code "${v.parent_code}" in the file or the portal`,
          })
        } else {
          // Walk up through the file's own parents to catch a cycle.
          const seen = new Set([v.code])
          let p: string | undefined = v.parent_code
          while (p && parentInFile.has(p)) {
            if (seen.has(p)) {
              issues.push({ row, column: 'parent_code', message: `The parents form a cycle through "${p}"` })
              break
            }
            seen.add(p)
            p = parentInFile.get(p)
          }
        }
      }
      for (const { v } of valid) if (existing.has(v.code)) report.updated++
      report.created = valid.length - report.updated
      issues.sort((a, b) => a.row - b.row)
      if (issues.length || dryRun) return finish(report)

      await db.transaction(async (tx) => {
        const ids = new Map([...existing].map(([code, o]) => [code, o.id]))
        const pending = valid.map(({ v }) => v)
        // Parents first: repeat passes until every row whose parent now has an id is written.
        while (pending.length) {
          const before = pending.length
          for (let i = 0; i < pending.length; ) {
            const v = pending[i] as (typeof pending)[number]
            if (v.parent_code && !ids.has(v.parent_code)) {
              i++
              continue
            }
            const row = {
              code: v.code,
              name: { az: v.name_az, en: v.name_en, ru: v.name_ru },
              shortName: v.short_name || null,
              type: v.type,
              jurisdiction: v.jurisdiction,
              parentId: v.parent_code ? (ids.get(v.parent_code) as string) : null,
            }
            const prev = existing.get(v.code)
            const o = prev
              ? await orgs.update(tx, prev.id, { ...row, updatedAt: clock.now() })
              : await orgs.insert(tx, row)
            ids.set(v.code, o?.id as string)
            pending.splice(i, 1)
          }
          if (pending.length === before)
            throw new AppError('INTERNAL', 'Organisation parents could not be ordered')
        }
        await audit.record(tx, actor, {
          action: 'org.imported',
          targetType: 'organization',
          data: { rows: report.rows, created: report.created, updated: report.updated },
        })
      })
      return report
    },

    async importUsers(
      actor: Actor,
      file: Buffer,
      dryRun: boolean,
      locale: Locale = 'en',
    ): Promise<ImportReport> {
      await policy.require(actor, 'user.manage')
      const rows = await readSheet(file, USER_COLUMNS, ['email', 'name', 'organization_code'])
      const report = empty(dryRun, rows.length)
      const issues = report.issues
      const valid = rows.flatMap((r) => {
        const v = validateRow(UserRowSchema, r, issues, (p) => p, locale)
        return v ? [{ row: r.row, v }] : []
      })
      const firstRow = new Map<string, number>()
      for (const { row, v } of valid) {
        const prev = firstRow.get(v.email)
        if (prev)
          issues.push({ row, column: 'email', message: `The e-mail "${v.email}" is also on row ${prev}` })
        else firstRow.set(v.email, row)
      }
      const orgByCode = new Map(
        (await orgs.byCodes(db, [...new Set(valid.map(({ v }) => v.organization_code))])).map((o) => [
          o.code,
          o,
        ]),
      )
      const existing = new Map(
        (
          await users.byEmails(
            db,
            valid.map(({ v }) => v.email),
          )
        ).map((u) => [u.email, u]),
      )
      for (const { row, v } of valid) {
        const org = orgByCode.get(v.organization_code)
        if (!org) {
          issues.push({
            row,
            column: 'organization_code',
            message: `No organisation with code "${v.organization_code}"`,
          })
          continue
        }
        if (!policy.can(actor, 'user.manage', org.id)) {
          issues.push({
            row,
            column: 'organization_code',
            message: `You may not manage users of "${v.organization_code}"`,
          })
        }
        if (v.roles.length && !policy.can(actor, 'role.manage', org.id)) {
          issues.push({ row, column: 'roles', message: 'You may not grant roles' })
        }
        const prev = existing.get(v.email)
        if (prev) {
          const m = await users.currentMembership(db, prev.id)
          if (m && m.orgId !== org.id) {
            issues.push({
              row,
              column: 'organization_code',
              message: 'This user belongs to another organisation: move them on their page',
            })
          }
        }
      }
      // A clearance the importer may not give refuses the whole file, dry run or not, as the form does.
      const refused: (ImportIssue & { clearance: Clearance })[] = []
      for (const { row, v } of valid) {
        const prev = existing.get(v.email)
        if (v.clearance === undefined || v.clearance === prev?.clearance) continue
        const refusal = clearanceRefusal(actor, v.clearance, prev ? 'update' : 'create')
        if (refusal)
          refused.push({ row, column: 'clearance', message: refusal.message, clearance: v.clearance })
      }
      if (refused.length) {
        const rows = refused.map((i) => i.row)
        await auditClearanceDenied(audit, actor, {
          clearance: [...new Set(refused.map((i) => i.clearance))],
          rows,
        })
        throw new AppError(
          'FORBIDDEN',
          `The import was refused, nothing was written: row(s) ${rows.join(', ')} set a clearance you may not give`,
          refused.map(({ clearance: _, ...issue }) => issue),
        )
      }
      if (valid.some(({ v }) => v.roles.length)) policy.requireStepUp(actor)
      for (const { v } of valid) if (existing.has(v.email)) report.updated++
      report.created = valid.length - report.updated
      issues.sort((a, b) => a.row - b.row)
      if (issues.length || dryRun) return finish(report)

      const created: string[] = []
      const today = clock.now().toISOString().slice(0, 10)
      await db.transaction(async (tx) => {
        for (const { v } of valid) {
          const org = orgByCode.get(v.organization_code) as { id: string }
          const prev = existing.get(v.email)
          let userId: string
          if (prev) {
            userId = prev.id
            await users.updateUser(tx, userId, {
              name: v.name,
              ...(v.clearance ? { clearance: v.clearance } : {}),
              locale: v.locale,
              updatedAt: clock.now(),
            })
          } else {
            const u = await users.insertUser(tx, {
              id: crypto.randomUUID(),
              name: v.name,
              email: v.email,
              clearance: v.clearance ?? defaultClearance(actor),
              locale: v.locale,
            })
            userId = u.id
            await users.insertMembership(tx, {
              userId,
              orgId: org.id,
              position: v.position ?? null,
              validFrom: today,
            })
            created.push(v.email)
          }
          const held = new Set((await users.grantsOf(tx, [userId])).map((g) => `${g.role}|${g.orgId}`))
          await users.insertGrants(
            tx,
            v.roles
              .filter((role) => !held.has(`${role}|${org.id}`))
              .map((role) => ({ userId, orgId: org.id, role, grantedBy: actor.userId })),
          )
        }
        await audit.record(tx, actor, {
          action: 'user.imported',
          targetType: 'user',
          data: { rows: report.rows, created: report.created, updated: report.updated },
        })
      })
      for (const email of created) await deps.invite(email)
      return report
    },

    organizationTemplate: () =>
      templateWorkbook(
        ORG_COLUMNS,
        {
          code: 'MIN-DIGITAL',
          name_az: 'Rəqəmsal İnkişaf və Nəqliyyat Nazirliyi',
          name_en: 'Ministry of Digital Development and Transport',
          type: 'ministry',
          jurisdiction: 'national',
        },
        `Columns: ${ORG_COLUMNS.join(', ')}\ntype: one of ${OrgTypeSchema.options.join(', ')}\njurisdiction: national or nakhchivan\nparent_code: the code of the parent organisation, in this file or already in the portal`,
      ),
    userTemplate: () =>
      templateWorkbook(
        USER_COLUMNS,
        {
          email: 'focal.point@example.gov.az',
          name: 'Aysel Məmmədova',
          organization_code: 'MIN-DIGITAL',
          position: 'Baş məsləhətçi',
          clearance: 'internal',
          locale: 'az',
          roles: 'focal_point',
        },
        `Columns: ${USER_COLUMNS.join(', ')}\nclearance: public, internal or restricted (only a platform administrator may give more than public; blank keeps an existing person's)\nlocale: az, en or ru\nroles: separated by ";" — ${RoleSchema.options.join(', ')}`,
      ),
  }
}
