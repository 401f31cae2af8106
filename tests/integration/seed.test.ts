import { count, countDistinct, eq } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { createTestDb } from '#tests/setup/test-db.ts'
import { attemptLogin } from '#app/modules/auth/login.server.ts'
import { counties, municipalities, offices, waves } from '#db/schema/orgs.ts'
import { userRoles } from '#db/schema/users.ts'
import { outbox } from '#db/schema/mail.ts'
import { isEmpty, seedDemo } from '#db/seed/demo.server.ts'
import { DEMO_PASSWORD, DEMO_USERS } from '#db/seed/demo-users.ts'

test('the demo holds every county, 150+ real municipalities in joint offices, the three waves and a login per role', async () => {
	const db = createTestDb()
	expect(isEmpty(db)).toBe(true)
	await seedDemo(db, Date.parse('2016-09-15T08:00:00Z'))
	expect(isEmpty(db)).toBe(false)
	expect(db.select({ n: count() }).from(counties).get()!.n).toBe(20)
	expect(db.select({ n: count() }).from(municipalities).get()!.n).toBeGreaterThanOrEqual(150)
	// every county (not only the capital) has municipalities
	expect(db.select({ n: countDistinct(municipalities.countyId) }).from(municipalities).get()!.n).toBe(20)
	expect(db.select({ n: count() }).from(offices).where(eq(offices.kind, 'joint')).get()!.n).toBeGreaterThan(30)
	// the programme's three waves, plus the training demo's late joiners two months after `now`
	expect(db.select({ d: waves.goLiveDate }).from(waves).all().map((w) => w.d).toSorted()).toEqual(['2016-12-01', '2017-01-01', '2017-10-01', '2018-01-01'])
	expect(new Set(db.select({ r: userRoles.role }).from(userRoles).all().map((r) => r.r))).toEqual(new Set(['admin', 'trainer', 'coordinator', 'learner']))
	// the invited demo user has a real invitation waiting in the outbox; the rest are the training
	// demo's confirmations (enrolled the ordinary way), each with its calendar invitation
	const mails = db.select({ to: outbox.toAddress, kind: outbox.kind, attachments: outbox.attachments }).from(outbox).all()
	expect(mails.filter((m) => m.kind === 'invite').map((m) => m.to)).toEqual(DEMO_USERS.filter((u) => u.status === 'invited').map((u) => u.email))
	const confirmations = mails.filter((m) => m.kind !== 'invite')
	expect(confirmations.length).toBeGreaterThan(0)
	for (const mail of confirmations) {
		expect(mail.kind).toBe('training.enrolled')
		expect(mail.attachments?.[0]?.contentType).toMatch(/^text\/calendar; method=REQUEST/)
	}
	const admin = DEMO_USERS.find((u) => u.roles.includes('admin'))!
	expect((await attemptLogin(db, { email: admin.email, password: DEMO_PASSWORD, ip: '127.0.0.1', now: Date.now() })).ok).toBe(true)
})
