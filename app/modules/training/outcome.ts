import type { Message, MessageKey, MessageParams } from '#app/utils/i18n.ts'

/** A refusal names the form field it belongs to and a catalogue message; nothing was changed. */
export type Refusal = { ok: false; field: string; message: Message }
export type Outcome<T extends object> = ({ ok: true } & T) | Refusal

export function refuse(field: string, key: MessageKey, params?: MessageParams): Refusal {
	return { ok: false, field, message: params ? { key, params } : { key } }
}

/**
 * Thrown inside a transaction to roll it back; the outer function turns it into the Refusal.
 * Only this class is caught, so real errors still surface.
 */
export class RefusalError extends Error {
	constructor(readonly refusal: Refusal) {
		super(refusal.message.key)
	}
}

export function runRefusable<T extends object>(fn: () => { ok: true } & T): Outcome<T> {
	try {
		return fn()
	} catch (error) {
		if (error instanceof RefusalError) return error.refusal
		throw error
	}
}
