import { expect, test } from 'vitest'
import { checkDecreeRate, valorisedCap } from './caps.ts'
import { NOMINAL_CAPS, TAX_CAP_DATA, type TaxCapData } from './reference/caps.ts'

// Figures from reference.md §B.1. Fixture data marked FIXTURE are invented for the test only, to
// exercise the valorisation path the reference gives no numbers for – they are not reference data.

test('the nominal caps are stored exactly as §B.1 gives them', () => {
	const table = NOMINAL_CAPS.map((c) => `${c.taxType}/${c.base}=${String(c.cap)} ${c.unit.hu}`)
	expect(table).toEqual([
		'epitmenyado/usefulAreaM2=1100 Ft/m²/év',
		'epitmenyado/adjustedMarketValue=360 % (korrigált forgalmi érték)',
		'telekado/usefulAreaM2=200 Ft/m²/év',
		'telekado/adjustedMarketValue=300 % (korrigált forgalmi érték)',
		'kommunalisAdo/perTaxObject=17000 Ft/adótárgy/év',
		'idegenforgalmiAdo/guestNight=300 Ft/fő/vendégéjszaka',
		'idegenforgalmiAdo/accommodationFee=400 % (szállásdíj)',
		'iparuzesiAdo/netTurnoverBase=200 % (adóalap)',
		'iparuzesiAdo/temporaryActivityDay=5000 Ft/nap',
		'telepulesiAdo/free=null a rendelet szerint',
	])
	// the reference gives no KSH index and no published valorised cap
	expect(TAX_CAP_DATA.cpi).toEqual([])
	expect(TAX_CAP_DATA.valorised).toEqual([])
	expect(TAX_CAP_DATA.valorisation.baseYear).toBeNull()
})

test('HIPA 2 % (200 bp) exactly at the cap passes; one hundredth of a percent above is refused naming the rule', () => {
	expect(checkDecreeRate('iparuzesiAdo', 'netTurnoverBase', 200, 2026)).toEqual({ ok: true, cap: 200, basis: 'notIndexed' })
	const above = checkDecreeRate('iparuzesiAdo', 'netTurnoverBase', 201, 2026)
	expect(above).toMatchObject({ ok: false, code: 'ABOVE_CAP', rule: 'Htv.: helyi iparűzési adó felső határa', cap: 200 })
	if (above.ok) throw new Error('unreachable')
	expect(above.message.hu).toContain('2,01 % (adóalap)')
	expect(above.message.hu).toContain('(2 % (adóalap))')
	expect(above.message.en).toContain('exceeds the legal cap for 2026')
	// a full percent above too
	expect(checkDecreeRate('iparuzesiAdo', 'netTurnoverBase', 300, 2026).ok).toBe(false)
})

test('percentage caps: építményadó 3.6 %, telekadó 3 %, IFA 4 % at the cap pass, one basis point above is refused', () => {
	for (const [tax, base, cap] of [
		['epitmenyado', 'adjustedMarketValue', 360],
		['telekado', 'adjustedMarketValue', 300],
		['idegenforgalmiAdo', 'accommodationFee', 400],
	] as const) {
		expect(checkDecreeRate(tax, base, cap, 2025).ok).toBe(true)
		expect(checkDecreeRate(tax, base, cap + 1, 2025)).toMatchObject({ ok: false, code: 'ABOVE_CAP', cap })
	}
})

test('forint caps without valorisation data: the nominal cap passes, one forint above cannot be checked (no guess)', () => {
	expect(checkDecreeRate('epitmenyado', 'usefulAreaM2', 1_100, 2026)).toEqual({ ok: true, cap: 1_100, basis: 'nominalFloor' })
	expect(checkDecreeRate('kommunalisAdo', 'perTaxObject', 17_000, 2026).ok).toBe(true)
	expect(checkDecreeRate('iparuzesiAdo', 'temporaryActivityDay', 5_000, 2026).ok).toBe(true)
	const above = checkDecreeRate('epitmenyado', 'usefulAreaM2', 1_101, 2026)
	expect(above).toMatchObject({ ok: false, code: 'NO_CAP_DATA', rule: 'Htv.: építményadó felső határa', cap: null })
	expect(valorisedCap('epitmenyado', 'usefulAreaM2', 2026)).toMatchObject({ ok: false, reason: 'noValorisationData', nominal: 1_100 })
})

test('Csopak 2025 (1 900 Ft/m², IFA 650 Ft/night, ✔ [S13b]) is not refused as above the cap – only as uncheckable', () => {
	expect(checkDecreeRate('epitmenyado', 'usefulAreaM2', 1_900, 2025)).toMatchObject({ ok: false, code: 'NO_CAP_DATA' })
	expect(checkDecreeRate('idegenforgalmiAdo', 'guestNight', 650, 2025)).toMatchObject({ ok: false, code: 'NO_CAP_DATA' })
})

