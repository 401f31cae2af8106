import { eq, inArray } from 'drizzle-orm'
import type { Db } from '#db/client.server.ts'
import { municipalities, offices } from '#db/schema/orgs.ts'
import { users } from '#db/schema/users.ts'
import type { CsvRecord } from '#app/utils/csv.server.ts'
import type { Message } from '#app/utils/i18n.ts'
import { audit } from '../audit/audit.server.ts'
import type { SessionUser } from '../auth/session.server.ts'
import { checkStaffRows } from './csv-rows.ts'
import { inviteUser } from './mutations.server.ts'
import type { UserFormInput } from './schemas.ts'

export type StaffPlannedRow = {
	line: number
	values: Record<string, string>
	status: 'create' | 'exists' | 'error'
	errors: Array<Message & { column?: string }>
	input?: UserFormInput
}

export type StaffPlan = { rows: Array<StaffPlannedRow>; counts: Record<StaffPlannedRow['status'], number> }

/** Resolves offices and municipalities and checks the manager's scope, row by row, writing nothing. */
export function planStaffImport(db: Pick<Db, 'select'>, manager: SessionUser, records: ReadonlyArray<CsvRecord>): StaffPlan {
	const checks = checkStaffRows(records)
	const isAdmin = manager.roles.includes('admin')
	const officeRows = db.select({ id: offices.id, name: offices.name }).from(offices).all()
	const byName = new Map<string, Array<number>>()
	for (const o of officeRows) byName.set(o.name.toLocaleLowerCase('hu'), [...(byName.get(o.name.toLocaleLowerCase('hu')) ?? []), o.id])
	const codes = [...new Set(checks.flatMap((c) => c.row?.municipalities ?? []))]
	const munis = new Map(
		codes.length
			? db
					.select({ id: municipalities.id, ksh: municipalities.kshCode, officeId: municipalities.officeId })
					.from(municipalities)
					.where(inArray(municipalities.kshCode, codes))
					.all()
					.map((m) => [m.ksh, m])
			: [],
	)
	const emails = checks.flatMap((c) => (c.row ? [c.row.email] : []))
	const existing = new Set(
		emails.length ? db.select({ email: users.email }).from(users).where(inArray(users.email, emails)).all().map((u) => u.email) : [],
	)
	const rows = checks.map((check): StaffPlannedRow => {
		const errors = [...check.errors]
		const row = check.row
		if (!row) return { line: check.line, values: check.values, status: 'error', errors }
		let officeId: number | null = manager.officeId
		if (row.office) {
			const ids = /^\d+$/.test(row.office) ? officeRows.filter((o) => o.id === Number(row.office)).map((o) => o.id) : byName.get(row.office.toLocaleLowerCase('hu')) ?? []
			if (ids.length === 0) errors.push({ key: 'users.errors.officeUnknown', params: { office: row.office }, column: 'office' })
			else if (ids.length > 1) errors.push({ key: 'users.errors.officeAmbiguous', params: { office: row.office }, column: 'office' })
			else officeId = ids[0]!
		} else if (isAdmin) errors.push({ key: 'users.errors.officeRequired', column: 'office' })
		if (!isAdmin && officeId !== manager.officeId) errors.push({ key: 'users.errors.officeNotYours', column: 'office' })
		const municipalityIds: Array<number> = []
		for (const code of row.municipalities) {
			const m = munis.get(code)
			if (!m) errors.push({ key: 'users.errors.municipalityUnknown', params: { code }, column: 'municipalities' })
			else if (m.officeId !== officeId) errors.push({ key: 'users.errors.municipalityOtherOffice', params: { code }, column: 'municipalities' })
			else municipalityIds.push(m.id)
		}
		if (errors.length) return { line: check.line, values: check.values, status: 'error', errors }
		if (existing.has(row.email)) return { line: check.line, values: check.values, status: 'exists', errors }
		return {
			line: check.line,
			values: check.values,
			status: 'create',
			errors,
			input: { name: row.name, email: row.email, officeId, roles: row.roles, jobRoles: row.job_roles, municipalityIds },
		}
	})
	const counts = { create: 0, exists: 0, error: 0 }
	for (const r of rows) counts[r.status]++
	return { rows, counts }
}

/** Invites every new person in one transaction; with errors nothing is written unless confirmed. */
export function applyStaffImport(
	db: Db,
	manager: SessionUser,
	records: ReadonlyArray<CsvRecord>,
	options: { skipInvalid: boolean; now: number },
): { applied: boolean; plan: StaffPlan } {
	return db.transaction((tx) => {
		const plan = planStaffImport(tx, manager, records)
		if (plan.counts.error > 0 && !options.skipInvalid) return { applied: false, plan }
		for (const row of plan.rows) {
			if (row.status !== 'create' || !row.input) continue
			const result = inviteUser(db, manager, row.input, options.now, tx)
			// The plan already checked everything inviteUser checks, inside this same transaction.
			if (!result.ok) throw new Error(`staff import row ${row.line} failed after planning`)
		}
		audit(tx, { actorUserId: manager.id, action: 'user.import', entity: 'user', details: plan.counts }, options.now)
		return { applied: true, plan }
	})
}

export function officeName(db: Db, officeId: number | null) {
	if (officeId === null) return null
	return db.select({ name: offices.name }).from(offices).where(eq(offices.id, officeId)).get()?.name ?? null
}
