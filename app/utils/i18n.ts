import { authMessages } from './i18n/auth.ts'
import { certificationMessages } from './i18n/certification.ts'
import { commonMessages } from './i18n/common.ts'
import { exerciseMessages } from './i18n/exercises.ts'
import { labMessages } from './i18n/lab.ts'
import { learnMessages } from './i18n/learn.ts'
import { orgMessages } from './i18n/orgs.ts'
import { readinessMessages } from './i18n/readiness.ts'
import { reportMessages } from './i18n/reports.ts'
import { sandboxMessages } from './i18n/sandbox.ts'
import { sbxMessages } from './i18n/sbx.ts'
import { taxMessages } from './i18n/tax.ts'
import { trainingAdminMessages } from './i18n/training-admin.ts'
import { trainingMailMessages } from './i18n/training-mail.ts'
import { trainingViewMessages } from './i18n/training-views.ts'
import { trainingMessages } from './i18n/training.ts'
import { userMessages } from './i18n/users.ts'
import { xapiMessages } from './i18n/xapi.ts'

export const LOCALES = ['hu', 'en'] as const
export type Locale = (typeof LOCALES)[number]

const areas = [commonMessages, authMessages, certificationMessages, exerciseMessages, labMessages, learnMessages, orgMessages, readinessMessages, reportMessages, sandboxMessages, sbxMessages, taxMessages, trainingAdminMessages, trainingMailMessages, trainingViewMessages, trainingMessages, userMessages, xapiMessages]

export const catalogues = {
	hu: Object.assign({}, ...areas.map((a) => a.hu)) as typeof commonMessages.hu &
		typeof authMessages.hu &
		typeof certificationMessages.hu &
		typeof exerciseMessages.hu &
		typeof labMessages.hu &
		typeof learnMessages.hu &
		typeof orgMessages.hu &
		typeof readinessMessages.hu &
		typeof reportMessages.hu &
		typeof sandboxMessages.hu &
		typeof sbxMessages.hu &
		typeof taxMessages.hu &
		typeof trainingAdminMessages.hu &
		typeof trainingMailMessages.hu &
		typeof trainingViewMessages.hu &
		typeof trainingMessages.hu &
		typeof userMessages.hu &
		typeof xapiMessages.hu,
	en: Object.assign({}, ...areas.map((a) => a.en)) as Record<string, string>,
}

export type MessageKey = keyof typeof catalogues.hu
export type MessageParams = Record<string, string | number>

export function isLocale(value: unknown): value is Locale {
	return value === 'hu' || value === 'en'
}

/** `{name}` placeholders are replaced; an unknown key shows itself, so a gap is visible, not blank. */
export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
	const template: string = catalogues[locale][key] ?? catalogues.hu[key] ?? key
	if (!params) return template
	return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
		params[name] === undefined ? whole : String(params[name]),
	)
}

/** A message carried through data (flash, field errors) and translated where it is shown. */
export type Message = { key: MessageKey; params?: MessageParams }
