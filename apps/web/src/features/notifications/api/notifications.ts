import type { NotificationSchema } from '@qalxan/contracts'
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import { api } from '../../../lib/api.ts'

export type AppNotification = z.infer<typeof NotificationSchema>
export interface NotificationList {
  items: AppNotification[]
  unread: number
}

export const notificationKeys = {
  all: ['notifications'] as const,
  list: () => [...notificationKeys.all, 'list'] as const,
}

export const notificationsQuery = () =>
  queryOptions({
    queryKey: notificationKeys.list(),
    queryFn: () => api.get<NotificationList>('/api/notifications'),
    refetchInterval: 60_000,
  })

export function useNotifications() {
  return useQuery(notificationsQuery())
}

export function useMarkRead() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => api.post<unknown>(`/api/notifications/${encodeURIComponent(id)}/read`, {}),
    onSuccess: () => qc.invalidateQueries({ queryKey: notificationKeys.all }),
  })
}

export function useMarkAllRead() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: () => api.post<unknown>('/api/notifications/read-all', {}),
    onSuccess: () => qc.invalidateQueries({ queryKey: notificationKeys.all }),
  })
}
