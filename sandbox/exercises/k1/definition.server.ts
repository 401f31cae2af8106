import { INCOMPATIBLE_ROLE_PAIRS } from '../../keret/handlers.server.ts'
import { ROLE } from '../../keret/roles.ts'
import { budapestDate } from '../../finance/util.ts'
import { BUKKALJA } from '../../scenarios/bukkalja.server.ts'
import { COMMON_MISTAKES } from '../common.ts'
import { type EventOf as Of, inMunicipality, same } from '../guards.ts'
import { buildExerciseMachine, type Guard } from '../machine.ts'
import { DEFAULT_SCORING, type ExerciseContext, type ExerciseDefinition, type ExerciseEvent } from '../types.ts'
import { solveK1 } from './solver.server.ts'
import { K1_ABSENT, K1_START_ROLES, K1_SUBSTITUTE, K1_USER, leaveEnds, leaveOf, setupK1 } from './start.server.ts'
import { K1_TEXTS } from './texts.ts'

// K1 – KERET: joint-office users, roles, substitution and data separation (reference.md §D K1).
// The exercise spans both villages (the user is for Felsőbükk, the substitution is needed in both), so
// the machine takes events of either municipality and the guards check the municipality themselves.

const A = BUKKALJA.A
const B = BUKKALJA.B
const { is } = inMunicipality(null)
/** 'Nagy Peter', ' nagy  péter ' and 'Nagy Péter' are the same name typed in a hurry. */
const plainName = (name: string) => name.normalize('NFD').replace(/\p{M}/gu, '').trim().replace(/\s+/g, ' ').toLowerCase()
const isNewUser = (context: ExerciseContext, userId: string) => same(userId, context.facts.userId)

/** Direct roles the persona holds in the municipality at the start (the new user holds none). */
const heldAtStart = (personaId: string, municipalityId: string) => K1_START_ROLES[personaId]?.[municipalityId] ?? []

/** Whether adding `role` to `held` forms one of the Ávr. 60. § pairs the sandbox warns about (keret/handlers.server.ts warnIncompatible). */
const makesIncompatible = (held: ReadonlyArray<string>, role: string) => INCOMPATIBLE_ROLE_PAIRS.some(([a, b]) => (role === a && held.includes(b)) || (role === b && held.includes(a)))

/** The leave dates: those of the first accepted substitution, or else the two weeks from the Monday after the action's day. */
function datesOk(context: ExerciseContext, event: Of<'keret.substitution.created'>): boolean {
	const from = context.facts.leaveFrom !== undefined ? String(context.facts.leaveFrom) : leaveOf(budapestDate(event.at)).validFrom
	const { lastWorkday, validTo } = leaveEnds(from)
	return event.validFrom === from && event.validTo >= lastWorkday && event.validTo <= validTo
}

const isTheSubstitution = (event: Of<'keret.substitution.created'>) =>
	event.roleCode === ROLE.ervenyesito && event.absentId === K1_ABSENT && event.substituteId === K1_SUBSTITUTE && (event.municipalityId === A || event.municipalityId === B)

