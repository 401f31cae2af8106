import { and, eq, inArray, ne } from 'drizzle-orm'
import type { Db } from '#db/client.server.ts'
import { municipalities, offices } from '#db/schema/orgs.ts'
import { userJobRoles, userMunicipalities, userRoles, users } from '#db/schema/users.ts'
import { appUrl } from '#app/utils/app-url.server.ts'
import type { FieldErrors } from '#app/utils/forms.ts'
import { searchKey } from '#app/utils/search.ts'
import { audit } from '../audit/audit.server.ts'
import type { SessionUser } from '../auth/session.server.ts'
import { invalidateUserSessions } from '../auth/session.server.ts'
import { issueToken } from '../auth/tokens.server.ts'
import { enqueueMail } from '../mail/outbox.server.ts'
import { inviteMail } from '../mail/templates.ts'
import { managementProblem } from './access.ts'
import type { UserFormInput } from './schemas.ts'

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]
type Result = { ok: true; id: number } | { ok: false; errors: FieldErrors }

/** Shared checks of create and update: office exists, municipalities belong to it, roles allowed. */
function checkDraft(tx: Tx, manager: SessionUser, input: UserFormInput): FieldErrors | null {
	const problem = managementProblem(manager, input)
	if (problem === 'roles') return { roles: { key: 'users.errors.roleNotAllowed' } }
	if (problem === 'office') return { officeId: { key: 'users.errors.officeRequired' } }
	if (input.officeId !== null && !tx.select({ id: offices.id }).from(offices).where(eq(offices.id, input.officeId)).get())
		return { officeId: { key: 'errors.invalid' } }
	if (input.municipalityIds.length) {
		const inOffice = tx
			.select({ id: municipalities.id })
			.from(municipalities)
			.where(and(inArray(municipalities.id, input.municipalityIds), eq(municipalities.officeId, input.officeId ?? -1)))
			.all()
		if (inOffice.length !== new Set(input.municipalityIds).size) return { municipalityIds: { key: 'users.errors.municipalityOtherOffice' } }
	}
	return null
}

function writeLinks(tx: Tx, userId: number, input: UserFormInput) {
	tx.delete(userRoles).where(eq(userRoles.userId, userId)).run()
	tx.delete(userJobRoles).where(eq(userJobRoles.userId, userId)).run()
	tx.delete(userMunicipalities).where(eq(userMunicipalities.userId, userId)).run()
	for (const role of new Set(input.roles)) tx.insert(userRoles).values({ userId, role }).run()
	for (const jobRole of new Set(input.jobRoles)) tx.insert(userJobRoles).values({ userId, jobRole }).run()
	for (const municipalityId of new Set(input.municipalityIds)) tx.insert(userMunicipalities).values({ userId, municipalityId }).run()
}

/** Invites a new user in one transaction: the account, its roles, the link and the e-mail. */
export function inviteUser(db: Db, manager: SessionUser, input: UserFormInput, now: number, tx0?: Tx): Result {
	const run = (tx: Tx): Result => {
		const errors = checkDraft(tx, manager, input)
		if (errors) return { ok: false, errors }
		if (tx.select({ id: users.id }).from(users).where(eq(users.email, input.email)).get())
			return { ok: false, errors: { email: { key: 'users.errors.emailExists' } } }
		const { id } = tx
			.insert(users)
			.values({
				email: input.email,
				name: input.name,
				searchKey: searchKey(input.name, input.email),
				officeId: input.officeId,
				locale: manager.locale,
				status: 'invited',
				createdAt: now,
				updatedAt: now,
			})
			.returning({ id: users.id })
			.get()
		writeLinks(tx, id, input)
		const token = issueToken(tx, id, 'invite', now)
		enqueueMail(tx, inviteMail(manager.locale, input, appUrl(`/invite/${token}`), manager.name), now)
		audit(tx, { actorUserId: manager.id, action: 'user.invite', entity: 'user', entityId: id, details: { email: input.email, roles: input.roles } }, now)
		return { ok: true, id }
	}
	return tx0 ? run(tx0) : db.transaction(run)
}

export function updateUser(db: Db, manager: SessionUser, userId: number, input: UserFormInput, now: number): Result {
	return db.transaction((tx) => {
		const errors = checkDraft(tx, manager, input)
		if (errors) return { ok: false, errors }
		if (tx.select({ id: users.id }).from(users).where(and(eq(users.email, input.email), ne(users.id, userId))).get())
			return { ok: false, errors: { email: { key: 'users.errors.emailExists' } } }
		if (userId === manager.id && manager.roles.includes('admin') && !input.roles.includes('admin'))
			return { ok: false, errors: { roles: { key: 'users.errors.ownAdmin' } } }
		tx.update(users)
			.set({ name: input.name, email: input.email, searchKey: searchKey(input.name, input.email), officeId: input.officeId, updatedAt: now })
			.where(eq(users.id, userId))
			.run()
		writeLinks(tx, userId, input)
		audit(tx, { actorUserId: manager.id, action: 'user.update', entity: 'user', entityId: userId, details: { roles: input.roles } }, now)
		return { ok: true, id: userId }
	})
}

export function setUserDisabled(db: Db, manager: SessionUser, userId: number, disabled: boolean, now: number) {
	db.transaction((tx) => {
		const user = tx.select({ status: users.status, passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId)).get()
		if (!user) return
		const status = disabled ? 'disabled' : user.passwordHash ? 'active' : 'invited'
		tx.update(users).set({ status, updatedAt: now }).where(eq(users.id, userId)).run()
		if (disabled) invalidateUserSessions(tx, userId)
		audit(tx, { actorUserId: manager.id, action: disabled ? 'user.disable' : 'user.enable', entity: 'user', entityId: userId }, now)
	})
}

export function resendInvitation(db: Db, manager: SessionUser, userId: number, now: number): boolean {
	return db.transaction((tx) => {
		const user = tx.select({ email: users.email, name: users.name, status: users.status }).from(users).where(eq(users.id, userId)).get()
		if (!user || user.status !== 'invited') return false
		const token = issueToken(tx, userId, 'invite', now)
		enqueueMail(tx, inviteMail(manager.locale, user, appUrl(`/invite/${token}`), manager.name), now)
		audit(tx, { actorUserId: manager.id, action: 'user.invite.resend', entity: 'user', entityId: userId }, now)
		return true
	})
}
