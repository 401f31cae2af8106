import { afterEach, expect, test } from 'vitest'
import { BUKKALJA } from '../scenarios/bukkalja.server.ts'
import { at, newSandbox, type TestSandbox } from '../testing/harness.server.ts'
import { STATEMENT_HEADER } from './calc/statement-file.ts'
import {
	closablePeriods,
	collectionOrderList,
	decreeInForce,
	feedPreview,
	listDecrees,
	listDocuments,
	listInterestPostings,
	listPeriods,
	listStatements,
	searchTaxpayers,
	statementLines,
	suspenseQueue,
	taxDocument,
	taxpayerDetail,
} from './queries.server.ts'

// Read models of the tax screens: always the active municipality only, figures as the commands left them.

const A = BUKKALJA.A
const B = BUKKALJA.B
const B_EPITMENYADO = '11739016-20000000-00124056'

let sb: TestSandbox
afterEach(() => sb?.close())

const file = (lines: Array<[value: string, account: string, amount: number, payer: string, text: string, id: string]>) =>
	[STATEMENT_HEADER, ...lines.map(([value, account, amount, payer, text, id]) => [value, value, account, amount, payer, '', text, id].join(';'))].join('\n')

/** Fekete Ilona in Felsőbükk: 200 m² building at 1 000 Ft/m², decision of 10 February → 2 × 100 000. */
function feketeWithDecision(): number {
	const id = Number(sb.ok('adougyes2', { type: 'tax.taxpayer.register', kind: 'person', name: 'Fekete Ilona', adoazonositoJel: '8362860014', address: 'Felsőbükk, Fő utca 9.' }, { municipality: B, now: at('2026-02-01') }).id)
	sb.ok('adougyes2', { type: 'tax.object.register', taxpayerId: id, kind: 'building', adonem: 'epitmenyado', hrsz: '88', areaM2: 200, acquiredOn: '2020-05-05', notifiedOn: '2020-05-10' }, { municipality: B, now: at('2026-02-01') })
	sb.ok('adougyes2', { type: 'tax.assessment.issue', taxpayerId: id, adonem: 'epitmenyado', year: 2026 }, { municipality: B, now: at('2026-02-10') })
	return id
}

test('taxpayer search stays inside the active municipality and ignores accents and identifier dashes', () => {
	sb = newSandbox()
	const a = searchTaxpayers(sb.db, A, '2026-03-02')
	const b = searchTaxpayers(sb.db, B, '2026-03-02')
	expect(a.map((t) => t.name)).toEqual(['Bükkaljai Fafeldolgozó Kft.', 'Erdőszéle Vendégház Bt.', 'Kovács Péter', 'Tóth István', 'Varga Erzsébet'])
	expect(b.map((t) => t.name)).toEqual(['Balogh Ferenc', 'Lakatos Gyula', 'Szabó Mária', 'Vincze Ilona'])
	expect(searchTaxpayers(sb.db, A, '2026-03-02', { q: 'toth' }).map((t) => t.name)).toEqual(['Tóth István'])
	expect(searchTaxpayers(sb.db, A, '2026-03-02', { q: 'ERDŐSZÉLE' }).map((t) => t.name)).toEqual(['Erdőszéle Vendégház Bt.'])
	expect(searchTaxpayers(sb.db, A, '2026-03-02', { q: '24680132205' }).map((t) => t.adoszam)).toEqual(['24680132-2-05'])
	expect(searchTaxpayers(sb.db, A, '2026-03-02', { q: 'Szabó' })).toEqual([])
	// Lakatos's gépjárműadó arrear from 2020 (taken over at go-live) is in arrears; nobody in Alsóbükk owes yet
	expect(b.find((t) => t.name === 'Lakatos Gyula')).toMatchObject({ balance: 18000, arrears: 18000 })
	expect(a.every((t) => t.arrears === 0)).toBe(true)
})

