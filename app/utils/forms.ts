import type { z } from 'zod'
import { catalogues, type Message, type MessageKey } from './i18n.ts'

export type FieldErrors = Partial<Record<string, Message>>

export type FormResult<T> =
	| { ok: true; data: T }
	| { ok: false; errors: FieldErrors; values: Record<string, string | Array<string>> }

const SECRET_FIELDS = /password/i

/** What the user typed, so the form can be shown again unchanged (passwords never echo back). */
export function formValues(formData: FormData): Record<string, string | Array<string>> {
	const values: Record<string, string | Array<string>> = {}
	for (const key of new Set(formData.keys())) {
		if (SECRET_FIELDS.test(key)) continue
		const all = formData.getAll(key).filter((v): v is string => typeof v === 'string')
		values[key] = all.length > 1 ? all : (all[0] ?? '')
	}
	return values
}

function isMessageKey(value: string): value is MessageKey {
	return value in catalogues.hu
}

/**
 * Validates a form against a zod schema whose messages are catalogue keys
 * (`z.string().min(1, 'errors.required')`); each field gets its first problem, translated later.
 */
export function parseForm<S extends z.ZodType>(schema: S, formData: FormData, input?: unknown): FormResult<z.infer<S>> {
	const raw = input ?? formObject(formData)
	const result = schema.safeParse(raw)
	if (result.success) return { ok: true, data: result.data }
	const errors: FieldErrors = {}
	for (const issue of result.error.issues) {
		const field = issue.path.length ? String(issue.path[0]) : 'form'
		if (errors[field]) continue
		const params: Record<string, number> = {}
		if ('minimum' in issue && typeof issue.minimum === 'number') params.min = issue.minimum
		if ('maximum' in issue && typeof issue.maximum === 'number') params.max = issue.maximum
		errors[field] = { key: isMessageKey(issue.message) ? issue.message : 'errors.invalid', params }
	}
	return { ok: false, errors, values: formValues(formData) }
}

/** FormData as a plain object; fields that repeat (checkbox groups) become arrays. */
export function formObject(formData: FormData): Record<string, string | Array<string>> {
	const out: Record<string, string | Array<string>> = {}
	for (const key of new Set(formData.keys())) {
		const all = formData.getAll(key).filter((v): v is string => typeof v === 'string')
		out[key] = all.length > 1 || key.endsWith('[]') ? all : (all[0] ?? '')
	}
	return out
}