const guards: Record<string, Guard> = {
	userCreated: ({ event }) => is(event, 'keret.user.created') && plainName(event.displayName) === plainName(K1_USER.displayName),
	taxRoleGrantedInB: ({ event, context }) => is(event, 'keret.role.granted') && isNewUser(context, event.userId) && event.roleCode === ROLE.adoUgyintezo && event.grantMunicipalityId === B,
	substituted: ({ event, context }) => is(event, 'keret.substitution.created') && isTheSubstitution(event) && datesOk(context, event),
	substitutedInOther: ({ event, context }) =>
		is(event, 'keret.substitution.created') && isTheSubstitution(event) && event.municipalityId !== context.facts.firstSubstitutionIn && datesOk(context, event),

	// "do not assign any finance role" to the tax officer
	newUserFinanceRole: ({ event, context }) => is(event, 'keret.role.granted') && isNewUser(context, event.userId) && event.roleCode.startsWith('fin.'),
	// reference mistake (1): KERET has no office-wide grant; seeing both villages means a grant in Alsóbükk too
	newUserGrantedInA: ({ event, context }) => is(event, 'keret.role.granted') && isNewUser(context, event.userId) && event.grantMunicipalityId !== B,
	newUserWrongRole: ({ event, context }) => is(event, 'keret.role.granted') && isNewUser(context, event.userId) && event.roleCode !== ROLE.adoUgyintezo,
	// checker: "no user holds kötelezettségvállaló and pénzügyi ellenjegyző (or another Ávr. 60. § pair) in one village"
	incompatibleGrant: ({ event, context }) =>
		is(event, 'keret.role.granted') && !isNewUser(context, event.userId) && makesIncompatible(heldAtStart(event.userId, event.grantMunicipalityId), event.roleCode),
	// a permanent grant instead of a dated substitution: penzugyes2 would stay a validator after the leave
	permanentValidatorGrant: ({ event }) => is(event, 'keret.role.granted') && event.userId === K1_SUBSTITUTE && event.roleCode === ROLE.ervenyesito,
	// checker: "user exists, active"
	newUserDeactivated: ({ event, context }) => is(event, 'keret.user.activeChanged') && isNewUser(context, event.userId) && !event.active,
	// reference mistake (3): the substitute would validate what he himself certified (or committed, or ordered)
	sodSubstitution: ({ event }) => is(event, 'keret.substitution.created') && makesIncompatible(heldAtStart(event.substituteId, event.municipalityId), event.roleCode),
	// reference mistake (2): the sandbox substitutes roles only; standing in for the whole user = substituting her other roles too
	wholeUserSubstitution: ({ event }) => is(event, 'keret.substitution.created') && event.absentId === K1_ABSENT && event.roleCode !== ROLE.ervenyesito,
	wrongSubstitute: ({ event }) => is(event, 'keret.substitution.created') && event.absentId === K1_ABSENT && event.roleCode === ROLE.ervenyesito && event.substituteId !== K1_SUBSTITUTE,
	substitutionWrongDates: ({ event, context }) =>
		(is(event, 'keret.substitution.created') && isTheSubstitution(event) && !datesOk(context, event)) ||
		// the sandbox refuses an end before the start; that is the same mistake, caught before it is saved
		(is(event, 'command.refused') && event.commandType === 'keret.substitution.create' && (event.field === 'validTo' || event.field === 'validFrom')),
}

/** Every step watches for every mistake: a wrong grant or substitution is wrong whenever it is made. */
const MISTAKES = [
	['newUserFinanceRole', 'finance-role'],
	['newUserGrantedInA', 'joint-office-grant'],
	['newUserWrongRole', 'wrong-role'],
	['incompatibleGrant', 'incompatible-roles'],
	['permanentValidatorGrant', 'permanent-grant'],
	['newUserDeactivated', 'user-inactive'],
	['sodSubstitution', 'sod-substitution'],
	['wholeUserSubstitution', 'whole-user-substitution'],
	['wrongSubstitute', 'wrong-substitute'],
	['substitutionWrongDates', 'substitution-dates'],
] as const

const machine = buildExerciseMachine({
	id: 'K1',
	version: 1,
	municipality: null,
	guards,
	refusals: { FORBIDDEN_ROLE: 'wrong-persona' },
	steps: [
		{
			id: 'createUser',
			accept: 'userCreated',
			capture: (e) => (e.type === 'keret.user.created' ? { userId: e.userId } : {}),
			mistakes: MISTAKES,
		},
		{ id: 'grantTaxRole', accept: 'taxRoleGrantedInB', mistakes: MISTAKES },
		{
			id: 'substitution',
			accept: 'substituted',
			capture: (e) => (e.type === 'keret.substitution.created' ? { firstSubstitutionIn: e.municipalityId, leaveFrom: e.validFrom } : {}),
			mistakes: MISTAKES,
		},
		{
			id: 'substitutionOther',
			accept: 'substitutedInOther',
			mistakes: MISTAKES,
		},
	],
})

export const K1: ExerciseDefinition = {
	meta: {
		id: 'K1',
		title: {
			hu: 'KERET: közös hivatali felhasználók, szerepkörök, helyettesítés, adatelkülönítés',
			en: 'KERET: joint-office users, roles, substitution and data separation',
		},
		goal: {
			hu: 'Állítsa be szabályosan a közös hivatal felhasználóit: Nagy Péter csak Felsőbükk adóügyi ügyintézője legyen, és Kiss Márta (penzugyes1) szabadsága idejére Horváth Gábor (penzugyes2) csak az érvényesítő szerepkörben helyettesítse.',
			en: 'Set up the joint office users correctly: Nagy Péter becomes tax officer of Felsőbükk only, and while Kiss Márta (penzugyes1) is on leave Horváth Gábor (penzugyes2) stands in for her in the validator role only.',
		},
		subsystem: 'keret',
		difficulty: 2,
		minutes: 15,
		jobRoles: ['jegyzo', 'keret_admin'],
	},
	version: 1,
	compatibleWith: [],
	steps: ['createUser', 'grantTaxRole', 'substitution', 'substitutionOther'],
	texts: K1_TEXTS.steps,
	mistakes: { ...COMMON_MISTAKES, ...K1_TEXTS.mistakes },
	scoring: DEFAULT_SCORING,
	machine,
	setup: setupK1,
	solve: solveK1,
}
