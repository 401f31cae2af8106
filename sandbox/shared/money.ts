// Money is an integer number of forints everywhere in the sandbox (there are no fillér in
// practice since 1999); formatting happens only in the UI.

export type ParseForintOptions = {
	/** Corrections and reversals may be negative; ordinary amounts may not. */
	allowNegative?: boolean
}

// Digit groups: one to three digits, then groups of exactly three, so '12 34' (a likely typo) is not
// read as 1234. Dots and commas are refused outright: '1.500' is a thousand separator to one user and
// a decimal point to another, and this function will not guess.
const FORINT = /^([-\u2212])?\s*(\d{1,3}(?: \d{3})+|\d+)\s*(?:Ft|HUF)?$/i

/** '1 234 567', '1234567 Ft', '1 234 567 Ft' (also with the no-break spaces Intl puts between groups) → 1234567; anything else → null. */
export function parseForint(input: string, options: ParseForintOptions = {}): number | null {
	const text = input.replace(/[\u00A0\u202F]/g, ' ').trim()
	const match = FORINT.exec(text)
	if (!match) return null
	const amount = Number(match[2]!.replace(/ /g, ''))
	if (!Number.isSafeInteger(amount)) return null
	if (!match[1] || amount === 0) return amount
	return options.allowNegative ? -amount : null
}

/** Throws unless `value` is an integer forint amount that arithmetic can carry exactly. */
export function assertForint(value: unknown, label = 'amount'): asserts value is number {
	if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
		throw new RangeError(`${label} must be a whole number of forints, got ${String(value)}`)
	}
}
