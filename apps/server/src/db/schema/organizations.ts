import type { I18nText } from '@qalxan/contracts'
import { date, index, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core'
import { user } from './auth.ts'

export const organizations = pgTable(
  'organizations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull().unique(),
    name: jsonb('name').$type<I18nText>().notNull(),
    shortName: text('short_name'),
    type: text('type').notNull(),
    jurisdiction: text('jurisdiction').notNull().default('national'),
    parentId: uuid('parent_id'),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('organizations_parent_idx').on(t.parentId)],
)

export const orgUnits = pgTable(
  'org_units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    parentId: uuid('parent_id'),
    code: text('code'),
    name: jsonb('name').$type<I18nText>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('org_units_org_idx').on(t.orgId), unique('org_units_code_uq').on(t.orgId, t.code)],
)

/** Dated membership of a person in an organisation: the composition on any past date can be shown. */
export const memberships = pgTable(
  'memberships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    unitId: uuid('unit_id').references(() => orgUnits.id),
    position: text('position'),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('memberships_user_idx').on(t.userId), index('memberships_org_idx').on(t.orgId)],
)
