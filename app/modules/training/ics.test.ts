import { expect, test } from 'vitest'
import { eventOf, icsGet, parseIcs, unescapeText } from '#tests/ics.ts'
import { buildInvitation, foldLine, sessionUid, type Invitation } from './ics.ts'
import { budapestInstant } from './overlap.ts'

const parse = parseIcs
const unescape = unescapeText
const get = icsGet
const fromLocal = (v: string) => budapestInstant(`${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6, 8)}`, `${v.slice(9, 11)}:${v.slice(11, 13)}`)

const days = [
	{ startsAt: budapestInstant('2026-03-27', '09:00'), endsAt: budapestInstant('2026-03-27', '16:00') },
	{ startsAt: budapestInstant('2026-03-30', '09:00'), endsAt: budapestInstant('2026-03-30', '16:00') },
]
const base: Invitation = {
	method: 'REQUEST',
	uid: sessionUid(42, 'akademia.asp.gov.hu'),
	sequence: 0,
	stamp: Date.parse('2026-03-01T08:00:00Z'),
	summary: 'Kiscsoportos gazdálkodási géptermi gyakorlat; 1. csoport, Miskolc',
	description: 'Hozza magával az ügyfélkapus azonosítóját.\nKérdés: oktatas@asp.hu',
	location: 'Miskolc, Városház tér 1., Gépterem 1 (16 munkaállomás, földszint, a portán balra)',
	organizer: { name: 'ASP Akadémia', email: 'noreply@asp.hu' },
	attendee: { name: 'Kovács Éva', email: 'eva.kovacs@bukkabrany.hu' },
	days,
}

test('the invitation is valid RFC 5545: CRLF only, lines of at most 75 octets, VTIMEZONE Europe/Budapest', () => {
	const text = buildInvitation(base)
	expect(text.endsWith('\r\n')).toBe(true)
	expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
	for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75)
	const props = parse(text)
	expect(props[0]).toMatchObject({ name: 'BEGIN', value: 'VCALENDAR' })
	expect(get(props, 'METHOD')[0]!.value).toBe('REQUEST')
	expect(get(props, 'TZID')[0]!.value).toBe('Europe/Budapest')
	expect(get(props, 'TZOFFSETTO').map((p) => p.value)).toEqual(['+0200', '+0100'])
	const event = eventOf(props)
	expect(get(event, 'UID')[0]!.value).toBe('training-session-42@akademia.asp.gov.hu')
	expect(unescape(get(event, 'SUMMARY')[0]!.value)).toBe(base.summary)
	expect(unescape(get(event, 'DESCRIPTION')[0]!.value)).toBe(base.description)
	expect(unescape(get(event, 'LOCATION')[0]!.value)).toBe(base.location)
	expect(get(event, 'ATTENDEE')[0]).toMatchObject({ params: { CN: '"Kovács Éva"' }, value: 'mailto:eva.kovacs@bukkabrany.hu' })
})

test('times read back to the same instants on both sides of the spring DST change', () => {
	const event = eventOf(parse(buildInvitation(base)))
	const start = get(event, 'DTSTART')[0]!
	expect(start.params.TZID).toBe('Europe/Budapest')
	expect(start.value).toBe('20260327T090000')
	expect(fromLocal(start.value)).toBe(Date.parse('2026-03-27T08:00:00Z'))
	expect(fromLocal(get(event, 'DTEND')[0]!.value)).toBe(days[0]!.endsAt)
	const [from, to] = get(event, 'RDATE')[0]!.value.split('/')
	// Same 09:00 wall-clock after the change: 07:00 UTC instead of 08:00.
	expect(fromLocal(from!)).toBe(Date.parse('2026-03-30T07:00:00Z'))
	expect(fromLocal(to!)).toBe(days[1]!.endsAt)
	expect(get(event, 'DTSTAMP')[0]!.value).toBe('20260301T080000Z')
})

test('updates keep the UID and raise SEQUENCE; CANCEL keeps the UID with a higher SEQUENCE and STATUS:CANCELLED', () => {
	const v0 = eventOf(parse(buildInvitation(base)))
	const v1 = eventOf(parse(buildInvitation({ ...base, sequence: 1, location: 'Miskolc, Gépterem 2' })))
	const cancel = parse(buildInvitation({ ...base, method: 'CANCEL', sequence: 2 }))
	const vc = eventOf(cancel)
	expect(new Set([v0, v1, vc].map((e) => get(e, 'UID')[0]!.value)).size).toBe(1)
	const seq = [v0, v1, vc].map((e) => Number(get(e, 'SEQUENCE')[0]!.value))
	expect(seq).toEqual([0, 1, 2])
	expect(get(cancel, 'METHOD')[0]!.value).toBe('CANCEL')
	expect(get(vc, 'STATUS')[0]!.value).toBe('CANCELLED')
	expect(get(v0, 'STATUS')[0]!.value).toBe('CONFIRMED')
})

test('folding never splits a multi-byte character', () => {
	const folded = foldLine(`SUMMARY:${'ő'.repeat(80)}`)
	for (const line of folded.split('\r\n')) {
		expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75)
		expect(line).not.toContain('\uFFFD')
	}
	expect(folded.replace(/\r\n /g, '')).toBe(`SUMMARY:${'ő'.repeat(80)}`)
})
