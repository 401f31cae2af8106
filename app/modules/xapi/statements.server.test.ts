import { expect, test } from 'vitest'
import { xapiStatements } from '#db/schema/learning.ts'
import { createUser } from '#tests/factories.ts'
import { createTestDb } from '#tests/setup/test-db.ts'
import {
	filterFromSearchParams,
	issueStatement,
	MAX_LIMIT,
	queryStatements,
	VERBS,
	XapiQueryError,
	type ActivityRef,
	type XapiVerb,
} from './statements.server.ts'

const NOW = Date.parse('2017-01-02T08:00:00Z')
const COURSE: ActivityRef = { kind: 'course', courseId: 'gazdalkodas-alapok', name: { hu: 'Gazdálkodási alapok', en: 'Finance basics' } }
const QUIZ: ActivityRef = {
	kind: 'quiz',
	courseId: 'gazdalkodas-alapok',
	lessonId: 'kotelezettsegvallalas',
	quizId: 'ellenjegyzes',
	name: { hu: 'Ellenjegyzés – teszt', en: 'Countersigning – quiz' },
}
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
const agentOf = (userId: number) => JSON.stringify({ objectType: 'Agent', account: { homePage: 'http://localhost:3000/', name: String(userId) } })

function get(db: ReturnType<typeof createTestDb>, id: string): Record<string, any> {
	return queryStatements(db, { limit: 0 }).statements.find((s) => s.id === id) as Record<string, any>
}

test('a statement carries every field xAPI 1.0.3 requires, and the row keys it for filtering', () => {
	const db = createTestDb()
	const user = createUser(db)
	const id = issueStatement(db, {
		user,
		verb: 'passed',
		activity: QUIZ,
		result: { scaled: 1.7, raw: 9, min: 0, max: 10, success: true, completion: true, response: 'b' },
		now: NOW,
	})
	expect(id).toMatch(UUID)
	const s = get(db, id)
	expect(s.id).toBe(id)
	expect(s.version).toBe('1.0.3')
	expect(s.timestamp).toBe('2017-01-02T08:00:00.000Z')
	expect(s.stored).toBe('2017-01-02T08:00:00.000Z')
	// Actor: an Agent identified by exactly one IFI, an account on this platform.
	expect(s.actor).toEqual({ objectType: 'Agent', name: user.name, account: { homePage: expect.stringMatching(/^https?:\/\/.+\/$/), name: String(user.id) } })
	expect(new URL(s.actor.account.homePage).pathname).toBe('/')
	expect(s.verb).toEqual({ id: 'http://adlnet.gov/expapi/verbs/passed', display: { 'en-US': 'passed', 'hu-HU': 'sikeresen teljesítette' } })
	expect(s.object.objectType).toBe('Activity')
	expect(s.object.id).toMatch(/\/xapi\/activities\/course\/gazdalkodas-alapok\/lesson\/kotelezettsegvallalas\/quiz\/ellenjegyzes$/)
	expect(URL.canParse(s.object.id)).toBe(true)
	expect(s.object.definition).toEqual({
		name: { 'hu-HU': 'Ellenjegyzés – teszt', 'en-US': 'Countersigning – quiz' },
		type: 'http://adlnet.gov/expapi/activities/assessment',
	})
	// scaled is clamped to −1..1; the rest as given.
	expect(s.result).toEqual({ score: { scaled: 1, raw: 9, min: 0, max: 10 }, success: true, completion: true, response: 'b' })
	expect(s.context.contextActivities.parent[0].id).toMatch(/\/course\/gazdalkodas-alapok\/lesson\/kotelezettsegvallalas$/)
	expect(s.context.contextActivities.grouping[0].id).toMatch(/\/course\/gazdalkodas-alapok$/)
	expect(s.authority.objectType).toBe('Agent')
	const row = db.select().from(xapiStatements).get()!
	expect(row).toMatchObject({ id, userId: user.id, actorKey: String(user.id), verb: VERBS.passed.id, activity: s.object.id, stored: NOW })
})