test('taxpayer detail: objects, the decision, per-adónem account with running balance, open charges and arrears', () => {
	sb = newSandbox()
	const id = feketeWithDecision()
	sb.ok('adougyes2', { type: 'tax.statement.import', fileName: 'k.csv', content: file([['2026-04-15', B_EPITMENYADO, 100000, 'Fekete Ilona', '8362860014', 'Q-1']]) }, { municipality: B, now: at('2026-04-16') })
	sb.ok('adougyes2', { type: 'tax.interest.run', taxpayerId: id }, { municipality: B, now: at('2026-04-20') })
	expect(taxpayerDetail(sb.db, A, id, '2026-04-20')).toBeNull()
	const d = taxpayerDetail(sb.db, B, id, '2026-10-01')!
	expect(d.taxpayer).toMatchObject({ name: 'Fekete Ilona', adoazonositoJel: '8362860014' })
	expect(d.objects).toEqual([expect.objectContaining({ hrsz: '88', areaM2: 200, adonem: 'epitmenyado' })])
	expect(d.documents.map((doc) => [doc.kind, doc.number, doc.total])).toEqual([['assessment', 'KH-2026/00001', 200000]])
	const building = d.accounts.find((a) => a.adonem === 'epitmenyado')!
	expect(building.entries.map((e) => [e.kind, e.debit, e.credit, e.balance])).toEqual([
		['charge', 100000, 0, 100000],
		['charge', 100000, 0, 200000],
		['payment', 0, 100000, 100000],
	])
	// on 1 October the September half (due 15 September) is in arrears, and so is the pótlék posted on 20 April
	expect(building).toMatchObject({ balance: 100000, arrears: 100000 })
	expect(d.accounts.find((a) => a.adonem === 'potlek')).toMatchObject({ balance: 930, arrears: 930 })
	expect(d.openCharges.map((c) => [c.adonem, c.open, c.dueDate, c.overdue])).toEqual([
		['potlek', 930, '2026-04-20', true],
		['epitmenyado', 100000, '2026-09-15', true],
	])
	expect(d).toMatchObject({ balance: 100930, arrears: 100930 })
	expect(listInterestPostings(sb.db, B)).toEqual([expect.objectContaining({ taxpayerId: id, amount: 930, kind: 'interest' })])
	expect(listInterestPostings(sb.db, A)).toEqual([])
})

test('statements, their lines with status and the suspense queue belong to one municipality', () => {
	sb = newSandbox()
	feketeWithDecision()
	sb.ok(
		'adougyes2',
		{
			type: 'tax.statement.import',
			fileName: 'kivonat.csv',
			content: file([
				['2026-03-13', B_EPITMENYADO, 100000, 'Fekete Ilona', 'építményadó 8362860014', 'S-1'],
				['2026-03-13', B_EPITMENYADO, 5000, 'Ismeretlen', 'adó', 'S-2'],
			]),
		},
		{ municipality: B, now: at('2026-03-16') },
	)
	expect(listStatements(sb.db, A)).toEqual([])
	// (the scenario's own statement of last year is there too)
	expect(listStatements(sb.db, B).filter((st) => st.fileName === 'kivonat.csv')).toEqual([expect.objectContaining({ fileName: 'kivonat.csv', lineCount: 2, total: 105000, matched: 1, suspense: 1 })])
	expect(statementLines(sb.db, B).filter((l) => l.bankLineId.startsWith('S-')).map((l) => [l.bankLineId, l.status, l.how, l.taxpayerName, l.account])).toEqual([
		['S-2', 'suspense', 'unidentified', null, B_EPITMENYADO],
		['S-1', 'matched', 'auto', 'Fekete Ilona', B_EPITMENYADO],
	])
	const [waiting] = suspenseQueue(sb.db, B)
	expect(waiting).toMatchObject({ bankLineId: 'S-2', amount: 5000, note: null })
	sb.ok('adougyes2', { type: 'tax.suspense.note', lineId: waiting!.id, note: 'befizető megkeresve' }, { municipality: B, now: at('2026-03-17') })
	expect(suspenseQueue(sb.db, B)).toEqual([expect.objectContaining({ note: 'befizető megkeresve' })])
	expect(suspenseQueue(sb.db, A)).toEqual([])
})

test('documents print with the figures they were issued on; another municipality cannot open them', () => {
	sb = newSandbox()
	const id = feketeWithDecision()
	const [decision] = listDocuments(sb.db, B, { kind: 'assessment' })
	expect(taxDocument(sb.db, A, decision!.id)).toBeNull()
	const doc = taxDocument(sb.db, B, decision!.id)!
	expect(doc).toMatchObject({ kind: 'assessment', number: 'KH-2026/00001', total: 200000, taxpayerName: 'Fekete Ilona', municipalityName: 'Felsőbükk', createdBy: 'adougyes2' })
	expect(doc.data).toMatchObject({ year: 2026, instalments: [{ amount: 100000, effective: '2026-03-16' }, { amount: 100000, effective: '2026-09-15' }] })
	sb.ok('adougyes2', { type: 'tax.certificate.issue', taxpayerId: id, kind: 'general' }, { municipality: B, now: at('2026-04-20') })
	expect(listDocuments(sb.db, B, { taxpayerId: id }).map((d) => d.kind)).toEqual(['certificate', 'assessment'])
	expect(listDocuments(sb.db, B, { kind: 'reminder' })).toEqual([])
})

