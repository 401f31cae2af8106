import { expect, test } from 'vitest'
import { decreeYears, validateDecree } from './decrees.ts'

function decree(overrides: Record<string, unknown> = {}) {
	return {
		municipalityId: 'csopak',
		decreeReference: '12/2024. (XI. 28.) önkormányzati rendelet',
		validFrom: '2025-01-01',
		validTo: null,
		taxes: [
			{
				taxType: 'iparuzesiAdo',
				rates: [
					{ base: 'netTurnoverBase', rate: 200 },
					{ base: 'temporaryActivityDay', rate: 5_000 },
				],
				exemptions: [{ code: 'kisvallalkozo', kind: 'taxpayer', descriptionHu: 'Adóalap 2,5 millió Ft alatt' }],
			},
			{
				taxType: 'epitmenyado',
				rates: [
					{ base: 'usefulAreaM2', rate: 1_100, category: 'lakas' },
					{ base: 'usefulAreaM2', rate: 800, category: 'udulo' },
				],
				allowances: [{ code: 'elso-30m2', kind: 'areaM2', value: 30, descriptionHu: 'Az első 30 m² mentes' }],
			},
			{ taxType: 'kommunalisAdo', rates: [{ base: 'perTaxObject', rate: 17_000 }] },
		],
		...overrides,
	}
}

test('a decree within the caps is accepted, with defaults for missing lists', () => {
	const result = validateDecree(decree())
	expect(result.ok).toBe(true)
	if (!result.ok) throw new Error('unreachable')
	expect(result.decree.taxes[2]).toMatchObject({ exemptions: [], allowances: [] })
})

test('every rate above its cap is reported with its path and rule, not just the first', () => {
	const input = decree({
		taxes: [
			{ taxType: 'iparuzesiAdo', rates: [{ base: 'netTurnoverBase', rate: 201 }] },
			{ taxType: 'epitmenyado', rates: [{ base: 'adjustedMarketValue', rate: 400 }] },
			{ taxType: 'kommunalisAdo', rates: [{ base: 'perTaxObject', rate: 17_001 }] },
		],
	})
	const result = validateDecree(input)
	expect(result.ok).toBe(false)
	if (result.ok) throw new Error('unreachable')
	expect(result.problems.map((p) => [p.path, p.code, p.rule, p.year])).toEqual([
		['taxes.0.rates.0.rate', 'ABOVE_CAP', 'Htv.: helyi iparűzési adó felső határa', 2025],
		['taxes.1.rates.0.rate', 'ABOVE_CAP', 'Htv.: építményadó felső határa', 2025],
		['taxes.2.rates.0.rate', 'NO_CAP_DATA', 'Htv.: magánszemélyek kommunális adója felső határa', 2025],
	])
})

test('a decree reaching into a year outside the cap data is refused for that year, not a crash', () => {
	const result = validateDecree(decree({ validFrom: '2024-01-01', validTo: '2025-12-31' }))
	expect(result.ok).toBe(false)
	if (result.ok) throw new Error('unreachable')
	expect(result.problems.every((p) => p.code === 'NO_CAP_DATA' && p.year === 2024)).toBe(true)
	expect(result.problems).toHaveLength(5)
	expect(decreeYears({ validFrom: '2025-03-01', validTo: '2027-06-30' })).toEqual([2025, 2026, 2027])
})

test('schema errors are reported with their paths', () => {
	const result = validateDecree({
		municipalityId: '',
		decreeReference: 'R',
		validFrom: '2025-02-30',
		validTo: null,
		taxes: [
			{ taxType: 'gepjarmuado', rates: [{ base: 'perTaxObject', rate: 100 }] },
			{ taxType: 'epitmenyado', rates: [{ base: 'usefulAreaM2', rate: -5 }] },
			{ taxType: 'telekado', rates: [{ base: 'usefulAreaM2', rate: 10.5 }], allowances: [{ code: 'x', kind: 'percentOfTax', value: 10_001, descriptionHu: 'túl sok' }] },
		],
	})
	expect(result.ok).toBe(false)
	if (result.ok) throw new Error('unreachable')
	const paths = result.problems.map((p) => p.path)
	expect(paths).toEqual(
		expect.arrayContaining([
			'municipalityId',
			'validFrom',
			'taxes.0.taxType',
			'taxes.1.rates.0.rate',
			'taxes.2.rates.0.rate',
			'taxes.2.allowances.0.value',
		]),
	)
	expect(result.problems.every((p) => p.code === 'SCHEMA' && p.message.hu.includes(p.path))).toBe(true)
})

test('cross-field rules: base of another tax, duplicate tax, duplicate rate line, validTo before validFrom', () => {
	const result = validateDecree(
		decree({
			validTo: '2024-12-31',
			taxes: [
				{ taxType: 'kommunalisAdo', rates: [{ base: 'usefulAreaM2', rate: 100 }] },
				{ taxType: 'epitmenyado', rates: [{ base: 'usefulAreaM2', rate: 100 }, { base: 'usefulAreaM2', rate: 200 }] },
				{ taxType: 'epitmenyado', rates: [{ base: 'adjustedMarketValue', rate: 100 }] },
			],
		}),
	)
	expect(result.ok).toBe(false)
	if (result.ok) throw new Error('unreachable')
	expect(result.problems.map((p) => p.path).sort()).toEqual(['taxes.0.rates.0.base', 'taxes.1.rates.1', 'taxes.2.taxType', 'validTo'])
})

test('input that is not a decree at all is reported, not thrown', () => {
	for (const input of [null, 42, 'rendelet', {}]) {
		const result = validateDecree(input)
		expect(result.ok).toBe(false)
		if (result.ok) throw new Error('unreachable')
		expect(result.problems.length).toBeGreaterThan(0)
	}
})
