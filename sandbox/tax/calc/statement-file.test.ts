import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { expect, test } from 'vitest'
import { assessmentInstalmentDates } from './due-dates.ts'
import { lateInterest } from './late-interest.ts'
import { STATEMENT_HEADER, STATEMENT_LIMITS, extractTaxpayerId, parseStatementFile } from './statement-file.ts'

function sample(name: string): string {
	return readFileSync(new URL(`../samples/${name}`, import.meta.url), 'utf8')
}

// Collection accounts of the Bükkalja scenario (sandbox/scenarios/bukkalja.server.ts OWN_ACCOUNTS)
const ACCOUNTS = {
	alsobukkHipa: '11739016-20000000-00123615',
	alsobukkKommunalis: '11739016-20000000-00123725',
	felsobukkEpitmenyado: '11739016-20000000-00124056',
}

test('the sample files use the scenario’s collection accounts', () => {
	const scenario = readFileSync(new URL('../../scenarios/bukkalja.server.ts', import.meta.url), 'utf8').split('\n')
	const row = (giro: string) => scenario.find((line) => line.includes(`'${giro}'`)) ?? ''
	expect(row(ACCOUNTS.alsobukkHipa)).toMatch(/BUKKALJA\.A.*taxType: 'hipa'/)
	expect(row(ACCOUNTS.alsobukkKommunalis)).toMatch(/BUKKALJA\.A.*taxType: 'kommunalis'/)
	expect(row(ACCOUNTS.felsobukkEpitmenyado)).toMatch(/BUKKALJA\.B.*taxType: 'epitmenyado'/)
})

test('T2 sample: 6 items on Alsóbükk’s HIPA and kommunális accounts; 5 carry a taxpayer id, the 5 000 Ft one none', () => {
	const result = parseStatementFile(sample('t2-alsobukk-2026-03-16.csv'))
	if (!result.ok) throw new Error(JSON.stringify(result.problems))
	expect(
		result.lines.map((l) => [l.line, l.account === ACCOUNTS.alsobukkHipa ? 'hipa' : l.account === ACCOUNTS.alsobukkKommunalis ? 'kommunalis' : l.account, l.amount, extractTaxpayerId(l.remittance)?.value ?? null]),
	).toEqual([
		[2, 'kommunalis', 6_000, '8333380018'], // Papp József – correct
		[3, 'kommunalis', 6_000, '8382910025'], // Lakatos Mária – correct
		[4, 'hipa', 45_000, '24681016-2-05'], // Alsóbükki Pékség Kft. HIPA advance – correct
		[5, 'hipa', 6_000, '8414740014'], // Oláh Péter: kommunális adó sent to the HIPA account
		[6, 'kommunalis', 5_000, null], // no identifier: suspense
		[7, 'kommunalis', 24_000, '8302220035'], // Bodnár Ilona: 12 000 more than her 2 × 6 000
	])
	expect(result.lines.every((l) => l.bookingDate === '2026-03-16' && l.valueDate === '2026-03-16')).toBe(true)
	// the quoted remittance keeps its ';'
	expect(result.lines[2]!.remittance).toBe('HIPA előleg 2026; adószám 24681016-2-05')
	expect(result.lines[4]).toMatchObject({ payerName: 'KOVÁCS J.', payerAccount: null, bankLineId: '20260316-K-000103' })
	expect(result.lines.reduce((sum, l) => sum + l.amount, 0)).toBe(92_000)
})

test('T3 sample: 100 000 Ft on Felsőbükk’s építményadó account on 15 April 2026 → 930 Ft pótlék', () => {
	const result = parseStatementFile(sample('t3-felsobukk-2026-04-15.csv'))
	if (!result.ok) throw new Error(JSON.stringify(result.problems))
	const [payment] = result.lines
	expect(payment).toMatchObject({ account: ACCOUNTS.felsobukkEpitmenyado, amount: 100_000, valueDate: '2026-04-15' })
	expect(extractTaxpayerId(payment!.remittance)).toEqual({ kind: 'adoazonositoJel', value: '8362860014' })
	const [march] = assessmentInstalmentDates(2026, '2026-02-10')
	expect(lateInterest({ amount: payment!.amount, dueDate: march.effective, paidDate: payment!.valueDate }).total).toBe(930)
})

