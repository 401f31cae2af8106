import type { ExerciseEvent } from './types.ts'

// Building blocks of exercise guards, shared by every definition.

export type EventOf<T extends ExerciseEvent['type']> = Extract<ExerciseEvent, { type: T }>

/** Guard helpers bound to the exercise's municipality (null: any). */
export function inMunicipality(municipality: string | null) {
	const here = (event: ExerciseEvent) => municipality === null || !('municipalityId' in event) || event.municipalityId === municipality
	return {
		/** The event has this type and happened in the exercise's municipality. */
		is: <T extends ExerciseEvent['type']>(event: ExerciseEvent, type: T): event is EventOf<T> => event.type === type && here(event),
		/** A command of one of these types was refused here with this error code. */
		refused: (event: ExerciseEvent, commandTypes: ReadonlyArray<string>, code: string): boolean =>
			event.type === 'command.refused' && here(event) && commandTypes.includes(event.commandType) && event.code === code,
	}
}

/** Ids arrive as strings in events and as numbers in facts: compare them as text. */
export const same = (a: string | number | undefined, b: string | number | undefined) => a !== undefined && String(a) === String(b)

/** A budget line as `rovat/funkció/amount`, to compare sets of lines. */
export const lineKey = (l: { rovat: string; funkcio: string; amount: number }) => `${l.rovat}/${l.funkcio}/${l.amount}`
