import { isIsoDate } from '../../shared/dates.ts'
import { validateAdoazonositoJel, validateAdoszam, validateGiro } from '../../shared/identifiers.ts'
import type { LocalizedText } from '../../shared/result.ts'

// Bank-statement file of the municipality's collection accounts (beszedési számlák), SANDBOX format
// (the real ASP import formats are not described in the reference). Described for users in
// ../samples/README.md:
//
// - UTF-8 text (a leading byte-order mark is ignored), lines end in LF or CRLF, `;` between fields.
// - Line 1 is exactly the header below; every other non-blank line is one credit item.
// - A field may be wrapped in double quotes (needed when it contains `;`); `""` inside is one `"`.
//   A field cannot span lines, so a line number always points at one item.
// - All-or-nothing: one broken line refuses the whole file, and every problem of every line is
//   reported, so the file can be fixed in one go.

export const STATEMENT_COLUMNS = [
	'konyvelesi_nap', // booking date, YYYY-MM-DD
	'erteknap', // value date, YYYY-MM-DD – the day the payment counts as made
	'szamla', // collection account credited, GIRO
	'osszeg', // amount credited, whole forints, digits only
	'befizeto_neve', // payer name
	'befizeto_szamlaja', // payer account, GIRO; empty for cash deposits
	'kozlemeny', // remittance text, free
	'banki_azonosito', // the bank's unique id of the line
] as const

export type StatementColumn = (typeof STATEMENT_COLUMNS)[number]

export const STATEMENT_HEADER = STATEMENT_COLUMNS.join(';')

/**
 * Limits of one statement file (issue 11: every import has a size and a row limit). A busy
 * collection account books a few hundred items a day; the limits are far above that and keep one
 * import a bounded amount of work.
 */
export const STATEMENT_LIMITS = { maxBytes: 5_000_000, maxLines: 10_000 } as const

export type StatementLine = {
	/** Line number in the file (the header is line 1). */
	line: number
	bookingDate: string
	valueDate: string
	/** Collection account credited, normalized `xxxxxxxx-xxxxxxxx[-xxxxxxxx]`. */
	account: string
	amount: number
	payerName: string
	/** Normalized GIRO, or null (cash deposit). */
	payerAccount: string | null
	remittance: string
	bankLineId: string
}

export type StatementProblem = { line: number; field?: StatementColumn; message: LocalizedText }

export type StatementParseResult = { ok: true; lines: Array<StatementLine> } | { ok: false; problems: Array<StatementProblem> }

const BANK_LINE_ID = /^\S{1,64}$/

/** Fields of one line, or null when a quote is not closed (or is followed by anything but `;`). */
function splitFields(line: string): Array<string> | null {
	const fields: Array<string> = []
	let i = 0
	for (;;) {
		let field = ''
		if (line[i] === '"') {
			i++
			for (;;) {
				if (i >= line.length) return null
				if (line[i] === '"') {
					if (line[i + 1] === '"') {
						field += '"'
						i += 2
						continue
					}
					i++
					break
				}
				field += line[i]
				i++
			}
			if (i < line.length && line[i] !== ';') return null
		} else {
			const end = line.indexOf(';', i)
			field = end === -1 ? line.slice(i) : line.slice(i, end)
			i = end === -1 ? line.length : end
		}
		fields.push(field.trim())
		if (i >= line.length) return fields
		i++ // the ';'
	}
}

function problem(line: number, field: StatementColumn | undefined, hu: string, en: string): StatementProblem {
	return field === undefined ? { line, message: { hu, en } } : { line, field, message: { hu, en } }
}

function checkDate(value: string, line: number, field: StatementColumn, problems: Array<StatementProblem>): void {
	if (!isIsoDate(value)) {
		problems.push(problem(line, field, `Érvénytelen dátum (ÉÉÉÉ-HH-NN kell): „${value}”.`, `Invalid date (YYYY-MM-DD expected): "${value}".`))
	}
}

