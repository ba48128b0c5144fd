import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core'
import type { Body } from '@qalxan/contracts'
import { useQuery } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { LinkButton } from '../../../components/link-button.tsx'
import { Page, PageHeader, QueryState } from '../../../components/page.tsx'
import { formatDate, localized } from '../../../lib/format.ts'
import { useCan } from '../../me/use-can.ts'
import { assignmentsQuery } from '../api/assignments.ts'
import { bodiesQuery, bodyMeetingsQuery, bodyQuery } from '../api/bodies.ts'
import { AssignmentsTable } from './assignments-table.tsx'
import { RoleBadge } from './badges.tsx'
import { MeetingsTable } from './meetings-table.tsx'
import { MembersPanel } from './members-panel.tsx'
import '../i18n.ts'
import '../coordination.css'

export function BodyFacts({ body, parent }: { body: Body; parent?: Body }) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  return (
    <dl className="qx-facts">
      <dt>{t('coord:body.kindLabel')}</dt>
      <dd>{t(`coord:kind.${body.kind}`)}</dd>
      {body.parentId && (
        <>
          <dt>{t('coord:body.parent')}</dt>
          <dd>
            <Link to="/coordination/bodies/$bodyId" params={{ bodyId: body.parentId }}>
              {parent ? `${parent.code} · ${localized(parent.name, lang)}` : body.parentCode}
            </Link>
          </dd>
        </>
      )}
      {body.directionCode && (
        <>
          <dt>{t('coord:body.direction')}</dt>
          <dd>{body.directionCode}</dd>
        </>
      )}
      {body.establishedBy && (
        <>
          <dt>{t('coord:body.establishedBy')}</dt>
          <dd>
            {body.establishedBy}
            {body.establishedOn && ` · ${formatDate(body.establishedOn, lang)}`}
          </dd>
        </>
      )}
      <dt>{t('coord:body.members')}</dt>
      <dd>{body.memberCount}</dd>
      <dt>{t('coord:body.myRole')}</dt>
      <dd>
        <RoleBadge role={body.myRole} />
      </dd>
      {body.mandate && (
        <>
          <dt>{t('coord:body.mandate')}</dt>
          <dd className="pre-line">{body.mandate}</dd>
        </>
      )}
    </dl>
  )
}

/** One body: what it is, who sits in it (on any day), its meetings and its open assignments. */
export function BodyPage({ bodyId }: { bodyId: string }) {
  const { t, i18n } = useTranslation()
  const allowed = useCan()
  const body = useQuery(bodyQuery(bodyId))
  const bodies = useQuery(bodiesQuery())
  const meetings = useQuery(bodyMeetingsQuery(bodyId))
  const open = useQuery(assignmentsQuery({ bodyId, state: 'open' }))
  const b = body.data
  if (!b)
    return (
      <Page>
        <QueryState isPending={body.isPending} error={body.error} />
      </Page>
    )
  const parent = bodies.data?.find((x) => x.id === b.parentId)
  return (
    <Page>
      <Text size="sm">
        <Link to="/coordination/bodies">← {t('coord:body.back')}</Link>
      </Text>
      <PageHeader
        title={`${b.code} · ${localized(b.name, i18n.language)}`}
        actions={
          <>
            <LinkButton to="/coordination" search={{ body: b.id }} variant="default">
              {t('coord:calendar.title')}
            </LinkButton>
            <LinkButton to="/coordination/summary" search={{ body: b.id }} variant="default">
              {t('coord:summary.title')}
            </LinkButton>
          </>
        }
      />
      <Group gap={6}>
        <Badge variant="light" color={b.kind === 'commission' ? 'blue' : 'gray'} tt="none">
          {t(`coord:kind.${b.kind}`)}
        </Badge>
        {b.archivedAt && (
          <Badge variant="light" color="gray" tt="none">
            {t('coord:body.archived')}
          </Badge>
        )}
      </Group>
      <Card withBorder>
        <BodyFacts body={b} parent={parent} />
      </Card>
      <MembersPanel body={b} canEdit={allowed('coord.manage')} />
      <Card withBorder>
        <Stack>
          <Title order={2} size="h4">
            {t('coord:meeting.plural')}
          </Title>
          <QueryState isPending={meetings.isPending} error={meetings.error} />
          {meetings.data && <MeetingsTable meetings={meetings.data} />}
        </Stack>
      </Card>
      <Card withBorder>
        <Stack>
          <Group justify="space-between" wrap="wrap">
            <Title order={2} size="h4">
              {t('coord:assignment.openOfBody')}
            </Title>
            <Group gap="sm">
              <Link to="/coordination/assignments" search={{ body: b.id, state: 'any', org: 'any' }}>
                {t('coord:assignment.all')}
              </Link>
              <Link to="/coordination/summary" search={{ body: b.id }}>
                {t('coord:summary.title')}
              </Link>
            </Group>
          </Group>
          <QueryState isPending={open.isPending} error={open.error} />
          {open.data && <AssignmentsTable assignments={open.data.items} withDecision />}
        </Stack>
      </Card>
    </Page>
  )
}
