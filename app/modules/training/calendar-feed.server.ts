import { decodeHex, encodeHexLowerCase } from '@oslojs/encoding'
import { and, asc, eq, or } from 'drizzle-orm'
import { audit } from '#app/modules/audit/audit.server.ts'
import { newToken, secretMatches, splitToken } from '#app/modules/auth/token.ts'
import { translate, type Locale } from '#app/utils/i18n.ts'
import type { Db, DbOrTx } from '#db/client.server.ts'
import { calendarFeeds, enrolments, trainingSessions } from '#db/schema/training.ts'
import { users } from '#db/schema/users.ts'
import { buildFeed, type FeedEvent } from './ics.ts'
import { sessionEvent, sessionFacts } from './invitation.server.ts'
import { calendarHost, sessionLink, type NotifyOptions } from './notify.server.ts'

/** The path of a feed address; the `.ics` ending helps calendar apps recognise it. */
export function feedPath(token: string) {
	return `/calendar/${token}.ics`
}

/**
 * Makes a new feed address for the user; an earlier one stops working at once (one row per
 * user). Only the hash of the secret is stored, so the returned token is shown once.
 */
export function createCalendarFeed(db: Db, userId: number, now: number) {
	const { id, token, secretHash } = newToken()
	db.transaction((tx) => {
		const replaced = tx.delete(calendarFeeds).where(eq(calendarFeeds.userId, userId)).run().changes > 0
		tx.insert(calendarFeeds).values({ userId, tokenId: id, secretHash: encodeHexLowerCase(secretHash), createdAt: now }).run()
		audit(tx, { actorUserId: userId, action: replaced ? 'training.feed.replaced' : 'training.feed.created', entity: 'user', entityId: userId }, now)
	})
	return token
}

export function revokeCalendarFeed(db: Db, userId: number, now: number) {
	return db.transaction((tx) => {
		const revoked = tx.delete(calendarFeeds).where(eq(calendarFeeds.userId, userId)).run().changes > 0
		if (revoked) audit(tx, { actorUserId: userId, action: 'training.feed.revoked', entity: 'user', entityId: userId }, now)
		return revoked
	})
}

export function calendarFeedStatus(db: DbOrTx, userId: number) {
	return db.select({ createdAt: calendarFeeds.createdAt, lastUsedAt: calendarFeeds.lastUsedAt }).from(calendarFeeds).where(eq(calendarFeeds.userId, userId)).get() ?? null
}

/**
 * The owner of a feed token (`<id>.<secret>` with or without `.ics`), or null for anything
 * malformed, unknown, revoked or belonging to a disabled account: callers answer all of these
 * with the same 404. A match records when the feed was last fetched.
 */
export function feedOwner(db: Db, token: string, now: number) {
	const parts = splitToken(token.replace(/\.ics$/, ''))
	if (!parts) return null
	const row = db
		.select({ userId: calendarFeeds.userId, secretHash: calendarFeeds.secretHash, locale: users.locale, status: users.status })
		.from(calendarFeeds)
		.innerJoin(users, eq(users.id, calendarFeeds.userId))
		.where(eq(calendarFeeds.tokenId, parts.id))
		.get()
	if (!row || row.status === 'disabled' || !secretMatches(parts.secret, decodeHex(row.secretHash))) return null
	db.update(calendarFeeds).set({ lastUsedAt: now }).where(eq(calendarFeeds.userId, row.userId)).run()
	return { userId: row.userId, locale: row.locale }
}

/**
 * The user's calendar (METHOD:PUBLISH): every scheduled session they hold a seat in, and every
 * one they teach, as one event per session with the invitations' UID and SEQUENCE. Offers and
 * waiting-list places are not bookings, and cancelled sessions drop out (the subscribed calendar
 * removes them on its next refresh).
 */
export function userCalendarFeed(db: DbOrTx, owner: { userId: number; locale: Locale }, now: number, options: NotifyOptions = {}) {
	const rows = db
		// (session, user) is unique in enrolments, so the left join yields each session at most once.
		.select({ id: trainingSessions.id })
		.from(trainingSessions)
		.leftJoin(enrolments, and(eq(enrolments.sessionId, trainingSessions.id), eq(enrolments.userId, owner.userId), eq(enrolments.status, 'enrolled')))
		.where(and(eq(trainingSessions.status, 'scheduled'), or(eq(trainingSessions.trainerUserId, owner.userId), eq(enrolments.userId, owner.userId))))
		.orderBy(asc(trainingSessions.startsAt))
		.all()
	const host = calendarHost(options)
	const events: Array<FeedEvent> = []
	for (const row of rows) {
		const facts = sessionFacts(db, row.id)
		if (facts && facts.days.length) events.push(sessionEvent(facts, host, owner.locale, sessionLink(row.id, options)))
	}
	return buildFeed({ name: translate(owner.locale, 'training.feed.name'), stamp: now, events })
}
