import { Badge, Group } from '@mantine/core'
import type { RoleGrant } from '@qalxan/contracts'
import { useTranslation } from 'react-i18next'
import { localized } from '../../../lib/format.ts'
import { useOrganizationTree } from '../../organizations/api/organizations.ts'

export function RoleBadges({ grants, homeOrgId }: { grants: RoleGrant[]; homeOrgId?: string | null }) {
  const { t, i18n } = useTranslation()
  const tree = useOrganizationTree()
  if (grants.length === 0) return <span className="muted">—</span>
  return (
    <Group gap={4}>
      {grants.map((g) => {
        const org = g.orgId !== homeOrgId ? tree.data?.find((o) => o.id === g.orgId) : undefined
        return (
          <Badge key={`${g.role}:${g.orgId}`} variant="light" size="sm" tt="none">
            {t(`role.${g.role}`)}
            {org ? ` · ${org.shortName || localized(org.name, i18n.language)}` : ''}
          </Badge>
        )
      })}
    </Group>
  )
}