test('collection-order list: a reminder older than the days it gave, with arrears still open', () => {
	sb = newSandbox()
	const id = feketeWithDecision()
	sb.ok('adougyes2', { type: 'tax.reminder.issue' }, { municipality: B, now: at('2026-04-01') })
	// the reminder gives 15 days: not yet on the list on day 15, on it from day 16 while unpaid
	expect(collectionOrderList(sb.db, B, '2026-04-16')).toEqual([])
	const listed = collectionOrderList(sb.db, B, '2026-04-17')
	expect(listed.map((r) => [r.name, r.reminded])).toEqual([
		['Fekete Ilona', 100000],
		['Vincze Ilona', 50000],
		['Lakatos Gyula', 18000],
	])
	expect(listed[0]).toMatchObject({ taxpayerId: id, arrears: 100000, reminderNumber: expect.stringMatching(/^FF-2026\/0000\d$/) })
	expect(collectionOrderList(sb.db, A, '2026-04-17')).toEqual([])
	sb.ok('adougyes2', { type: 'tax.statement.import', fileName: 'k.csv', content: file([['2026-04-17', B_EPITMENYADO, 100000, 'Fekete Ilona', '8362860014', 'P-1']]) }, { municipality: B, now: at('2026-04-17') })
	expect(collectionOrderList(sb.db, B, '2026-04-18').map((r) => r.name)).toEqual(['Vincze Ilona', 'Lakatos Gyula'])
})

test('month-end: closable months, the feed preview equals what closing stores, posted once', () => {
	sb = newSandbox()
	feketeWithDecision()
	sb.ok('adougyes2', { type: 'tax.statement.import', fileName: 'k.csv', content: file([['2026-03-13', B_EPITMENYADO, 100000, 'Fekete Ilona', '8362860014', 'M-1']]) }, { municipality: B, now: at('2026-03-16') })
	expect(closablePeriods(sb.db, B, '2026-04-02')).toEqual(['2020-09', '2025-01', '2025-03', '2026-02', '2026-03'])
	expect(closablePeriods(sb.db, A, '2026-04-02')).toEqual([])
	const preview = feedPreview(sb.db, B, '2026-03')
	expect(preview).toEqual({ ok: true, items: [expect.objectContaining({ adonem: 'epitmenyado', rovat: 'B34', identified: 100000 })] })
	sb.ok('adougyes2', { type: 'tax.period.close', period: '2026-03' }, { municipality: B, now: at('2026-04-02') })
	const [closed] = listPeriods(sb.db, B)
	expect(closed).toMatchObject({ period: '2026-03', financeFeedId: null })
	expect(closed!.items).toEqual(preview.ok ? preview.items : [])
	expect(closablePeriods(sb.db, B, '2026-04-02')).toEqual(['2020-09', '2025-01', '2025-03', '2026-02'])
	sb.ok('adougyes2', { type: 'tax.feed.post', period: '2026-03' }, { municipality: B, now: at('2026-04-02') })
	expect(listPeriods(sb.db, B)[0]).toMatchObject({ postedBy: 'adougyes2', financeFeedId: expect.any(Number) })
	expect(listPeriods(sb.db, A)).toEqual([])
})

test('decrees: each municipality its own, the one in force is the latest covering the day', () => {
	sb = newSandbox()
	expect(listDecrees(sb.db, A).map((d) => d.reference)).toEqual(['14/2024. (XI. 28.) önkormányzati rendelet a helyi adókról'])
	const current = decreeInForce(sb.db, B, '2026-03-02')!
	expect(current.decree.taxes.find((t) => t.taxType === 'epitmenyado')?.rates).toContainEqual(expect.objectContaining({ category: 'lakas', rate: 1000 }))
	const amended = { ...current.decree, decreeReference: '3/2026. (II. 20.) önkormányzati rendelet', validFrom: '2026-04-01' }
	const { municipalityId: _m, ...decree } = amended
	sb.ok('adougyes2', { type: 'tax.decree.adopt', decree }, { municipality: B, now: at('2026-03-02') })
	expect(decreeInForce(sb.db, B, '2026-03-31')?.reference).toBe(current.reference)
	expect(decreeInForce(sb.db, B, '2026-04-01')?.reference).toBe('3/2026. (II. 20.) önkormányzati rendelet')
	expect(decreeInForce(sb.db, A, '2026-04-01')?.reference).toBe('14/2024. (XI. 28.) önkormányzati rendelet a helyi adókról')
})
