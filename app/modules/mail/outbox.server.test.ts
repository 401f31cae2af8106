import nodemailer from 'nodemailer'
import { expect, test } from 'vitest'
import { createTestDb } from '#tests/setup/test-db.ts'
import { outbox } from '#db/schema/mail.ts'
import { deliverDueMail, enqueueMail, RETRY_DELAYS_MIN, type Transport } from './outbox.server.ts'
import { nodemailerTransport } from './smtp.server.ts'

const NOW = Date.parse('2017-01-02T08:00:00Z')
const MAIL = { to: 'anna@teszt.hu', subject: 'Meghívó', text: 'Szia', kind: 'invite' }

test('mail is delivered through the transport and marked sent', async () => {
	const db = createTestDb()
	enqueueMail(db, MAIL, NOW)
	const sent: Array<string> = []
	const transport: Transport = { send: async (m) => void sent.push(m.to) }
	expect(await deliverDueMail(db, transport, NOW)).toEqual({ attempted: 1, sent: 1 })
	expect(sent).toEqual(['anna@teszt.hu'])
	expect(db.select().from(outbox).get()).toMatchObject({ status: 'sent', attempts: 1, sentAt: NOW })
	expect(await deliverDueMail(db, transport, NOW + 1)).toEqual({ attempted: 0, sent: 0 })
})

test('a failing SMTP server is retried with growing delays, then the mail is marked failed', async () => {
	const db = createTestDb()
	enqueueMail(db, MAIL, NOW)
	const failing: Transport = { send: async () => Promise.reject(new Error('421 try later')) }
	let now = NOW
	for (const delay of RETRY_DELAYS_MIN) {
		await deliverDueMail(db, failing, now)
		const row = db.select().from(outbox).get()!
		expect(row).toMatchObject({ status: 'pending', lastError: '421 try later', nextAttemptAt: now + delay * 60_000 })
		// not retried before its time
		expect(await deliverDueMail(db, failing, now + delay * 60_000 - 1)).toEqual({ attempted: 0, sent: 0 })
		now += delay * 60_000
	}
	await deliverDueMail(db, failing, now)
	expect(db.select().from(outbox).get()).toMatchObject({ status: 'failed', attempts: RETRY_DELAYS_MIN.length + 1 })
})

test('attachments are kept in the outbox and handed to the transport; SMTP sends them with their full content type', async () => {
	const db = createTestDb()
	const ics = 'BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n'
	const attachment = { filename: 'kepzes-1.ics', contentType: 'text/calendar; method=REQUEST; charset=UTF-8', content: ics }
	enqueueMail(db, { ...MAIL, attachments: [attachment] }, NOW)
	enqueueMail(db, MAIL, NOW)
	expect(db.select({ a: outbox.attachments }).from(outbox).all().map((r) => r.a)).toEqual([[attachment], null])
	const raw: Array<string> = []
	const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' })
	const smtp = nodemailerTransport({ sendMail: async (m) => raw.push(String((await transporter.sendMail(m)).message)) }, 'ASP Akadémia <noreply@asp-akademia.hu>')
	expect(await deliverDueMail(db, smtp, NOW)).toEqual({ attempted: 2, sent: 2 })
	expect(raw[0]).toMatch(/Content-Type: text\/calendar; method=REQUEST; charset=UTF-8;\s+name=kepzes-1\.ics/)
	expect(raw[0]).toContain('Content-Disposition: attachment; filename=kepzes-1.ics')
	expect(raw[0]).toContain(Buffer.from(ics).toString('base64'))
	expect(raw[1]).not.toContain('text/calendar')
})
