import type { Interval } from './overlap.ts'

/** What one calendar invitation says about one session (RFC 5545, iTIP methods of RFC 5546). */
export type Invitation = {
	method: 'REQUEST' | 'CANCEL'
	uid: string
	/** The session's sequence number: raised on every change, so calendars replace the old copy. */
	sequence: number
	/** When the invitation was generated (DTSTAMP). */
	stamp: number
	summary: string
	description?: string
	location: string
	organizer: { name: string; email: string }
	attendee?: { name: string; email: string }
	/** One interval per session day; later days become RDATE periods of the same event. */
	days: Array<Interval>
	/** A seat held for the learner but not yet accepted (an open offer): STATUS:TENTATIVE. */
	tentative?: boolean
}

/** One event of a published calendar (the personal feed): the invitation's identity, no method. */
export type FeedEvent = Omit<Invitation, 'method' | 'stamp' | 'tentative'>

const TZID = 'Europe/Budapest'

// The EU rule (last Sunday of March / October, 01:00 UTC) written as local wall-clock times.
export const VTIMEZONE = [
	'BEGIN:VTIMEZONE',
	`TZID:${TZID}`,
	'BEGIN:DAYLIGHT',
	'TZOFFSETFROM:+0100',
	'TZOFFSETTO:+0200',
	'TZNAME:CEST',
	'DTSTART:19700329T020000',
	'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
	'END:DAYLIGHT',
	'BEGIN:STANDARD',
	'TZOFFSETFROM:+0200',
	'TZOFFSETTO:+0100',
	'TZNAME:CET',
	'DTSTART:19701025T030000',
	'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
	'END:STANDARD',
	'END:VTIMEZONE',
]

const localParts = new Intl.DateTimeFormat('en-GB', { timeZone: TZID, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })

/** 20260329T090000 in Budapest wall-clock time, to go with TZID=Europe/Budapest. */
export function localStamp(instant: number) {
	const p = Object.fromEntries(localParts.formatToParts(new Date(instant)).map((x) => [x.type, x.value]))
	return `${p.year}${p.month}${p.day}T${p.hour}${p.minute}${p.second}`
}

export function utcStamp(instant: number) {
	return new Date(instant).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')
}

/** TEXT escaping (RFC 5545 3.3.11). */
export function escapeText(value: string) {
	return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n')
}

/**
 * Folds a content line into pieces of at most 75 octets (RFC 5545 3.1); continuation lines start
 * with a space, which counts. Cuts fall between characters, never inside a UTF-8 sequence.
 */
export function foldLine(line: string) {
	const pieces: Array<string> = []
	let current = ''
	let octets = 0
	for (const char of line) {
		const size = Buffer.byteLength(char)
		if (octets + size > 75) {
			pieces.push(current)
			current = ' '
			octets = 1
		}
		current += char
		octets += size
	}
	pieces.push(current)
	return pieces.join('\r\n')
}

function person(kind: 'ORGANIZER' | 'ATTENDEE', p: { name: string; email: string }, extra = '') {
	return `${kind};CN="${p.name.replace(/"/g, "'")}"${extra}:mailto:${p.email}`
}

function eventLines(event: FeedEvent, stamp: number, status: 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED') {
	const days = [...event.days].sort((a, b) => a.startsAt - b.startsAt)
	const first = days[0]!
	return [
		'BEGIN:VEVENT',
		`UID:${event.uid}`,
		`SEQUENCE:${event.sequence}`,
		`DTSTAMP:${utcStamp(stamp)}`,
		`DTSTART;TZID=${TZID}:${localStamp(first.startsAt)}`,
		`DTEND;TZID=${TZID}:${localStamp(first.endsAt)}`,
		...days.slice(1).map((d) => `RDATE;VALUE=PERIOD;TZID=${TZID}:${localStamp(d.startsAt)}/${localStamp(d.endsAt)}`),
		`SUMMARY:${escapeText(event.summary)}`,
		...(event.description ? [`DESCRIPTION:${escapeText(event.description)}`] : []),
		`LOCATION:${escapeText(event.location)}`,
		person('ORGANIZER', event.organizer),
		...(event.attendee ? [person('ATTENDEE', event.attendee, ';ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE')] : []),
		`STATUS:${status}`,
		'END:VEVENT',
	]
}

function calendar(method: string, body: Array<string>, extra: Array<string> = []) {
	const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//ASP Akademia//Training sessions//HU', 'CALSCALE:GREGORIAN', `METHOD:${method}`, ...extra, ...VTIMEZONE, ...body, 'END:VCALENDAR']
	return lines.map(foldLine).join('\r\n') + '\r\n'
}

/** A complete VCALENDAR with CRLF line endings. */
export function buildInvitation(inv: Invitation) {
	return calendar(inv.method, eventLines(inv, inv.stamp, inv.method === 'CANCEL' ? 'CANCELLED' : inv.tentative ? 'TENTATIVE' : 'CONFIRMED'))
}

/**
 * A subscribed calendar (METHOD:PUBLISH): the same UIDs and SEQUENCEs as the invitations, so a
 * session looks the same in the feed as in the mailed invitation; an event that is gone from
 * the feed disappears from the subscriber's calendar on the next refresh.
 */
export function buildFeed(feed: { name: string; stamp: number; events: Array<FeedEvent> }) {
	return calendar('PUBLISH', feed.events.flatMap((e) => eventLines(e, feed.stamp, 'CONFIRMED')), [`X-WR-CALNAME:${escapeText(feed.name)}`, `X-WR-TIMEZONE:${TZID}`])
}

/** One UID per session for its whole life, so every update and the cancel replace the same event. */
export function sessionUid(sessionId: number, host: string) {
	return `training-session-${sessionId}@${host}`
}