test('activity ids and types follow the kind; a result is left out when none is given', () => {
	const db = createTestDb()
	const user = createUser(db)
	const courseId = issueStatement(db, { user, verb: 'launched', activity: COURSE, now: NOW })
	const questionId = issueStatement(db, {
		user,
		verb: 'answered',
		activity: { kind: 'question', courseId: 'c 1', quizId: 'q/1', questionId: 'k1', name: { hu: 'Kérdés', en: 'Question' } },
		result: { scaled: -3, success: false },
		now: NOW,
	})
	const course = get(db, courseId)
	expect(course.object.id).toMatch(/\/xapi\/activities\/course\/gazdalkodas-alapok$/)
	expect(course.object.definition.type).toBe('http://adlnet.gov/expapi/activities/course')
	expect(course).not.toHaveProperty('result')
	const question = get(db, questionId)
	expect(question.object.id).toMatch(/\/course\/c%201\/quiz\/q%2F1\/question\/k1$/)
	expect(question.object.definition.type).toBe('http://adlnet.gov/expapi/activities/cmi.interaction')
	expect(question.result).toEqual({ score: { scaled: -1 }, success: false })
	expect(() => issueStatement(db, { user, verb: 'passed', activity: { ...COURSE, kind: 'quiz' }, now: NOW })).toThrow(/missing an id/)
})

test('statements can be issued inside the caller’s transaction and roll back with it', () => {
	const db = createTestDb()
	const user = createUser(db)
	expect(() =>
		db.transaction((tx) => {
			issueStatement(tx, { user, verb: 'completed', activity: COURSE, now: NOW })
			throw new Error('progress write failed')
		}),
	).toThrow('progress write failed')
	expect(db.select().from(xapiStatements).all()).toHaveLength(0)
	db.transaction((tx) => void issueStatement(tx, { user, verb: 'completed', activity: COURSE, now: NOW }))
	expect(db.select().from(xapiStatements).all()).toHaveLength(1)
})

test('filters: agent by account name, verb (IRI or ADL name), activity, since (exclusive) and until (inclusive)', () => {
	const db = createTestDb()
	const anna = createUser(db)
	const bela = createUser(db)
	const lesson: ActivityRef = { kind: 'lesson', courseId: 'gazdalkodas-alapok', lessonId: 'l1', name: { hu: 'Lecke', en: 'Lesson' } }
	const a1 = issueStatement(db, { user: anna, verb: 'launched', activity: COURSE, now: NOW })
	const a2 = issueStatement(db, { user: anna, verb: 'experienced', activity: lesson, now: NOW + 1000 })
	const b1 = issueStatement(db, { user: bela, verb: 'launched', activity: COURSE, now: NOW + 2000 })
	const b2 = issueStatement(db, { user: bela, verb: 'passed', activity: QUIZ, now: NOW + 3000 })
	const ids = (filter: Parameters<typeof queryStatements>[1]) => queryStatements(db, filter).statements.map((s) => s.id)

	expect(ids({ agent: agentOf(anna.id) })).toEqual([a1, a2])
	expect(ids({ agent: JSON.stringify({ mbox: 'mailto:anna@teszt.hu' }) })).toEqual([])
	expect(ids({ verb: VERBS.launched.id })).toEqual([a1, b1])
	expect(ids({ verb: 'passed' })).toEqual([b2])
	const courseIri = (get(db, a1).object as { id: string }).id
	expect(ids({ activity: courseIri })).toEqual([a1, b1])
	expect(ids({ activity: courseIri, agent: agentOf(bela.id), verb: 'launched' })).toEqual([b1])
	expect(ids({ since: new Date(NOW + 1000).toISOString() })).toEqual([b1, b2])
	expect(ids({ until: new Date(NOW + 1000).toISOString() })).toEqual([a1, a2])
	expect(ids({ since: '2017-01-02T09:00:01+01:00', until: '2017-01-02T08:00:02Z' })).toEqual([b1])
	expect(queryStatements(db, {}).more).toBeNull()
})

