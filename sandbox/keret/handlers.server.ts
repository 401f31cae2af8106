import { and, eq, isNull } from 'drizzle-orm'
import { handled, type CommandContext, type HandlerResult } from '../context.server.ts'
import { personas, roleGrants, roleSubstitutions } from '../schema/keret.ts'
import { roles } from '../schema/reference.ts'
import type { KeretEvent } from '../shared/events.ts'
import { refuse } from '../shared/result.ts'
import { RULE } from '../shared/rules.ts'
import type { KeretCommandOf } from './commands.ts'
import { directRoles, effectiveRoles } from './access.server.ts'
import { ROLE } from './roles.ts'

type R = HandlerResult<KeretEvent>

/** Role pairs that Ávr. 60. § forbids for one person on the same economic event (warned about at grant time). */
export const INCOMPATIBLE_ROLE_PAIRS: ReadonlyArray<readonly [string, string]> = [
	[ROLE.kotelezettsegvallalo, ROLE.penzugyiEllenjegyzo],
	[ROLE.ervenyesito, ROLE.kotelezettsegvallalo],
	[ROLE.ervenyesito, ROLE.utalvanyozo],
	[ROLE.ervenyesito, ROLE.teljesitesigazolo],
]

function requirePersona(ctx: CommandContext, id: string, field: string) {
	const p = ctx.tx.select().from(personas).where(eq(personas.id, id)).get()
	if (!p) refuse('NOT_FOUND', `Ismeretlen felhasználó: ${id}.`, `Unknown user: ${id}.`, { field })
	return p
}

function requireRole(ctx: CommandContext, code: string, field = 'roleCode') {
	const r = ctx.tx.select().from(roles).where(eq(roles.code, code)).get()
	if (!r) refuse('INVALID_CODE', `Ismeretlen szerepkör: ${code}.`, `Unknown role: ${code}.`, { field })
	return r
}

function warnIncompatible(ctx: CommandContext, held: Array<string>, added: string, userId: string) {
	for (const [a, b] of INCOMPATIBLE_ROLE_PAIRS) {
		const other = added === a ? b : added === b ? a : null
		if (other && held.includes(other))
			ctx.warnings.push({
				code: 'INCOMPATIBLE_ROLES',
				rule: RULE.sod,
				message: {
					hu: `Figyelem: ${userId} ebben az önkormányzatban ${a} és ${b} szerepkört is kap; ugyanarra a gazdasági eseményre a rendszer ezt tiltja (Ávr. 60. §).`,
					en: `Warning: ${userId} will hold both ${a} and ${b} in this municipality; the system blocks this on the same economic event (Ávr. 60. §).`,
				},
			})
	}
}

export function createUser(ctx: CommandContext, c: KeretCommandOf<'keret.user.create'>): R {
	if (ctx.tx.select({ id: personas.id }).from(personas).where(eq(personas.id, c.userId)).get())
		refuse('DUPLICATE', `Már létezik ${c.userId} felhasználó.`, `User ${c.userId} already exists.`, { field: 'userId' })
	ctx.tx.insert(personas).values({ id: c.userId, displayName: c.displayName, jobTitleHu: c.jobTitleHu, jobTitleEn: c.jobTitleEn, active: true, createdAt: ctx.now, createdBy: ctx.personaId }).run()
	return { id: c.userId, entityType: 'user', entityId: c.userId, events: [{ ...ctx.actor, type: 'keret.user.created', userId: c.userId, displayName: c.displayName }] }
}

export function setActive(ctx: CommandContext, c: KeretCommandOf<'keret.user.setActive'>): R {
	requirePersona(ctx, c.userId, 'userId')
	if (c.userId === ctx.personaId && !c.active) refuse('VALIDATION', 'Saját magát nem tilthatja le.', 'You cannot deactivate yourself.', { field: 'userId' })
	ctx.tx.update(personas).set({ active: c.active }).where(eq(personas.id, c.userId)).run()
	return { id: c.userId, entityType: 'user', entityId: c.userId, events: [{ ...ctx.actor, type: 'keret.user.activeChanged', userId: c.userId, active: c.active }] }
}

export function grantRole(ctx: CommandContext, c: KeretCommandOf<'keret.role.grant'>): R {
	requirePersona(ctx, c.userId, 'userId')
	requireRole(ctx, c.roleCode)
	const held = directRoles(ctx.tx, c.userId, ctx.municipalityId)
	if (held.includes(c.roleCode)) refuse('DUPLICATE', 'A felhasználónak ebben az önkormányzatban már megvan ez a szerepköre.', 'The user already holds this role in this municipality.', { field: 'roleCode' })
	warnIncompatible(ctx, held, c.roleCode, c.userId)
	const g = ctx.tx
		.insert(roleGrants)
		.values({ personaId: c.userId, municipalityId: ctx.municipalityId, roleCode: c.roleCode, grantedAt: ctx.now, grantedBy: ctx.personaId })
		.returning({ id: roleGrants.id })
		.get()
	const id = String(g.id)
	return handled('role_grant', id, [{ ...ctx.actor, type: 'keret.role.granted', grantId: id, userId: c.userId, roleCode: c.roleCode, grantMunicipalityId: ctx.municipalityId }])
}

