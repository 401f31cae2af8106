import type { z } from 'zod'
import { parseForint } from '#sandbox/shared/money.ts'

type Def = { type: string; innerType?: z.ZodType; in?: z.ZodType }

/** The zod type under optional/default/nullable/pipe wrappers. */
function baseType(schema: z.ZodType): string {
	let def = (schema as unknown as { def: Def }).def
	for (let i = 0; i < 10; i++) {
		const inner = def.innerType ?? (def.type === 'pipe' ? def.in : undefined)
		if (!inner) break
		def = (inner as unknown as { def: Def }).def
	}
	return def.type
}

// forint figures people type with digit groups ("7 500 000"): an amount, a tax base, a reminder threshold
const AMOUNT_FIELDS = new Set(['amount', 'base', 'threshold'])

/**
 * Turns a submitted form into the command object its schema expects: numbers for number
 * fields (amounts typed as "350 000"), booleans for checkboxes, absent for empty optionals.
 * Validation itself stays with the command's schema inside `execute`.
 */
export function commandFromForm(schema: z.ZodType, formData: FormData): Record<string, unknown> {
	const shape = (schema as unknown as { shape?: Record<string, z.ZodType> }).shape ?? {}
	const out: Record<string, unknown> = {}
	for (const [key, field] of Object.entries(shape)) {
		const raw = formData.get(key)
		const kind = baseType(field)
		if (kind === 'boolean') {
			out[key] = raw === 'on' || raw === 'true'
			continue
		}
		if (typeof raw !== 'string' || raw.trim() === '') continue
		if (kind === 'array' || kind === 'object') {
			// Structured fields (statement items) travel as JSON text.
			try {
				out[key] = JSON.parse(raw)
			} catch {
				out[key] = raw
			}
		} else if (kind === 'number') {
			const value = AMOUNT_FIELDS.has(key) ? parseForint(raw, { allowNegative: true }) : /^\d{1,15}$/.test(raw.trim()) ? Number(raw.trim()) : null
			// Unreadable numbers go through as text so the schema names the field.
			out[key] = value ?? raw
		} else out[key] = raw
	}
	return out
}