test('bad filters raise a typed error naming the parameter', () => {
	const db = createTestDb()
	const bad: Array<[Parameters<typeof queryStatements>[1], string]> = [
		[{ agent: 'not json' }, 'agent'],
		[{ agent: '{"name":"Anna"}' }, 'agent'],
		[{ agent: '{"account":{"homePage":"nope","name":"1"}}' }, 'agent'],
		[{ agent: '[1,2]' }, 'agent'],
		[{ verb: 'not an iri' }, 'verb'],
		[{ activity: '/relative/path' }, 'activity'],
		[{ since: 'yesterday' }, 'since'],
		[{ until: '2017-01-02' }, 'until'],
		[{ since: '2017-13-45T99:00:00Z' }, 'since'],
		[{ limit: -1 }, 'limit'],
		[{ limit: 1.5 }, 'limit'],
		[{ cursor: 'garbage!' }, 'cursor'],
		[{ cursor: Buffer.from('1:x').toString('base64url') }, 'cursor'],
		[{ verb: `http://x.hu/${'a'.repeat(5000)}` }, 'verb'],
	]
	for (const [filter, param] of bad) {
		let caught: unknown
		try {
			queryStatements(db, filter)
		} catch (error) {
			caught = error
		}
		expect(caught, JSON.stringify(filter).slice(0, 80)).toBeInstanceOf(XapiQueryError)
		expect((caught as XapiQueryError).param).toBe(param)
	}
})

test('query strings: unknown or repeated parameters and non-numeric limits are refused', () => {
	expect(filterFromSearchParams(new URLSearchParams('verb=passed&limit=20'))).toMatchObject({ verb: 'passed', limit: 20 })
	expect(() => filterFromSearchParams(new URLSearchParams('statementId=1'))).toThrow(XapiQueryError)
	expect(() => filterFromSearchParams(new URLSearchParams('verb=a&verb=b'))).toThrow(/more than once/)
	expect(() => filterFromSearchParams(new URLSearchParams('limit=ten'))).toThrow(/limit/)
	expect(() => filterFromSearchParams(new URLSearchParams('limit=1e3'))).toThrow(/limit/)
})

test('keyset paging walks every statement exactly once, even with equal stored times and new arrivals', () => {
	const db = createTestDb()
	const user = createUser(db)
	const verbs: Array<XapiVerb> = ['launched', 'experienced', 'answered']
	const issued: Array<string> = []
	// 23 statements over 5 distinct instants, so many share a stored time and order by id.
	for (let i = 0; i < 23; i++) issued.push(issueStatement(db, { user, verb: verbs[i % 3]!, activity: COURSE, now: NOW + Math.floor(i / 5) * 1000 }))
	const seen: Array<string> = []
	let cursor: string | undefined
	let pages = 0
	do {
		const page = queryStatements(db, { limit: 4, cursor })
		expect(page.statements.length).toBeLessThanOrEqual(4)
		seen.push(...page.statements.map((s) => s.id as string))
		cursor = page.more ?? undefined
		// A statement arriving mid-read (stored later) shows up at the end, not as a duplicate.
		if (pages === 2) issued.push(issueStatement(db, { user, verb: 'completed', activity: COURSE, now: NOW + 10_000 }))
		pages++
	} while (cursor && pages < 50)
	expect(new Set(seen).size).toBe(seen.length)
	expect(seen.toSorted()).toEqual(issued.toSorted())
	expect(pages).toBe(6)
	const stored = seen.map((id) => Date.parse(get(db, id).stored as string))
	expect(stored).toEqual(stored.toSorted((a, b) => a - b))
	// Filters hold across pages too.
	const answered: Array<string> = []
	cursor = undefined
	do {
		const page = queryStatements(db, { verb: 'answered', limit: 2, cursor })
		answered.push(...page.statements.map((s) => s.id as string))
		cursor = page.more ?? undefined
	} while (cursor)
	expect(answered.toSorted()).toEqual(issued.filter((_, i) => i < 23 && i % 3 === 2).toSorted())
})

test('the page size defaults to 100 and is capped at 500', () => {
	const db = createTestDb()
	const user = createUser(db)
	db.transaction((tx) => {
		for (let i = 0; i < MAX_LIMIT + 1; i++) issueStatement(tx, { user, verb: 'experienced', activity: COURSE, now: NOW + i })
	})
	expect(queryStatements(db, {}).statements).toHaveLength(100)
	expect(queryStatements(db, { limit: 10_000 }).statements).toHaveLength(MAX_LIMIT)
	expect(queryStatements(db, { limit: 0 }).statements).toHaveLength(MAX_LIMIT)
	const last = queryStatements(db, { limit: 500 })
	expect(last.more).not.toBeNull()
	expect(queryStatements(db, { limit: 500, cursor: last.more! })).toMatchObject({ statements: [expect.anything()], more: null })
})