export function revokeRole(ctx: CommandContext, c: KeretCommandOf<'keret.role.revoke'>): R {
	const g = ctx.tx
		.select()
		.from(roleGrants)
		.where(and(eq(roleGrants.id, c.grantId), eq(roleGrants.municipalityId, ctx.municipalityId), isNull(roleGrants.revokedAt)))
		.get()
	if (!g) refuse('NOT_FOUND', 'A szerepkör-hozzárendelés nem található ebben az önkormányzatban.', 'Role grant not found in this municipality.', { field: 'grantId' })
	if (g.personaId === ctx.personaId && g.roleCode === ROLE.keretAdmin)
		refuse('VALIDATION', 'Saját KERET-adminisztrátori jogát nem vonhatja vissza.', 'You cannot revoke your own KERET administrator role.', { field: 'grantId' })
	ctx.tx.update(roleGrants).set({ revokedAt: ctx.now, revokedBy: ctx.personaId }).where(eq(roleGrants.id, g.id)).run()
	const id = String(g.id)
	return handled('role_grant', id, [{ ...ctx.actor, type: 'keret.role.revoked', grantId: id, userId: g.personaId, roleCode: g.roleCode, grantMunicipalityId: ctx.municipalityId }])
}

export function createSubstitution(ctx: CommandContext, c: KeretCommandOf<'keret.substitution.create'>): R {
	requireRole(ctx, c.roleCode)
	requirePersona(ctx, c.absentId, 'absentId')
	const sub = requirePersona(ctx, c.substituteId, 'substituteId')
	if (!sub.active) refuse('VALIDATION', 'A helyettes felhasználó le van tiltva.', 'The substitute user is inactive.', { field: 'substituteId' })
	if (c.absentId === c.substituteId) refuse('VALIDATION', 'Senki sem helyettesítheti saját magát.', 'Nobody can substitute themselves.', { field: 'substituteId' })
	if (c.validTo < c.validFrom) refuse('VALIDATION', 'A helyettesítés vége nem lehet korábbi a kezdeténél.', 'The substitution cannot end before it starts.', { field: 'validTo' })
	if (!directRoles(ctx.tx, c.absentId, ctx.municipalityId).includes(c.roleCode))
		refuse('VALIDATION', `${c.absentId} nem rendelkezik ezzel a szerepkörrel ebben az önkormányzatban, így nem helyettesíthető benne.`, `${c.absentId} does not hold this role in this municipality, so it cannot be substituted.`, {
			field: 'roleCode',
			rule: RULE.keret,
		})
	const held = effectiveRoles(ctx.tx, c.substituteId, ctx.municipalityId, c.validFrom).map((r) => r.role)
	warnIncompatible(ctx, held, c.roleCode, c.substituteId)
	const s = ctx.tx
		.insert(roleSubstitutions)
		.values({
			municipalityId: ctx.municipalityId,
			roleCode: c.roleCode,
			absentId: c.absentId,
			substituteId: c.substituteId,
			validFrom: c.validFrom,
			validTo: c.validTo,
			createdAt: ctx.now,
			createdBy: ctx.personaId,
		})
		.returning({ id: roleSubstitutions.id })
		.get()
	const id = String(s.id)
	return handled('role_substitution', id, [
		{ ...ctx.actor, type: 'keret.substitution.created', substitutionId: id, roleCode: c.roleCode, absentId: c.absentId, substituteId: c.substituteId, validFrom: c.validFrom, validTo: c.validTo },
		])
}

export function revokeSubstitution(ctx: CommandContext, c: KeretCommandOf<'keret.substitution.revoke'>): R {
	const s = ctx.tx
		.select()
		.from(roleSubstitutions)
		.where(and(eq(roleSubstitutions.id, c.substitutionId), eq(roleSubstitutions.municipalityId, ctx.municipalityId), isNull(roleSubstitutions.revokedAt)))
		.get()
	if (!s) refuse('NOT_FOUND', 'A helyettesítés nem található ebben az önkormányzatban.', 'Substitution not found in this municipality.', { field: 'substitutionId' })
	ctx.tx.update(roleSubstitutions).set({ revokedAt: ctx.now, revokedBy: ctx.personaId }).where(eq(roleSubstitutions.id, s.id)).run()
	const id = String(s.id)
	return handled('role_substitution', id, [{ ...ctx.actor, type: 'keret.substitution.revoked', substitutionId: id }])
}
