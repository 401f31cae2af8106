import { parse, stringify } from 'yaml'
import type { CommandError } from '#sandbox/shared/result.ts'
import type { LocalTaxDecree } from '#sandbox/tax/decrees.ts'

// The two ways the decrees screen adopts a decree: amend one rate of the decree in force, or give the
// whole decree as YAML/JSON text. Both end in the same tax.decree.adopt command, whose cap check
// refuses a rate above the Htv. cap; the refusal is shown next to the field it came from.

type Input = Record<string, unknown> | { refused: CommandError }

const refused = (field: string | undefined, hu: string, en: string): { refused: CommandError } => ({ refused: { code: 'VALIDATION', message: { hu, en }, ...(field ? { field } : {}) } })

/** The decree as the command takes it: the active municipality is added by the command itself. */
function withoutMunicipality(decree: LocalTaxDecree): Omit<LocalTaxDecree, 'municipalityId'> {
	const { municipalityId: _municipalityId, ...rest } = decree
	return rest
}

export function decreeAsYaml(decree: LocalTaxDecree | null): string {
	return decree ? stringify(withoutMunicipality(decree), { lineWidth: 0 }) : ''
}

function lineIndex(formData: FormData): [number, number] | null {
	const match = /^(\d{1,2})\.(\d{1,2})$/.exec(String(formData.get('line') ?? ''))
	return match ? [Number(match[1]), Number(match[2])] : null
}

/** Reads the submitted form into the command's `decree` (null for the page's other forms). */
export function decreeInput(current: LocalTaxDecree | null) {
	return async (formData: FormData): Promise<Input | null> => {
		if (formData.get('type') !== 'tax.decree.adopt') return null
		if (formData.get('mode') === 'text') {
			let value: unknown
			try {
				value = parse(String(formData.get('decreeText') ?? ''))
			} catch (error) {
				const detail = error instanceof Error ? error.message.split('\n')[0] : ''
				return refused('decreeText', `A szöveg nem olvasható YAML-ként vagy JSON-ként: ${detail}`, `The text is not valid YAML or JSON: ${detail}`)
			}
			if (typeof value !== 'object' || value === null || Array.isArray(value)) return refused('decreeText', 'A rendeletet kulcs–érték szerkezetként adja meg (decreeReference, validFrom, taxes …).', 'Give the decree as a mapping (decreeReference, validFrom, taxes …).')
			const { municipalityId: _ignored, ...decree } = value as Record<string, unknown>
			return { decree }
		}
		if (!current) return refused(undefined, 'Nincs hatályos rendelet, amelyet módosítani lehetne; adja meg a teljes rendeletet.', 'There is no decree in force to amend; give the whole decree.')
		const index = lineIndex(formData)
		const decree = structuredClone(withoutMunicipality(current))
		const line = index ? decree.taxes[index[0]]?.rates[index[1]] : undefined
		if (!line) return refused('line', 'Válassza ki a módosítandó mértéket.', 'Choose the rate to change.')
		const rate = String(formData.get('rate') ?? '').replace(/[\s\u00a0]/g, '')
		if (!/^\d{1,10}$/.test(rate)) return refused('rate', 'Az adómérték nemnegatív egész szám (forint, illetve a százalék századrésze).', 'The rate must be a non-negative integer (forints, or hundredths of a percent).')
		line.rate = Number(rate)
		return { decree: { ...decree, decreeReference: String(formData.get('decreeReference') ?? '').trim(), validFrom: String(formData.get('validFrom') ?? ''), validTo: null } }
	}
}

/** Where a refusal of the decree shows: the textarea, or the amend form's field it came from (else at the top). */
export function decreeFieldFor(field: string, formData: FormData): string | null {
	if (field !== 'decree' && !field.startsWith('decree.')) return field
	if (formData.get('mode') === 'text') return 'decreeText'
	const index = lineIndex(formData)
	if (index && field === `decree.taxes.${index[0]}.rates.${index[1]}.rate`) return 'rate'
	if (field === 'decree.decreeReference') return 'decreeReference'
	if (field === 'decree.validFrom' || field === 'decree.validTo') return 'validFrom'
	return null
}