/** Parses a whole statement file; see the header comment for the format. */
export function parseStatementFile(text: string): StatementParseResult {
	const rows = text.replace(/^\uFEFF/, '').split(/\r?\n/)
	if (rows[0]?.trim() !== STATEMENT_HEADER) {
		return {
			ok: false,
			problems: [
				problem(
					1,
					undefined,
					`Az első sornak a fejlécnek kell lennie: ${STATEMENT_HEADER}`,
					`The first line must be the header: ${STATEMENT_HEADER}`,
				),
			],
		}
	}
	const items = rows.reduce((n, row, index) => (index > 0 && row.trim() !== '' ? n + 1 : n), 0)
	if (items > STATEMENT_LIMITS.maxLines) {
		const max = STATEMENT_LIMITS.maxLines
		return { ok: false, problems: [problem(1, undefined, `Túl sok tétel (${items}); egy kivonat legfeljebb ${max} tételt tartalmazhat. Ossza több fájlra.`, `Too many items (${items}); a statement holds at most ${max}. Split the file.`)] }
	}
	const problems: Array<StatementProblem> = []
	const lines: Array<StatementLine> = []
	const seenIds = new Map<string, number>()

	rows.forEach((row, index) => {
		const line = index + 1
		if (line === 1 || row.trim() === '') return
		const fields = splitFields(row)
		if (fields === null) {
			problems.push(problem(line, undefined, 'Lezáratlan vagy hibásan lezárt idézőjel.', 'Unclosed or misplaced double quote.'))
			return
		}
		if (fields.length !== STATEMENT_COLUMNS.length) {
			problems.push(
				problem(
					line,
					undefined,
					`${fields.length} mező van a sorban, ${STATEMENT_COLUMNS.length} kell.`,
					`The line has ${fields.length} fields; ${STATEMENT_COLUMNS.length} expected.`,
				),
			)
			return
		}
		const [bookingDate, valueDate, account, amountText, payerName, payerAccount, remittance, bankLineId] = fields as [
			string,
			string,
			string,
			string,
			string,
			string,
			string,
			string,
		]
		const before = problems.length
		checkDate(bookingDate, line, 'konyvelesi_nap', problems)
		checkDate(valueDate, line, 'erteknap', problems)

		const giro = validateGiro(account)
		if (!giro.ok) {
			problems.push(
				giro.reason === 'format'
					? problem(line, 'szamla', `Nem számlaszám (8-8 vagy 8-8-8 számjegy): „${account}”.`, `Not an account number (8-8 or 8-8-8 digits): "${account}".`)
					: problem(line, 'szamla', `Hibás ellenőrző számjegy a számlaszámban: „${account}”.`, `Wrong check digit in the account number: "${account}".`),
			)
		}

		const amount = /^\d+$/.test(amountText) ? Number(amountText) : null
		if (amount === null || !Number.isSafeInteger(amount)) {
			problems.push(
				problem(
					line,
					'osszeg',
					`Az összeg egész forint, csak számjegyekkel (elválasztó, tizedes és előjel nélkül): „${amountText}”.`,
					`The amount is whole forints, digits only (no separators, decimals or sign): "${amountText}".`,
				),
			)
		} else if (amount === 0) {
			problems.push(problem(line, 'osszeg', 'Az összegnek pozitívnak kell lennie.', 'The amount must be positive.'))
		}

		if (payerName === '') problems.push(problem(line, 'befizeto_neve', 'Hiányzik a befizető neve.', 'The payer name is missing.'))

		const payerGiro = payerAccount === '' ? null : validateGiro(payerAccount)
		if (payerGiro !== null && !payerGiro.ok) {
			problems.push(
				problem(
					line,
					'befizeto_szamlaja',
					`Érvénytelen befizetői számlaszám: „${payerAccount}” (készpénzes befizetésnél üres).`,
					`Invalid payer account: "${payerAccount}" (leave it empty for a cash deposit).`,
				),
			)
		}

		if (bankLineId === '') {
			problems.push(problem(line, 'banki_azonosito', 'Hiányzik a banki tételazonosító.', 'The bank line id is missing.'))
		} else if (!BANK_LINE_ID.test(bankLineId)) {
			problems.push(
				problem(
					line,
					'banki_azonosito',
					'A banki tételazonosító legfeljebb 64 karakter, szóköz nélkül.',
					'The bank line id is at most 64 characters without spaces.',
				),
			)
		} else {
			const first = seenIds.get(bankLineId)
			// the same id twice means the bank sent an item twice; importing both would double-credit a taxpayer
			if (first !== undefined) {
				problems.push(
					problem(
						line,
						'banki_azonosito',
						`A(z) „${bankLineId}” banki azonosító már szerepel a(z) ${first}. sorban.`,
						`Bank line id "${bankLineId}" already appears on line ${first}.`,
					),
				)
			} else seenIds.set(bankLineId, line)
		}

		if (problems.length > before || !giro.ok || amount === null) return
		lines.push({
			line,
			bookingDate,
			valueDate,
			account: giro.normalized,
			amount,
			payerName,
			payerAccount: payerGiro?.ok ? payerGiro.normalized : null,
			remittance,
			bankLineId,
		})
	})
	return problems.length === 0 ? { ok: true, lines } : { ok: false, problems }
}

export type TaxpayerId = { kind: 'adoazonositoJel' | 'adoszam'; value: string }

// Digit runs not glued to other digits: the printed adószám, or 10–11 bare digits. Longer runs
// (account numbers, IBANs) and GIRO blocks (8 digits between dashes) never match.
const CANDIDATE = /(?<!\d)(\d{8}-\d-\d{2}|\d{10,11})(?!\d)/g

/**
 * The one taxpayer id in a remittance text: an adóazonosító jel (10 digits starting with 8, valid
 * check digit) or an adószám (xxxxxxxx-y-zz or 11 digits, valid check digits). Null when there is
 * none – or more than one different id, because guessing would credit the wrong taxpayer (T2). A
 * match is only a candidate: the caller still looks it up among the municipality's taxpayers.
 */
export function extractTaxpayerId(remittance: string): TaxpayerId | null {
	const found = new Map<string, TaxpayerId>()
	for (const [candidate] of remittance.matchAll(CANDIDATE)) {
		if (candidate.length === 10) {
			const result = validateAdoazonositoJel(candidate)
			if (result.ok) found.set(result.normalized, { kind: 'adoazonositoJel', value: result.normalized })
		} else {
			const result = validateAdoszam(candidate)
			if (result.ok) found.set(result.normalized, { kind: 'adoszam', value: result.normalized })
		}
	}
	return found.size === 1 ? [...found.values()][0]! : null
}