test('the broken sample is refused as a whole, with every problem of every line', () => {
	const result = parseStatementFile(sample('hibas-kivonat.csv'))
	expect(result.ok).toBe(false)
	if (result.ok) return
	expect(result.problems.map((p) => [p.line, p.field ?? null])).toEqual([
		[3, 'konyvelesi_nap'], // 2026.03.16
		[3, 'erteknap'], // 2026-02-30
		[4, 'szamla'], // check digit
		[4, 'osszeg'], // '6 000'
		[5, 'osszeg'], // 0
		[5, 'befizeto_szamlaja'], // check digit
		[5, 'banki_azonosito'], // missing
		[6, 'osszeg'], // '5000,50'
		[6, 'befizeto_neve'], // missing
		[6, 'banki_azonosito'], // duplicate of line 2
		[7, null], // 7 fields
	])
	for (const p of result.problems) {
		expect(p.message.hu.length).toBeGreaterThan(0)
		expect(p.message.en.length).toBeGreaterThan(0)
	}
	expect(result.problems[9]!.message.en).toBe('Bank line id "20260316-K-000101" already appears on line 2.')
})

const LINE = '2026-03-16;2026-03-16;11739016-20000000-00123725;6000;Papp József;;8333380018;id-1'

test('header: required and exact; BOM and CRLF are accepted; a header-only file is an empty statement', () => {
	expect(parseStatementFile('')).toMatchObject({ ok: false, problems: [{ line: 1 }] })
	expect(parseStatementFile(LINE)).toMatchObject({ ok: false, problems: [{ line: 1 }] })
	expect(parseStatementFile(STATEMENT_HEADER.replace('osszeg', 'összeg'))).toMatchObject({ ok: false })
	expect(parseStatementFile(`\uFEFF${STATEMENT_HEADER}\r\n${LINE}\r\n`)).toMatchObject({ ok: true, lines: [{ line: 2, amount: 6_000 }] })
	expect(parseStatementFile(`${STATEMENT_HEADER}\n`)).toEqual({ ok: true, lines: [] })
})

test('blank lines are skipped but keep the line numbering of the file', () => {
	const result = parseStatementFile(`${STATEMENT_HEADER}\n\n${LINE}\n   \n${LINE.replace('id-1', 'id-2')}`)
	expect(result.ok && result.lines.map((l) => l.line)).toEqual([3, 5])
})

test('quotes: "" is one quote, a quoted ; stays in the field; an unclosed quote is a problem', () => {
	const quoted = `${STATEMENT_HEADER}\n2026-03-16;2026-03-16;11739016-20000000-00123725;6000;"Kovács ""Kis"" János";;"a;b";id-1`
	expect(parseStatementFile(quoted)).toMatchObject({ ok: true, lines: [{ payerName: 'Kovács "Kis" János', remittance: 'a;b' }] })
	expect(parseStatementFile(`${STATEMENT_HEADER}\n2026-03-16;2026-03-16;11739016-20000000-00123725;6000;"Kovács;;x;id-1`)).toMatchObject({
		ok: false,
		problems: [{ line: 2 }],
	})
	expect(parseStatementFile(`${STATEMENT_HEADER}\n2026-03-16;2026-03-16;11739016-20000000-00123725;6000;"Kovács"x;;x;id-1`).ok).toBe(false)
})

test('amounts: positive whole forints in digits only', () => {
	const withAmount = (amount: string) => parseStatementFile(`${STATEMENT_HEADER}\n${LINE.replace(';6000;', `;${amount};`)}`)
	expect(withAmount('1')).toMatchObject({ ok: true, lines: [{ amount: 1 }] })
	for (const bad of ['0', '-6000', '6000.5', '6 000', '6000 Ft', '', '99999999999999999999']) {
		expect(withAmount(bad)).toMatchObject({ ok: false, problems: [{ line: 2, field: 'osszeg' }] })
	}
})

