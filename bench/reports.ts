import fs from 'node:fs'
import path from 'node:path'
import { count, eq, isNotNull } from 'drizzle-orm'
import { hashPassword } from '#app/modules/auth/password.server.ts'
import { csvLine, peopleCsvRow } from '#app/modules/learning/report-csv.ts'
import { courseSummaries, eachCoursePerson, listCoursePeople } from '#app/modules/learning/reports.server.ts'
import { migrateDb, openDb } from '#db/client.server.ts'
import { courseProgress, lessonProgress, quizAttempts } from '#db/schema/learning.ts'
import { users } from '#db/schema/users.ts'
import { seedDemo } from '#db/seed/demo.server.ts'
import { DEMO_PASSWORD } from '#db/seed/demo-users.ts'
import { seedNational } from '#db/seed/national.server.ts'

// Learning reports at national scale: 40,000 users, every one of them started the course, half
// completed it with two quiz attempts. Goal: each page query well under 100 ms, the national CSV
// export of everyone in a few seconds.
const file = path.resolve('bench/.tmp/reports/national.db')
fs.rmSync(path.dirname(file), { recursive: true, force: true })
fs.mkdirSync(path.dirname(file), { recursive: true })
const db = openDb(file)
migrateDb(db)
const now = Date.now()
await seedDemo(db, now)
seedNational(db, now, await hashPassword(DEMO_PASSWORD))
const course = { id: 'bench-kurzus', lessons: [{ id: 'a', minutes: 5, quiz: null }, { id: 'b', minutes: 12, quiz: { id: 'kviz' } }] }
const ids = db.select({ id: users.id }).from(users).all().map((u) => u.id)
db.transaction((tx) => {
	for (const [i, userId] of ids.entries()) {
		const done = i % 2 === 0
		tx.insert(courseProgress).values({ userId, courseId: course.id, startedAt: now, completedAt: done ? now : null, lastVisitedAt: now }).run()
		tx.insert(lessonProgress).values({ userId, courseId: course.id, lessonId: 'a', startedAt: now, readAt: now, completedAt: now }).run()
		if (!done) continue
		tx.insert(lessonProgress).values({ userId, courseId: course.id, lessonId: 'b', startedAt: now, readAt: now, completedAt: now }).run()
		for (const scorePercent of [60, 90])
			tx.insert(quizAttempts).values({ userId, courseId: course.id, lessonId: 'b', quizId: 'kviz', seed: 1, startedAt: now, submittedAt: now, scorePercent, passed: scorePercent >= 80 }).run()
	}
})
db.$client.exec('analyze')
const officeId = db.select({ id: users.officeId }).from(users).where(isNotNull(users.officeId)).get()!.id!
const officeStaff = db.select({ n: count() }).from(users).where(eq(users.officeId, officeId)).get()!.n

function time<T>(fn: () => T, runs = 20) {
	fn()
	const started = performance.now()
	for (let i = 0; i < runs; i++) fn()
	return Number(((performance.now() - started) / runs).toFixed(2))
}
const result = {
	date: new Date().toISOString(),
	users: ids.length,
	officeStaff,
	msSummaryNational: time(() => courseSummaries(db, { officeId: null }, [course.id])),
	msSummaryOffice: time(() => courseSummaries(db, { officeId }, [course.id])),
	msPageNational: time(() => listCoursePeople(db, course, { officeId: null, page: 1 })),
	msPageNationalLast: time(() => listCoursePeople(db, course, { officeId: null, page: 1600 })),
	msPageNationalSearch: time(() => listCoursePeople(db, course, { officeId: null, q: 'kovacs', page: 1 })),
	msPageOffice: time(() => listCoursePeople(db, course, { officeId, page: 1 })),
	msCsvNational: time(() => {
		let bytes = 0
		for (const row of eachCoursePerson(db, course, { officeId: null })) bytes += csvLine(peopleCsvRow(row, [{ quizId: 'kviz', title: 'Kvíz' }])).length
		return bytes
	}, 2),
	msCsvOffice: time(() => [...eachCoursePerson(db, course, { officeId })].length),
}
db.$client.close()
fs.mkdirSync('bench/results', { recursive: true })
fs.writeFileSync(`bench/results/reports-${result.date.slice(0, 10)}.json`, `${JSON.stringify(result, null, '\t')}\n`)
console.log(result)
