import { enqueueMail } from '#app/modules/mail/outbox.server.ts'
import { formatDate } from '#app/utils/format.ts'
import { translate, type Locale } from '#app/utils/i18n.ts'
import type { DbOrTx } from '#db/client.server.ts'
import { certProgrammes } from '#db/schema/certification.ts'
import { users } from '#db/schema/users.ts'
import { publicBaseUrl } from './badge.server.ts'

export type CertificateHolder = { email: string; locale: Locale; name: string; nameHu: string; nameEn: string; number: string; validUntil: number }

/** The columns a holder mail needs, for a select over certificates ⋈ programmes ⋈ users. */
export const holderColumns = {
	nameHu: certProgrammes.nameHu,
	nameEn: certProgrammes.nameEn,
	email: users.email,
	name: users.name,
	locale: users.locale,
	userStatus: users.status,
}

const MESSAGES = {
	'certificate-renewal': { subject: 'cert.mail.renewal.subject', body: 'cert.mail.renewal.body' },
	'certificate-expired': { subject: 'cert.mail.expired.subject', body: 'cert.mail.expired.body' },
} as const

/** A mail about one certificate to its holder, in the holder's language, linking to their certificates. */
export function mailCertificateHolder(tx: DbOrTx, c: CertificateHolder, kind: keyof typeof MESSAGES, now: number) {
	const programme = c.locale === 'en' ? c.nameEn : c.nameHu
	enqueueMail(
		tx,
		{
			to: c.email,
			kind,
			subject: translate(c.locale, MESSAGES[kind].subject, { programme }),
			text: translate(c.locale, MESSAGES[kind].body, { name: c.name, programme, number: c.number, date: formatDate(c.validUntil, c.locale), link: `${publicBaseUrl()}/certifications` }),
		},
		now,
	)
}