test('extractTaxpayerId: one valid adóazonosító jel or adószám in free text, nothing else', () => {
	expect(extractTaxpayerId('Kiss Anna 8432690031 építményadó')).toEqual({ kind: 'adoazonositoJel', value: '8432690031' })
	expect(extractTaxpayerId('adoazon.:8432690031.')).toEqual({ kind: 'adoazonositoJel', value: '8432690031' })
	expect(extractTaxpayerId('HIPA 12892312-2-41')).toEqual({ kind: 'adoszam', value: '12892312-2-41' })
	expect(extractTaxpayerId('HIPA 12892312241')).toEqual({ kind: 'adoszam', value: '12892312-2-41' })
	// the same id twice is still one taxpayer
	expect(extractTaxpayerId('8432690031 / 8432690031')).toEqual({ kind: 'adoazonositoJel', value: '8432690031' })
	// transposed digits fail mod 11 (T1 common mistake 2); a non-8 start is not a person's tax id
	expect(extractTaxpayerId('8432690013')).toBeNull()
	expect(extractTaxpayerId('1432690031')).toBeNull()
	// two different taxpayers: do not guess
	expect(extractTaxpayerId('8432690031 és 8333380018')).toBeNull()
	// account numbers, longer digit runs and ids glued to other digits are not ids
	expect(extractTaxpayerId('számla 11739016-20000000-00123725')).toBeNull()
	expect(extractTaxpayerId('184326900311')).toBeNull()
	expect(extractTaxpayerId('HU14117730162000000012345678')).toBeNull()
	expect(extractTaxpayerId('12892312-2-99')).toBeNull() // no such region
	expect(extractTaxpayerId('')).toBeNull()
})

function csvField(value: string): string {
	return /[;"]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

test('property: any valid line written with quoting where needed parses back to the same values', () => {
	const text = fc.string({ maxLength: 30 }).map((s) => s.replace(/[\r\n]/g, ' ').trim())
	fc.assert(
		fc.property(
			fc.array(fc.record({ amount: fc.integer({ min: 1, max: 1_000_000_000 }), payerName: text.filter((s) => s !== ''), remittance: text }), {
				minLength: 1,
				maxLength: 5,
			}),
			(items) => {
				const rows = items.map((item, i) =>
					['2026-03-16', '2026-03-17', ACCOUNTS.alsobukkKommunalis, String(item.amount), csvField(item.payerName), '', csvField(item.remittance), `id-${i}`].join(';'),
				)
				const result = parseStatementFile([STATEMENT_HEADER, ...rows].join('\n'))
				if (!result.ok) throw new Error(JSON.stringify(result.problems))
				expect(result.lines.map((l) => ({ amount: l.amount, payerName: l.payerName, remittance: l.remittance }))).toEqual(items)
			},
		),
	)
})

test('a statement of more items than the limit is refused as a whole with the limit named; blank lines do not count', () => {
	const item = (i: number) => `2026-03-16;2026-03-16;${ACCOUNTS.alsobukkHipa};1000;Teszt Elek;;8333380018;B${i}`
	const file = (n: number) => [STATEMENT_HEADER, ...Array.from({ length: n }, (_, i) => item(i)), '', ''].join('\n')
	const atLimit = parseStatementFile(file(STATEMENT_LIMITS.maxLines))
	expect(atLimit.ok && atLimit.lines.length).toBe(STATEMENT_LIMITS.maxLines)
	const over = parseStatementFile(file(STATEMENT_LIMITS.maxLines + 1))
	expect(over.ok).toBe(false)
	expect(!over.ok && over.problems.map((p) => p.message.en)).toEqual([`Too many items (${STATEMENT_LIMITS.maxLines + 1}); a statement holds at most ${STATEMENT_LIMITS.maxLines}. Split the file.`])
})
