import type {
  AgendaItem,
  AgendaItemInput,
  AssignmentInput,
  AttendanceInput,
  DecisionInput,
  InvitationResultSchema,
  Meeting,
  MeetingDetail,
  MeetingInput,
  MeetingUpdate,
  Minutes,
} from '@qalxan/contracts'
import { keepPreviousData, queryOptions, useMutation } from '@tanstack/react-query'
import type { z } from 'zod'
import { api } from '../../../lib/api.ts'
import { useInvalidateCoordination } from './bodies.ts'
import { coordKeys } from './keys.ts'

export type InvitationResult = z.infer<typeof InvitationResultSchema>
export type MeetingFile = 'agenda' | 'minutes'
export type FileFormat = 'pdf' | 'docx'

const enc = encodeURIComponent
const mPath = (id: string) => `/api/meetings/${enc(id)}`

export const calendarQuery = (from: string, to: string, bodyId?: string) =>
  queryOptions({
    queryKey: coordKeys.calendar(from, to, bodyId),
    queryFn: ({ signal }) => api.get<Meeting[]>('/api/meetings', { query: { from, to, bodyId }, signal }),
    placeholderData: keepPreviousData,
  })

export const meetingQuery = (id: string) =>
  queryOptions({
    queryKey: coordKeys.meeting(id),
    queryFn: ({ signal }) => api.get<MeetingDetail>(mPath(id), { signal }),
  })

/** A mutation after which every coordination query is refreshed. */
function useCoordMutation<V, R>(fn: (v: V) => Promise<R>) {
  const invalidate = useInvalidateCoordination()
  return useMutation({ mutationFn: fn, onSuccess: invalidate })
}

export const useScheduleMeeting = () =>
  useCoordMutation((input: MeetingInput) => api.post<Meeting>('/api/meetings', input))

export const useUpdateMeeting = (id: string) =>
  useCoordMutation((input: MeetingUpdate) => api.patch<Meeting>(mPath(id), input))

export const useCancelMeeting = (id: string) =>
  useCoordMutation((reason: string) => api.post<Meeting>(`${mPath(id)}/cancel`, { reason }))

export const useMarkHeld = (id: string) => useCoordMutation(() => api.post<Meeting>(`${mPath(id)}/held`, {}))

export const useSendInvitations = (id: string) =>
  useCoordMutation((extra: string[]) => api.post<InvitationResult>(`${mPath(id)}/invitations`, { extra }))

export const useAddAgendaItem = (meetingId: string) =>
  useCoordMutation((input: AgendaItemInput) => api.post<AgendaItem>(`${mPath(meetingId)}/agenda`, input))

export const useUpdateAgendaItem = () =>
  useCoordMutation(({ id, input }: { id: string; input: AgendaItemInput }) =>
    api.put<AgendaItem>(`/api/agenda-items/${enc(id)}`, input),
  )

export const useRemoveAgendaItem = () =>
  useCoordMutation((id: string) => api.del<void>(`/api/agenda-items/${enc(id)}`))

export const useReorderAgenda = (meetingId: string) =>
  useCoordMutation((itemIds: string[]) =>
    api.put<AgendaItem[]>(`${mPath(meetingId)}/agenda/order`, { itemIds }),
  )

export const useRequestItemReports = () =>
  useCoordMutation(({ itemId, orgIds, dueOn }: { itemId: string; orgIds: string[]; dueOn: string }) =>
    api.post<unknown>(`/api/agenda-items/${enc(itemId)}/requests`, { orgIds, dueOn }),
  )

export const useSubmitItemReport = () =>
  useCoordMutation(({ id, text, fileId }: { id: string; text: string; fileId: string | null }) =>
    api.post<unknown>(`/api/item-requests/${enc(id)}/submit`, { text, fileId }),
  )

export const useSaveAttendance = (meetingId: string) =>
  useCoordMutation((input: AttendanceInput) => api.put<unknown>(`${mPath(meetingId)}/attendance`, input))

export const useSaveMinutes = (meetingId: string) =>
  useCoordMutation((input: { text: string; baseUpdatedAt: string | null }) =>
    api.put<Minutes | undefined>(`${mPath(meetingId)}/minutes`, input),
  )

/** At this meeting, approve the draft minutes of an earlier one (which are then locked). */
export const useApproveMinutes = (meetingId: string) =>
  useCoordMutation((earlierMeetingId: string) =>
    api.post<unknown>(`${mPath(meetingId)}/approve-minutes`, { meetingId: earlierMeetingId }),
  )

export const useAttachDocument = (meetingId: string) =>
  useCoordMutation((input: { fileId: string; title: string }) =>
    api.post<unknown>(`${mPath(meetingId)}/documents`, input),
  )

export const useRemoveDocument = () =>
  useCoordMutation((id: string) => api.del<void>(`/api/meeting-documents/${enc(id)}`))

export const useRecordDecision = (meetingId: string) =>
  useCoordMutation((input: DecisionInput) => api.post<unknown>(`${mPath(meetingId)}/decisions`, input))

export const useAddAssignment = () =>
  useCoordMutation(({ decisionId, input }: { decisionId: string; input: AssignmentInput }) =>
    api.post<unknown>(`/api/decisions/${enc(decisionId)}/assignments`, input),
  )

/** The agenda or the minutes as PDF or DOCX, in the given language. */
export const downloadMeetingFile = (meetingId: string, file: MeetingFile, format: FileFormat, lang: string) =>
  api.download(`${mPath(meetingId)}/${file}.${format}`, { query: { lang } })

/** The invitation as iCalendar, its text in the given language. */
export const downloadInvitation = (meetingId: string, lang: string) =>
  api.download(`${mPath(meetingId)}/invitation.ics`, { query: { lang } })
