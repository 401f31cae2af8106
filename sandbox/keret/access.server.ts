import { and, eq, gte, isNull, lte } from 'drizzle-orm'
import type { SandboxDbOrTx } from '../db.server.ts'
import { municipalities, personas, roleGrants, roleSubstitutions } from '../schema/keret.ts'

/** How a persona holds a role on a day: by its own grant or as substitute of an absent persona. */
export type RoleHolding = { role: string; onBehalfOf?: string }

/** Roles a persona holds directly (active grants) in a municipality. */
export function directRoles(db: SandboxDbOrTx, personaId: string, municipalityId: string): Array<string> {
	return db
		.select({ role: roleGrants.roleCode })
		.from(roleGrants)
		.where(and(eq(roleGrants.personaId, personaId), eq(roleGrants.municipalityId, municipalityId), isNull(roleGrants.revokedAt)))
		.all()
		.map((r) => r.role)
}

/** Substitutions in force for the persona (as substitute) on `today` whose absent persona still holds the role. */
export function substitutedRoles(db: SandboxDbOrTx, personaId: string, municipalityId: string, today: string): Array<{ role: string; onBehalfOf: string }> {
	const subs = db
		.select({ role: roleSubstitutions.roleCode, absentId: roleSubstitutions.absentId })
		.from(roleSubstitutions)
		.where(
			and(
				eq(roleSubstitutions.substituteId, personaId),
				eq(roleSubstitutions.municipalityId, municipalityId),
				isNull(roleSubstitutions.revokedAt),
				lte(roleSubstitutions.validFrom, today),
				gte(roleSubstitutions.validTo, today),
			),
		)
		.all()
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
	return db.select({ active: personas.active }).from(personas).where(eq(personas.id, personaId)).get() ?? null
}

export function municipalityExists(db: SandboxDbOrTx, municipalityId: string): boolean {
	return db.select({ id: municipalities.id }).from(municipalities).where(eq(municipalities.id, municipalityId)).get() !== undefined
}
