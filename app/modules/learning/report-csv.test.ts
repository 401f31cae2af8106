import { expect, test } from 'vitest'
import { CSV_BOM, csvDateTime, csvField, csvFileName, encodeCsv, peopleCsvHeader, peopleCsvRow } from './report-csv.ts'
import type { PersonRow } from './reports.ts'

test('a document starts with the byte order mark, separates with semicolons and ends lines with CRLF', () => {
	const csv = encodeCsv([
		['Név', 'Pont'],
		['Kovács Anna', 90],
	])
	expect(csv.startsWith(CSV_BOM)).toBe(true)
	expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
	expect(csv.slice(1)).toBe('Név;Pont\r\nKovács Anna;90\r\n')
})

test('a field with a semicolon, a quote or a line break is quoted, with quotes doubled', () => {
	expect(csvField('Nagy; "Öcsi" Béla')).toBe('"Nagy; ""Öcsi"" Béla"')
	expect(csvField('két\nsor')).toBe('"két\nsor"')
	expect(csvField('vessző, de nem elválasztó')).toBe('vessző, de nem elválasztó')
	expect(csvField('Őrségi Űrhajós')).toBe('Őrségi Űrhajós')
	expect(csvField(null)).toBe('')
	expect(csvField(0)).toBe('0')
})

test('text that Excel would run as a formula is defused', () => {
	expect(csvField('=HYPERLINK("http://x";"y")')).toBe(`"'=HYPERLINK(""http://x"";""y"")"`)
	expect(csvField('+36 1 234 5678')).toBe("'+36 1 234 5678")
	expect(csvField('@valami')).toBe("'@valami")
})

const person: PersonRow = {
	userId: 1,
	name: 'Kiss; "Bözsi" Erzsébet',
	email: 'kiss.erzsebet@ragaly.hu',
	office: 'Ragályi Közös Önkormányzati Hivatal',
	startedAt: Date.parse('2016-12-31T23:30:00Z'),
	completedAt: null,
	percent: 25,
	quizzes: { kviz: { bestPercent: 90, attempts: 2 } },
}

test('the people export has a header per locale, two columns per quiz, and Budapest times', () => {
	const quizzes = [{ quizId: 'kviz', title: 'A kiadási ciklus' }, { quizId: 'masik', title: 'Másik' }]
	expect(peopleCsvHeader('hu', quizzes)).toEqual([
		'Név',
		'E-mail-cím',
		'Hivatal',
		'Elkezdte',
		'Teljesítette',
		'Haladás (%)',
		'A kiadási ciklus – legjobb eredmény (%)',
		'A kiadási ciklus – próbálkozások',
		'Másik – legjobb eredmény (%)',
		'Másik – próbálkozások',
	])
	expect(peopleCsvHeader('en', quizzes)[0]).toBe('Name')
	const csv = encodeCsv([peopleCsvHeader('hu', quizzes), peopleCsvRow(person, quizzes)])
	const line = csv.split('\r\n')[1]
	// 23:30 UTC on New Year's Eve is already 2017 in Budapest
	expect(line).toBe('"Kiss; ""Bözsi"" Erzsébet";kiss.erzsebet@ragaly.hu;Ragályi Közös Önkormányzati Hivatal;2017-01-01 00:30;;25;90;2;;0')
	expect(csvDateTime(null)).toBe('')
})

test('the file name is safe for a Content-Disposition header', () => {
	expect(csvFileName('asp-bevezeto-minta', Date.parse('2017-01-02T10:00:00Z'))).toBe('jelentes-asp-bevezeto-minta-2017-01-02.csv')
	expect(csvFileName('a"b;c\r\nd', 0)).toBe('jelentes-abcd-1970-01-01.csv')
})
