import type { ReactNode } from 'react'
import { adonemName } from '#app/modules/sandbox/tax-labels.ts'
import { formatDate, formatMoney } from '#app/utils/format.ts'
import type { MessageKey } from '#app/utils/i18n.ts'
import { useLocale, useT } from '../i18n.tsx'
import { TableWrap } from '../ui/page.tsx'
import { Ft } from './money.tsx'

// The printable body of a tax document, from the figures stored when it was issued (tax_documents.data),
// so a reprint shows exactly what was sent. The shapes are those the tax commands write.

export type PrintableTaxDocument = {
	kind: 'assessment' | 'return' | 'self_revision' | 'certificate' | 'reminder' | 'balance_notice'
	adonem: string | null
	number: string
	period: string | null
	documentDate: string
	total: number
	data: Record<string, unknown>
	createdByName: string | null
	municipalityName: string
	taxpayerName: string
	taxpayerAddress: string
	adoazonositoJel: string | null
	adoszam: string | null
	collectionAccount: string | null
}

type AssessedObject = { hrsz: string | null; category: string | null; units: number; taxableUnits: number; rateFt: number; exempt: boolean; tax: number }
type Instalment = { statutory: string; effective: string; amount: number }
type Debt = { adonem: string; amount: number }
type Balance = { adonem: string; debit: number; credit: number; balance: number; overdue: number }

/** The figures of a return worth printing, with their labels (the rest of `data` is bookkeeping). */
const RETURN_FIELDS: Record<string, MessageKey> = {
	year: 'tax.year',
	base: 'tax.base',
	rateBp: 'tax.doc.field.rateBp',
	advances: 'tax.doc.field.advances',
	guestNights: 'tax.guestNights',
	rate: 'tax.doc.rate',
	waterM3: 'tax.waterM3',
	removedM3: 'tax.removedM3',
	irrigation: 'tax.irrigation',
	sensitivity: 'tax.sensitivity',
	unitRate: 'tax.doc.field.unitRate',
	multiplier: 'tax.doc.field.multiplier',
	filedOn: 'tax.filedOn',
}

const list = <T,>(value: unknown): Array<T> => (Array.isArray(value) ? (value as Array<T>) : [])

function Figures({ caption, head, rows, total }: { caption: string; head: Array<string>; rows: Array<Array<ReactNode>>; total?: Array<ReactNode> }) {
	return (
		<TableWrap caption={caption}>
			<thead>
				<tr>
					{head.map((h, i) => (
						<th key={h} scope="col" className={i > 0 ? 'text-right' : undefined}>
							{h}
						</th>
					))}
				</tr>
			</thead>
			<tbody>
				{rows.map((r, i) => (
					<tr key={i}>
						{r.map((c, j) => (
							<td key={j} className={j > 0 ? 'text-right' : undefined}>
								{c}
							</td>
						))}
					</tr>
				))}
			</tbody>
			{total ? (
				<tfoot>
					<tr className="font-semibold">
						{total.map((c, j) => (
							<td key={j} className={j > 0 ? 'text-right' : undefined}>
								{c}
							</td>
						))}
					</tr>
				</tfoot>
			) : null}
		</TableWrap>
	)
}

