import { budapestDate } from '../../finance/util.ts'
import type { CommandErrorCode } from '../../shared/result.ts'
import type { EventOf } from '../guards.ts'
import type { ExerciseEvent, RefusedEvent } from '../types.ts'

export { same } from '../guards.ts'

// Guard helpers shared by the local-tax exercises T1–T4 (kept in t1/ because each exercise may only
// add files inside its own folders), on top of ../guards.ts. Pure: they read the event, never the sandbox.

export type Of<T extends ExerciseEvent['type']> = EventOf<T>

/** A domain event of `type` performed in `municipality`. */
export function isIn<T extends ExerciseEvent['type']>(municipality: string, event: ExerciseEvent, type: T): event is Of<T> {
	return event.type === type && 'municipalityId' in event && event.municipalityId === municipality
}

/** A `commandType` command refused in `municipality` (optionally with one of `codes`). */
export function refusedIn(municipality: string, event: ExerciseEvent, commandType: string, ...codes: Array<CommandErrorCode>): event is RefusedEvent {
	return event.type === 'command.refused' && event.municipalityId === municipality && event.commandType === commandType && (codes.length === 0 || codes.includes(event.code))
}

/**
 * Any command refused while the other village was active in the header. The machine's own
 * 'elsewhere' guard sees only successful events; a tax officer working in the wrong village is
 * usually refused (no tax role there) and that is the same mistake.
 */
export function refusedElsewhere(municipality: string, event: ExerciseEvent): boolean {
	return event.type === 'command.refused' && event.municipalityId !== municipality
}

/** The sandbox day of an event (Europe/Budapest). */
export const dayOf = (event: { at: number }) => budapestDate(event.at)

/** The sandbox year of an event: the exercises' "this year". */
export const yearOf = (event: { at: number }) => Number(dayOf(event).slice(0, 4))
