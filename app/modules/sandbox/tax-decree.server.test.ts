import { expect, test } from 'vitest'
import type { LocalTaxDecree } from '#sandbox/tax/decrees.ts'
import { decreeAsYaml, decreeFieldFor, decreeInput } from './tax-decree.server.ts'

const current: LocalTaxDecree = {
	municipalityId: 'felsobukk',
	decreeReference: '9/2024. (XI. 30.) önkormányzati rendelet a helyi adókról',
	validFrom: '2025-01-01',
	validTo: null,
	taxes: [
		{ taxType: 'epitmenyado', rates: [{ base: 'usefulAreaM2', rate: 1000, category: 'lakas' }], exemptions: [], allowances: [] },
		{ taxType: 'iparuzesiAdo', rates: [{ base: 'netTurnoverBase', rate: 200 }], exemptions: [], allowances: [] },
	],
}

const form = (fields: Record<string, string>) => {
	const f = new FormData()
	f.set('type', 'tax.decree.adopt')
	for (const [k, v] of Object.entries(fields)) f.set(k, v)
	return f
}

test('amending one rate keeps the rest of the decree in force and names the new decree', async () => {
	const input = await decreeInput(current)(form({ mode: 'amend', line: '1.0', rate: '1,5', decreeReference: ' 7/2026. rendelet ', validFrom: '2027-01-01' }))
	expect(input).toMatchObject({ refused: { field: 'rate' } })
	const ok = (await decreeInput(current)(form({ mode: 'amend', line: '1.0', rate: '150', decreeReference: ' 7/2026. rendelet ', validFrom: '2027-01-01' }))) as { decree: Record<string, unknown> }
	expect(ok.decree).toEqual({ ...current, municipalityId: undefined, decreeReference: '7/2026. rendelet', validFrom: '2027-01-01', taxes: [current.taxes[0], { ...current.taxes[1], rates: [{ base: 'netTurnoverBase', rate: 150 }] }] })
	expect('municipalityId' in ok.decree).toBe(false)
	expect(current.taxes[1]!.rates[0]!.rate).toBe(200)
	expect(await decreeInput(current)(form({ mode: 'amend', line: '5.0', rate: '150' }))).toMatchObject({ refused: { field: 'line' } })
	expect(await decreeInput(null)(form({ mode: 'amend', line: '0.0', rate: '150' }))).toMatchObject({ refused: { message: { en: expect.stringContaining('no decree in force') } } })
})

test('a decree typed as YAML (or JSON) is read whole; unreadable text is refused at the text field', async () => {
	const yaml = decreeAsYaml(current)
	expect(yaml).not.toContain('municipalityId')
	const read = (await decreeInput(current)(form({ mode: 'text', decreeText: yaml }))) as { decree: Record<string, unknown> }
	expect(read.decree).toEqual({ ...current, municipalityId: undefined, validTo: null } as never)
	expect(await decreeInput(current)(form({ mode: 'text', decreeText: JSON.stringify({ ...current, municipalityId: 'alsobukk' }) }))).not.toHaveProperty('decree.municipalityId')
	expect(await decreeInput(current)(form({ mode: 'text', decreeText: 'taxes: [unclosed' }))).toMatchObject({ refused: { field: 'decreeText' } })
	expect(await decreeInput(current)(form({ mode: 'text', decreeText: '- just a list' }))).toMatchObject({ refused: { field: 'decreeText' } })
	expect(await decreeInput(current)(new FormData())).toBeNull()
})

test('a refusal of the decree shows next to the field it came from, else at the top', () => {
	const amend = form({ mode: 'amend', line: '1.0' })
	expect(decreeFieldFor('decree.taxes.1.rates.0.rate', amend)).toBe('rate')
	expect(decreeFieldFor('decree.taxes.0.rates.0.rate', amend)).toBeNull()
	expect(decreeFieldFor('decree.decreeReference', amend)).toBe('decreeReference')
	expect(decreeFieldFor('decree.validTo', amend)).toBe('validFrom')
	expect(decreeFieldFor('rate', amend)).toBe('rate')
	expect(decreeFieldFor('decree.taxes.0.rates.0.rate', form({ mode: 'text' }))).toBe('decreeText')
})