export function TaxDocumentBody({ doc }: { doc: PrintableTaxDocument }) {
	const t = useT()
	const locale = useLocale()
	const adonem = adonemName(doc.adonem, locale)
	const money = (n: number) => formatMoney(n, locale)
	const date = (d: string) => formatDate(d, locale)
	switch (doc.kind) {
		case 'assessment': {
			const year = String(doc.data.year ?? doc.period ?? '')
			const instalments = list<Instalment>(doc.data.instalments)
			return (
				<>
					<h1 className="text-xl font-bold">{t('tax.doc.assessment.title', { adonem, year })}</h1>
					<p>{t('tax.doc.assessment.body', { year, total: money(doc.total) })}</p>
					<Figures
						caption={t('tax.objects')}
						head={[t('tax.hrsz'), t('tax.doc.units'), t('tax.doc.rate'), t('tax.doc.tax')]}
						rows={list<AssessedObject>(doc.data.objects).map((o) => [`${o.hrsz ?? '—'}${o.category ? ` (${o.category})` : ''}`, o.exempt ? t('tax.doc.exempt') : o.taxableUnits, o.rateFt, <Ft key="tax" value={o.tax} />])}
						total={[t('tax.doc.total'), '', '', <Ft key="total" value={doc.total} />]}
					/>
					<h2 className="text-lg font-semibold">{t('tax.doc.instalments')}</h2>
					<Figures
						caption={t('tax.doc.instalments')}
						head={['', t('tax.doc.statutoryDate'), t('tax.doc.effectiveDate'), t('sbx.amount')]}
						rows={instalments.map((i, n) => [t('tax.doc.instalment', { n: n + 1 }), date(i.statutory), date(i.effective), <Ft key="amount" value={i.amount} />])}
					/>
					{doc.collectionAccount ? <p>{t('tax.doc.payTo', { account: doc.collectionAccount })}</p> : null}
				</>
			)
		}
		case 'return':
		case 'self_revision':
			return (
				<>
					<h1 className="text-xl font-bold">{t(doc.kind === 'return' ? 'tax.doc.return.title' : 'tax.doc.selfRevision.title', { adonem, period: doc.period ?? '' })}</h1>
					<dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
						{Object.entries(doc.data)
							.filter(([k, v]) => k in RETURN_FIELDS && (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean'))
							.map(([k, v]) => (
								<div key={k} className="contents">
									<dt className="font-medium">{t(RETURN_FIELDS[k]!)}</dt>
									<dd className="tabular-nums">{typeof v === 'boolean' ? (v ? '✓' : '—') : String(v)}</dd>
								</div>
							))}
						<dt className="font-semibold">{t('tax.doc.return.tax')}</dt>
						<dd className="font-semibold">
							<Ft value={doc.total} />
						</dd>
					</dl>
				</>
			)
		case 'certificate': {
			const debts = list<Debt>(doc.data.debts)
			const kind = doc.data.kind === 'nemleges' ? 'nemleges' : 'general'
			return (
				<>
					<h1 className="text-xl font-bold">{t('tax.doc.certificate.title', { kind: t(`tax.certificate.${kind}`) })}</h1>
					{kind === 'nemleges' ? (
						<p>{t('tax.doc.certificate.clean')}</p>
					) : debts.length === 0 ? (
						<p>{t('tax.doc.certificate.noDebt')}</p>
					) : (
						<>
							<p>{t('tax.doc.certificate.debts')}</p>
							<Figures
								caption={t('tax.doc.certificate.debts')}
								head={[t('tax.adonem'), t('tax.arrears')]}
								rows={debts.map((b) => [adonemName(b.adonem, locale), <Ft key="amount" value={b.amount} />])}
								total={[t('tax.doc.total'), <Ft key="total" value={doc.total} />]}
							/>
						</>
					)}
					{typeof doc.data.purpose === 'string' ? <p>{t('tax.doc.purpose', { purpose: doc.data.purpose })}</p> : null}
				</>
			)
		}
		case 'balance_notice':
			return (
				<>
					<h1 className="text-xl font-bold">{t('tax.doc.balance.title')}</h1>
					<p>{t('tax.doc.balance.body', { date: date(doc.documentDate) })}</p>
					<Figures
						caption={t('tax.doc.balance.title')}
						head={[t('tax.adonem'), t('tax.debit'), t('tax.credit'), t('tax.balance'), t('tax.arrears')]}
						rows={list<Balance>(doc.data.balances).map((b) => [adonemName(b.adonem, locale), <Ft key="d" value={b.debit} />, <Ft key="c" value={b.credit} />, <Ft key="b" value={b.balance} />, <Ft key="o" value={b.overdue} />])}
						total={[t('tax.doc.total'), '', '', <Ft key="total" value={doc.total} />, '']}
					/>
				</>
			)
		case 'reminder':
			return (
				<>
					<h1 className="text-xl font-bold">{t('tax.doc.reminder.title')}</h1>
					<p>{t('tax.doc.reminder.body', { total: money(doc.total), payBy: typeof doc.data.payBy === 'string' ? date(doc.data.payBy) : '—' })}</p>
					<Figures
						caption={t('tax.doc.reminder.title')}
						head={[t('tax.adonem'), t('tax.arrears')]}
						rows={list<Debt>(doc.data.arrears).map((b) => [adonemName(b.adonem, locale), <Ft key="amount" value={b.amount} />])}
						total={[t('tax.doc.total'), <Ft key="total" value={doc.total} />]}
					/>
				</>
			)
	}
}
