import { subscribe } from '#app/modules/events/bus.server.ts'
import { programmesRequiring, reevaluateLearner } from './issue.server.ts'

let registered = false

/**
 * Certification listens to the evidence events and re-evaluates the learner inside the emitting
 * transaction (ADR 013). Called once per process where the bus lives: app/entry.server.tsx for the
 * web app; tests and scripts that need issuing call it themselves. Idempotent.
 */
export function registerCertificationSubscribers() {
	if (registered) return
	registered = true
	subscribe('learning.course.completed', (tx, e, now) => {
		reevaluateLearner(tx, e.userId, now, programmesRequiring(tx, 'course', e.payload.courseId))
	})
	subscribe('learning.quiz.submitted', (tx, e, now) => {
		reevaluateLearner(tx, e.userId, now, programmesRequiring(tx, 'quiz', `${e.payload.courseId}/${e.payload.lessonId}`))
	})
	subscribe('exercise.completed', (tx, e, now) => {
		reevaluateLearner(tx, e.userId, now, programmesRequiring(tx, 'exercise', e.payload.exerciseId))
	})
	subscribe('training.attendance.locked', (tx, e, now) => {
		reevaluateLearner(tx, e.userId, now, programmesRequiring(tx, e.payload.kind, e.payload.subsystem))
	})
}
