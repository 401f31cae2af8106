import { expect, test } from 'vitest'
import { userJobRoles } from '#db/schema/users.ts'
import { giveEvidence } from '#tests/certification-factories.ts'
import { createUser } from '#tests/factories.ts'
import { createTestDb } from '#tests/setup/test-db.ts'
import { revokeCertificate } from './certificates.server.ts'
import { certificationFeed, feedFilterFromSearchParams, FeedQueryError } from './feed.server.ts'
import { reevaluateLearner } from './issue.server.ts'

const NOW = Date.parse('2026-03-01T08:00:00Z')
const DAY = 86_400_000

function feed(db: ReturnType<typeof createTestDb>, query: string, now = NOW + 10 * DAY) {
	return certificationFeed(db, feedFilterFromSearchParams(new URLSearchParams(query)), now)
}

test('the access feed lists who is certified for which role until when, filtered and paged', () => {
	const db = createTestDb({ reference: true })
	const admin = createUser(db, { roles: ['admin'] })
	// no attendance in this test: the programmes need only what evidence can give
	db.$client.exec("delete from cert_requirements where kind in ('presentation', 'lab')")
	const keretLearners = [createUser(db), createUser(db), createUser(db)]
	for (const [i, u] of keretLearners.entries()) {
		db.insert(userJobRoles).values({ userId: u.id, jobRole: 'keret_admin' }).run()
		giveEvidence(db, u.id, { courses: ['asp-alapok', 'keret-alapok'], quizzes: [{ ref: 'keret-alapok/helyettesites', percent: 100 }], exercises: [{ id: 'K1', score: 90 }] }, NOW + i * DAY)
		db.transaction((tx) => reevaluateLearner(tx, u.id, NOW + i * DAY))
	}
	const taxLearner = createUser(db)
	giveEvidence(db, taxLearner.id, { courses: ['asp-alapok', 'ado-szakrendszer'], quizzes: [{ ref: 'ado-szakrendszer/potlek-es-adoigazolas', percent: 85 }], exercises: ['T1', 'T2', 'T4'].map((id) => ({ id, score: 80 })) }, NOW)
	db.transaction((tx) => reevaluateLearner(tx, taxLearner.id, NOW))

	const all = feed(db, '')
	expect(all.certifications).toHaveLength(4)
	expect(all.certifications[0]).toMatchObject({ jobRole: 'keret_admin', subsystem: 'keret', programme: 'keret-helyi-adminisztrator', status: 'valid', validUntil: '2028-03-01T08:00:00.000Z', revokedAt: null })
	expect(all.certifications[0]!.holder.email).toBe(keretLearners[0]!.email)
	expect(feed(db, 'role=adougyi_ugyintezo').certifications.map((c) => c.holder.email)).toEqual([taxLearner.email])
	expect(feed(db, 'programme=keret-helyi-adminisztrator').certifications).toHaveLength(3)
	expect(feed(db, `since=${new Date(NOW + DAY).toISOString()}`).certifications).toHaveLength(2)

	// paging: two at a time, the cursor continues where the page ended
	const first = feed(db, 'limit=2')
	expect(first.certifications).toHaveLength(2)
	const second = feed(db, `limit=2&cursor=${first.next}`)
	expect(second.certifications).toHaveLength(2)
	expect(second.next).toBeNull()
	expect(new Set([...first.certifications, ...second.certifications].map((c) => c.number)).size).toBe(4)

	// a revocation shows up in `since` polling and drops out of valid=true
	const revokedNumber = all.certifications[0]!.number
	const certId = db.$client.prepare('select id from certificates where number = ?').get(revokedNumber) as { id: number }
	expect(revokeCertificate(db, admin, certId.id, 'Téves kiállítás', NOW + 5 * DAY).ok).toBe(true)
	const changed = feed(db, `since=${new Date(NOW + 4 * DAY).toISOString()}`)
	expect(changed.certifications).toMatchObject([{ number: revokedNumber, status: 'revoked' }])
	expect(feed(db, 'valid=true').certifications.map((c) => c.number)).not.toContain(revokedNumber)
	expect(feed(db, 'valid=true').certifications).toHaveLength(3)
	// after two years nothing is valid any more
	expect(feed(db, 'valid=true', NOW + 800 * DAY).certifications).toHaveLength(0)
})

test('bad feed parameters are refused by name', () => {
	for (const [query, param] of [['role=kiraly', 'role'], ['since=tegnap', 'since'], ['valid=yes', 'valid'], ['limit=0', 'limit'], ['limit=501', 'limit'], ['cursor=abc', 'cursor']] as const) {
		expect(() => feedFilterFromSearchParams(new URLSearchParams(query))).toThrow(FeedQueryError)
		try {
			feedFilterFromSearchParams(new URLSearchParams(query))
		} catch (error) {
			expect((error as FeedQueryError).param).toBe(param)
		}
	}
})
