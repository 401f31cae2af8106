import type { SandboxDb } from '#sandbox/db.server.ts'
import { auditLogEntries, budgetExecution, commitmentRegister, journal, trialBalance } from '#sandbox/finance/queries.server.ts'
import { translate, type Locale, type MessageKey } from '#app/utils/i18n.ts'

/** `YYYY-MM-DD HH:MM` in Budapest time: the office's own clock, and it sorts as text. */
const budapestMinute = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Budapest', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })

export const SANDBOX_REPORTS = ['budget-execution', 'trial-balance', 'journal', 'commitments', 'audit-log'] as const
export type SandboxReport = (typeof SANDBOX_REPORTS)[number]

export function isSandboxReport(value: string | undefined): value is SandboxReport {
	return (SANDBOX_REPORTS as ReadonlyArray<string | undefined>).includes(value)
}

type Cell = string | number
export type ReportTable = { columns: Array<{ label: string; numeric: boolean }>; rows: Array<Array<Cell>>; totals: Array<Cell> | null }

/** One report of the active municipality as a plain table, shared by the page, print and CSV. */
export function buildReport(db: SandboxDb, municipalityId: string, year: number, report: SandboxReport, locale: Locale): ReportTable {
	const t = (key: MessageKey) => translate(locale, key)
	const col = (key: MessageKey, numeric = false) => ({ label: t(key), numeric })
	switch (report) {
		case 'budget-execution': {
			const { lines, totals } = budgetExecution(db, municipalityId, year)
			const figures = ['eredeti', 'modositott', 'kotelezettseg', 'teljesites', 'szabad'] as const
			return {
				columns: [col('sbx.rovat'), col('sbx.funkcio'), ...figures.map((f) => col(`sbx.fig.${f}`, true))],
				rows: lines.map((l) => [`${l.rovat} ${locale === 'hu' ? l.rovatNameHu : l.rovatNameEn}`, l.funkcio, ...figures.map((f) => l[f])]),
				totals: [t('sbx.totalK'), '', ...figures.map((f) => totals.K[f])],
			}
		}
		case 'trial-balance': {
			const { rows, totals } = trialBalance(db, municipalityId, year)
			return {
				columns: [col('sbx.account'), col('sbx.accountName'), col('sbx.debit', true), col('sbx.credit', true), col('sbx.balanceDebit', true), col('sbx.balanceCredit', true)],
				rows: rows.map((r) => [r.account, locale === 'hu' ? r.nameHu : r.nameEn, r.debit, r.credit, r.balanceDebit, r.balanceCredit]),
				totals: [t('sbx.total'), '', totals.debit, totals.credit, totals.balanceDebit, totals.balanceCredit],
			}
		}
		case 'journal':
			return {
				columns: [col('sbx.number'), col('sbx.date'), col('sbx.description'), col('sbx.account'), col('sbx.debit', true), col('sbx.credit', true)],
				rows: journal(db, municipalityId, year, { limit: 10_000 }).flatMap((e) => e.lines.map((l) => [e.entryNo, e.bookingDate, e.description, l.account, l.debit, l.credit])),
				totals: null,
			}
		case 'commitments':
			return {
				columns: [col('sbx.number'), col('sbx.partner'), col('sbx.rovat'), col('sbx.funkcio'), col('sbx.amount', true), col('sbx.paid', true), col('sbx.stage')],
				rows: commitmentRegister(db, municipalityId, year, { limit: 10_000 }).map((c) => [c.number, c.partnerName, c.rovat, c.funkcio, c.amount, c.paid, t(`sbx.stage.${c.stage}` as MessageKey)]),
				totals: null,
			}
		case 'audit-log':
			return {
				columns: [col('sbx.date'), col('sbx.persona'), col('sbx.auditRole'), col('sbx.auditOnBehalfOf'), col('sbx.action'), col('sbx.outcome'), col('sbx.rule')],
				rows: auditLogEntries(db, municipalityId, { limit: 1000 }).map((a) => [budapestMinute.format(a.at), a.personaId, a.role, a.onBehalfOf ?? '', a.commandType, a.outcome, a.rule ?? '']),
				totals: null,
			}
	}
}
