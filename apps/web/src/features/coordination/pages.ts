/**
 * The coordination pages other than the execution summary, loaded as one lazy chunk: the first
 * screen's code then carries one import and one preload list for all of them (its budget is tight),
 * and moving between calendar, bodies, meetings and assignments needs no further download. The
 * summary, which carries ECharts, loads on its own.
 */
export { AssignmentsPage } from './components/assignments-page.tsx'
export { BodiesPage } from './components/bodies-page.tsx'
export { BodyPage } from './components/body-page.tsx'
export { CalendarPage } from './components/calendar-page.tsx'
export { MeetingPage } from './components/meeting-page.tsx'
