import type { SandboxDbOrTx } from '../db.server.ts'
import { stmt } from '../shared/statements.server.ts'

/** How a persona holds a role on a day: by its own grant or as substitute of an absent persona. */
export type RoleHolding = { role: string; onBehalfOf?: string }

/** Roles a persona holds directly (active grants) in a municipality. */
export function directRoles(db: SandboxDbOrTx, personaId: string, municipalityId: string): Array<string> {
	const rows = stmt(db, 'select role_code as role from keret_role_grants where persona_id = ? and municipality_id = ? and revoked_at is null').all(personaId, municipalityId) as Array<{ role: string }>
	return rows.map((r) => r.role)
}

/** Substitutions in force for the persona (as substitute) on `today` whose absent persona still holds the role. */
export function substitutedRoles(db: SandboxDbOrTx, personaId: string, municipalityId: string, today: string): Array<{ role: string; onBehalfOf: string }> {
	const subs = stmt(
		db,
		'select role_code as role, absent_id as absentId from keret_role_substitutions where substitute_id = ? and municipality_id = ? and revoked_at is null and valid_from <= ? and valid_to >= ?',
	).all(personaId, municipalityId, today, today) as Array<{ role: string; absentId: string }>
	if (subs.length === 0) return []
	return subs.filter((s) => directRoles(db, s.absentId, municipalityId).includes(s.role)).map((s) => ({ role: s.role, onBehalfOf: s.absentId }))
}

/** All roles (direct first, then substituted) the persona may act in on `today` in the municipality. */
export function effectiveRoles(db: SandboxDbOrTx, personaId: string, municipalityId: string, today: string): Array<RoleHolding> {
	const direct = directRoles(db, personaId, municipalityId)
	const out: Array<RoleHolding> = direct.map((role) => ({ role }))
	for (const s of substitutedRoles(db, personaId, municipalityId, today)) if (!direct.includes(s.role)) out.push(s)
	return out
}

/** The first of `allowed` the persona holds (direct grants win over substitutions), or null. */
export function findHolding(db: SandboxDbOrTx, personaId: string, municipalityId: string, today: string, allowed: ReadonlyArray<string>): RoleHolding | null {
	const roles = effectiveRoles(db, personaId, municipalityId, today)
	for (const want of allowed) {
		const h = roles.find((r) => r.role === want && !r.onBehalfOf)
		if (h) return h
	}
	for (const want of allowed) {
		const h = roles.find((r) => r.role === want)
		if (h) return h
	}
	return null
}

export function personaExists(db: SandboxDbOrTx, personaId: string): { active: boolean } | null {
	const row = stmt(db, 'select active from keret_personas where id = ?').get(personaId) as { active: number } | undefined
	return row ? { active: row.active === 1 } : null
}

export function municipalityExists(db: SandboxDbOrTx, municipalityId: string): boolean {
	return stmt(db, 'select 1 from keret_municipalities where id = ?').get(municipalityId) !== undefined
}