test('a year outside the data is refused clearly, not a crash', () => {
	const cap = valorisedCap('iparuzesiAdo', 'netTurnoverBase', 2024)
	expect(cap).toMatchObject({ ok: false, reason: 'outsideData', rule: 'Htv.: helyi iparűzési adó felső határa' })
	const check = checkDecreeRate('iparuzesiAdo', 'netTurnoverBase', 150, 2024)
	expect(check).toMatchObject({ ok: false, code: 'NO_CAP_DATA', cap: null })
	if (check.ok) throw new Error('unreachable')
	expect(check.message.en).toBe('No legal cap is stored for tax year 2024 (local business tax); the rate cannot be checked.')
	expect(valorisedCap('iparuzesiAdo', 'netTurnoverBase', 2025.5)).toMatchObject({ ok: false, reason: 'invalidYear' })
	expect(valorisedCap('iparuzesiAdo', 'netTurnoverBase', Number.NaN)).toMatchObject({ ok: false, reason: 'invalidYear' })
})

test('a base the tax does not have is refused', () => {
	expect(valorisedCap('kommunalisAdo', 'usefulAreaM2', 2025)).toMatchObject({ ok: false, reason: 'unknownBase' })
	expect(checkDecreeRate('kommunalisAdo', 'usefulAreaM2', 1, 2025)).toMatchObject({ ok: false, code: 'NO_CAP_DATA' })
})

test('települési adó has no cap (✔ [S13g])', () => {
	expect(checkDecreeRate('telepulesiAdo', 'free', 1_000_000, 2025)).toEqual({ ok: true, cap: null, basis: 'noCap' })
})

test('negative or fractional rates are refused', () => {
	expect(checkDecreeRate('iparuzesiAdo', 'netTurnoverBase', -1, 2025)).toMatchObject({ ok: false, code: 'INVALID_RATE', cap: 200 })
	expect(checkDecreeRate('epitmenyado', 'usefulAreaM2', 10.5, 2025)).toMatchObject({ ok: false, code: 'INVALID_RATE' })
})

test('FIXTURE published valorised cap: exactly at it passes, one forint above is refused naming the rule', () => {
	const data: TaxCapData = {
		...TAX_CAP_DATA,
		valorised: [{ taxType: 'epitmenyado', base: 'usefulAreaM2', year: 2026, valorisedCap: 2_000, confidence: 'FIXTURE', source: 'test' }],
	}
	expect(valorisedCap('epitmenyado', 'usefulAreaM2', 2026, data)).toMatchObject({ ok: true, cap: 2_000, nominal: 1_100, basis: 'published' })
	expect(checkDecreeRate('epitmenyado', 'usefulAreaM2', 2_000, 2026, data)).toEqual({ ok: true, cap: 2_000, basis: 'published' })
	const above = checkDecreeRate('epitmenyado', 'usefulAreaM2', 2_001, 2026, data)
	expect(above).toMatchObject({ ok: false, code: 'ABOVE_CAP', rule: 'Htv.: építményadó felső határa', cap: 2_000 })
	if (above.ok) throw new Error('unreachable')
	expect(above.message.hu).toBe('A(z) 2\u00a0001 Ft/m²/év adómérték meghaladja a(z) 2026. évi törvényi felső határt (2\u00a0000 Ft/m²/év).')
})

test('FIXTURE indices: nominal × Π previous-year indices, rounded half up once; a missing year is refused', () => {
	const data: TaxCapData = {
		...TAX_CAP_DATA,
		valorisation: { ...TAX_CAP_DATA.valorisation, baseYear: 2025 },
		cpi: [
			{ year: 2025, indexPermille: 1_045, confidence: 'FIXTURE', source: 'test' },
			{ year: 2026, indexPermille: 1_010, confidence: 'FIXTURE', source: 'test' },
		],
	}
	expect(valorisedCap('kommunalisAdo', 'perTaxObject', 2025, data)).toMatchObject({ ok: true, cap: 17_000, basis: 'nominal' })
	// 17 000 × 1.045 = 17 765
	expect(valorisedCap('kommunalisAdo', 'perTaxObject', 2026, data)).toMatchObject({ ok: true, cap: 17_765, basis: 'computed' })
	// 1 100 × 1.045 × 1.010 = 1 160.995 → 1 161; 300 × 1.045 × 1.010 = 316.635 → 317
	expect(valorisedCap('epitmenyado', 'usefulAreaM2', 2027, data)).toMatchObject({ ok: true, cap: 1_161 })
	expect(valorisedCap('idegenforgalmiAdo', 'guestNight', 2027, data)).toMatchObject({ ok: true, cap: 317 })
	expect(checkDecreeRate('idegenforgalmiAdo', 'guestNight', 317, 2027, data).ok).toBe(true)
	expect(checkDecreeRate('idegenforgalmiAdo', 'guestNight', 318, 2027, data)).toMatchObject({ ok: false, code: 'ABOVE_CAP', cap: 317 })
	// percentage caps stay as they are
	expect(valorisedCap('iparuzesiAdo', 'netTurnoverBase', 2027, data)).toMatchObject({ ok: true, cap: 200, basis: 'notIndexed' })
	// no 2027 index → 2028 is not computed
	expect(valorisedCap('epitmenyado', 'usefulAreaM2', 2028, data)).toMatchObject({ ok: false, reason: 'noValorisationData' })
})
