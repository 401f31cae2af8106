import writeExcelFile from 'write-excel-file/node'
import { encodeCsv, type CsvValue } from '#app/modules/learning/report-csv.ts'
import { translate, type Locale } from '#app/utils/i18n.ts'
import type { Db } from '#db/client.server.ts'
import { countyAggregates, loadReadiness, orgNames } from './queries.server.ts'

/**
 * The national readiness as a table: one row per municipality with its status, forecast, next
 * go-live and, per programme, the certified people (blank where the programme is not required
 * there). The same rows feed the CSV and the XLSX export.
 */
export function readinessTable(db: Db, locale: Locale, now: number) {
	const result = loadReadiness(db, { officeId: null }, now)
	const names = orgNames(db)
	const t = translate.bind(null, locale)
	const programmeName = (p: { nameHu: string; nameEn: string }) => (locale === 'hu' ? p.nameHu : p.nameEn)
	const header: Array<string> = [
		t('readiness.col.kshCode'),
		t('readiness.col.municipality'),
		t('readiness.col.county'),
		t('readiness.col.office'),
		t('readiness.col.status'),
		t('readiness.col.forecast'),
		t('readiness.col.nextGoLive'),
		t('readiness.col.rolesRequired'),
		t('readiness.col.rolesAtMinimum'),
		t('readiness.col.rolesAtTarget'),
		...result.programmes.flatMap((p) => [t('readiness.col.certifiedIn', { programme: programmeName(p) }), t('readiness.col.wouldReachIn', { programme: programmeName(p) })]),
	]
	const rows: Array<Array<string | number | null>> = result.rows.map((r) => {
		const byProgramme = new Map(result.rolesOf(r).map((role) => [role.programmeId, role]))
		return [
			r.kshCode,
			r.name,
			names.county(r.countyId),
			names.office(r.officeId),
			t(`readiness.statusShort.${r.status}`),
			t(`readiness.statusShort.${r.forecastStatus}`),
			r.nextGoLive,
			r.rolesRequired,
			r.rolesAtMinimum,
			r.rolesAtTarget,
			...result.programmes.flatMap((p) => {
				const role = byProgramme.get(p.id)
				return role ? [role.certified, role.wouldReach] : [null, null]
			}),
		]
	})
	const counties = countyAggregates(db, result.rows).map((c) => [c.code, c.name, c.counts.green, c.counts.amber, c.counts.red, c.counts.green + c.counts.amber + c.counts.red])
	const countyHeader = [t('readiness.col.kshCode'), t('readiness.col.county'), t('readiness.col.green'), t('readiness.col.amber'), t('readiness.col.red'), t('readiness.col.total')]
	return { header, rows, countyHeader, counties }
}

export function readinessCsv(db: Db, locale: Locale, now: number): string {
	const { header, rows } = readinessTable(db, locale, now)
	return encodeCsv([header, ...(rows as Array<Array<CsvValue>>)])
}

/** Two sheets: the municipalities and the county aggregates; header rows bold and frozen. */
export async function readinessXlsx(db: Db, locale: Locale, now: number): Promise<Buffer> {
	const { header, rows, countyHeader, counties } = readinessTable(db, locale, now)
	const bold = (values: ReadonlyArray<string>) => values.map((value) => ({ value, fontWeight: 'bold' as const }))
	const sheet = (head: ReadonlyArray<string>, body: ReadonlyArray<ReadonlyArray<string | number | null>>) => [bold(head), ...body.map((r) => [...r])]
	const widths = (head: ReadonlyArray<string>, first: Array<number>) => head.map((_, i) => ({ width: first[i] ?? 14 }))
	return writeExcelFile([
		{ data: sheet(header, rows), sheet: translate(locale, 'readiness.export.sheet'), columns: widths(header, [9, 28, 22, 40, 10, 12, 14]), stickyRowsCount: 1 },
		{ data: sheet(countyHeader, counties), sheet: translate(locale, 'readiness.export.counties'), columns: widths(countyHeader, [9, 24]), stickyRowsCount: 1 },
	]).toBuffer()
}

export function exportFileName(extension: 'csv' | 'xlsx', now: number) {
	return `felkeszultseg-${new Date(now).toISOString().slice(0, 10)}.${extension}`
}
