import { attemptSeed } from '#app/modules/learning/progress.server.ts'
import { matchingRightColumn, questionSeed } from '#app/modules/quiz/public.ts'
import type { Quiz } from '#app/modules/quiz/schema.ts'
import type { Db } from '#db/client.server.ts'
import { rng } from './common.ts'

/**
 * What a learner on their first attempt plausibly submits: each question right with
 * probability 0.7, otherwise a typical mistake. Matching answers use the attempt's public
 * ids (r1, r2, …), which depend on the server-secret seed of that learner's attempt 1.
 */
export function quizForm(db: Db, quiz: Quiz, userId: number): string {
	const random = rng(userId)
	const seed = attemptSeed(db, userId, quiz.id, 1)
	const form = new URLSearchParams({ intent: 'quiz-submit', attempt: '1' })
	quiz.questions.forEach((q, index) => {
		const right = random() < 0.7
		const name = `q:${q.id}`
		switch (q.type) {
			case 'single': {
				const options = right ? q.options.filter((o) => o.correct) : q.options.filter((o) => !o.correct)
				form.append(name, options[Math.floor(random() * options.length)]!.id)
				break
			}
			case 'multiple': {
				const correct = q.options.filter((o) => o.correct).map((o) => o.id)
				const chosen = right ? correct : [...correct.slice(1), ...q.options.filter((o) => !o.correct).map((o) => o.id)]
				for (const id of chosen) form.append(name, id)
				break
			}
			case 'numeric':
				form.append(name, String(right ? q.answer : q.answer + 1_700_000))
				break
			case 'ordering': {
				const order = q.items.map((i) => i.id)
				if (!right) [order[1], order[2]] = [order[2]!, order[1]!]
				for (const id of order) form.append(name, id)
				break
			}
			case 'matching': {
				const column = matchingRightColumn(q, questionSeed(seed, index))
				const publicOf = new Map(column.map((e) => [e.id, e.publicId]))
				const targets = q.pairs.map((p) => p.id)
				if (!right) [targets[0], targets[1]] = [targets[1]!, targets[0]!]
				q.pairs.forEach((p, i) => form.append(`${name}:${p.id}`, publicOf.get(targets[i]!)!))
				break
			}
		}
	})
	return form.toString()
}
