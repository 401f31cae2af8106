import { and, eq, isNull } from 'drizzle-orm'
import type { SandboxDb } from '../../db.server.ts'
import { ROLE } from '../../keret/roles.ts'
import { BUKKALJA } from '../../scenarios/bukkalja.server.ts'
import { roleGrants } from '../../schema/keret.ts'
import { addDays, isoWeekday } from '../../shared/dates.ts'
import { solverRunner } from '../solver.server.ts'

// K1's starting point (reference.md §D K1) and the facts its guards and its solver share.

const A = BUKKALJA.A
const B = BUKKALJA.B

/** The new colleague of the start data: tax officer for Felsőbükk only. */
export const K1_USER = {
	userId: 'nagy.peter',
	displayName: 'Nagy Péter',
	jobTitleHu: 'Adóügyi ügyintéző (Felsőbükk)',
	jobTitleEn: 'Tax officer (Felsőbükk)',
} as const

/** The persona on leave and the one who stands in for him in the érvényesítő role only. */
export const K1_ABSENT = 'penzugyes1'
export const K1_SUBSTITUTE = 'penzugyes2'

/**
 * The two-week leave, as the instruction words it: from the Monday after `today` (a week later when today
 * is a Monday) to the Sunday of the following week.
 */
export function leaveOf(today: string): { validFrom: string; validTo: string } {
	const validFrom = addDays(today, 8 - isoWeekday(today))
	return { validFrom, validTo: leaveEnds(validFrom).validTo }
}

/**
 * Acceptable ends of a leave starting on Monday `validFrom`: the Friday of the second week up to its
 * Sunday — nobody validates payments at the weekend, so these endings mean the same leave.
 */
export function leaveEnds(validFrom: string): {
	lastWorkday: string
	validTo: string
} {
	return {
		lastWorkday: addDays(validFrom, 11),
		validTo: addDays(validFrom, 13),
	}
}

/**
 * Direct role grants per persona and municipality once setupK1 has run: the Bükkalja scenario's grants
 * (scenarios/bukkalja.server.ts GRANTS, which is not exported) minus penzugyes2's érvényesítő role.
 * The machine needs them to tell which role pair a grant or a substitution makes incompatible: guards
 * see only the event, never the sandbox. k1.test.ts checks this table against the sandbox after setup.
 */
export const K1_START_ROLES: Record<string, Record<string, ReadonlyArray<string>>> = {
	polgarmester_A: {
		[A]: [ROLE.kotelezettsegvallalo, ROLE.utalvanyozo],
		[B]: [],
	},
	jegyzo: {
		[A]: [ROLE.keretAdmin, ROLE.koltsegvetesJovahagyo],
		[B]: [ROLE.keretAdmin, ROLE.koltsegvetesJovahagyo, ROLE.kotelezettsegvallalo, ROLE.utalvanyozo],
	},
	gazdvez: {
		[A]: [ROLE.penzugyiEllenjegyzo, ROLE.koltsegvetesJovahagyo, ROLE.konyvelo],
		[B]: [ROLE.penzugyiEllenjegyzo, ROLE.koltsegvetesJovahagyo, ROLE.konyvelo],
	},
	penzugyes1: {
		[A]: [ROLE.ervenyesito, ROLE.konyvelo, ROLE.koltsegvetesRogzito],
		[B]: [ROLE.ervenyesito, ROLE.konyvelo, ROLE.koltsegvetesRogzito],
	},
	penzugyes2: {
		[A]: [ROLE.konyvelo, ROLE.penztaros],
		[B]: [ROLE.konyvelo, ROLE.penztaros],
	},
	muszaki: { [A]: [ROLE.teljesitesigazolo], [B]: [ROLE.teljesitesigazolo] },
	adougyes1: { [A]: [ROLE.adoUgyintezo], [B]: [] },
	adougyes2: { [A]: [], [B]: [ROLE.adoUgyintezo] },
	penztaros: { [A]: [ROLE.penztaros], [B]: [ROLE.penztaros] },
}

/**
 * The scenario makes penzugyes2 an érvényesítő in both villages, so "penzugyes2 substitutes penzugyes1 as
 * érvényesítő" would change nothing. The reference's cast has penzugyes2 doing the transfers (§D F3) while
 * penzugyes1 validates; the jegyző revokes penzugyes2's own érvényesítő grants, through commands like a
 * learner would, so that penzugyes1 is the only validator of the office and the substitution matters.
 */
export function setupK1(db: SandboxDb, now: number): void {
	const { run } = solverRunner(db, now)
	for (const municipalityId of [A, B]) {
		const grant = db
			.select({ id: roleGrants.id })
			.from(roleGrants)
			.where(and(eq(roleGrants.personaId, K1_SUBSTITUTE), eq(roleGrants.municipalityId, municipalityId), eq(roleGrants.roleCode, ROLE.ervenyesito), isNull(roleGrants.revokedAt)))
			.get()
		if (grant)
			run('jegyzo', municipalityId, {
				type: 'keret.role.revoke',
				grantId: grant.id,
			})
	}
}
