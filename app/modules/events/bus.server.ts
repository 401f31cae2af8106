import type { DbOrTx } from '#db/client.server.ts'
import { domainEvents } from '#db/schema/learning.ts'

export type DomainEvent =
	| { type: 'learning.lesson.completed'; userId: number; payload: { courseId: string; lessonId: string } }
	| { type: 'learning.course.completed'; userId: number; payload: { courseId: string } }
	| { type: 'learning.quiz.submitted'; userId: number; payload: { courseId: string; lessonId: string; quizId: string; percent: number; passed: boolean } }
	| { type: 'exercise.completed'; userId: number; payload: { exerciseId: string; attemptId: number; score: number; passed: boolean } }
	| { type: 'training.attendance.locked'; userId: number; payload: { sessionId: number; kind: 'presentation' | 'lab'; subsystem: string } }
	| { type: 'certification.issued'; userId: number; payload: { certificateId: number; programmeId: number; number: string } }
	| { type: 'certification.expired'; userId: number; payload: { certificateId: number; programmeId: number; number: string } }

type Handler<E extends DomainEvent> = (tx: DbOrTx, event: E, now: number) => void
const handlers = new Map<DomainEvent['type'], Array<Handler<DomainEvent>>>()

/**
 * Registers a subscriber (e.g. certification listening for completed courses). Handlers run
 * synchronously inside the emitting transaction, so their writes commit or roll back with it.
 */
export function subscribe<T extends DomainEvent['type']>(type: T, handler: Handler<Extract<DomainEvent, { type: T }>>) {
	handlers.set(type, [...(handlers.get(type) ?? []), handler as Handler<DomainEvent>])
	return () => handlers.set(type, (handlers.get(type) ?? []).filter((h) => h !== handler))
}

/** Records the event in the same transaction as the change it announces, then notifies subscribers. */
export function emit(tx: DbOrTx, event: DomainEvent, now: number) {
	tx.insert(domainEvents).values({ type: event.type, userId: event.userId, payload: event.payload, at: now }).run()
	for (const handler of handlers.get(event.type) ?? []) handler(tx, event, now)
}
