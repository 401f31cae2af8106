import { z } from 'zod'
import { zId, zIsoDate, zPersonaId, zText } from '../shared/zod.ts'

/** KERET administration commands; role grants and substitutions always apply to the active municipality. */
export const keretCommandSchemas = {
	'keret.user.create': z.object({
		type: z.literal('keret.user.create'),
		/** Login name, e.g. 'nagy.peter'. */
		userId: zPersonaId,
		displayName: zText(120),
		jobTitleHu: zText(120),
		jobTitleEn: zText(120),
	}),
	'keret.user.setActive': z.object({ type: z.literal('keret.user.setActive'), userId: zPersonaId, active: z.boolean() }),
	'keret.role.grant': z.object({ type: z.literal('keret.role.grant'), userId: zPersonaId, roleCode: zText(60) }),
	'keret.role.revoke': z.object({ type: z.literal('keret.role.revoke'), grantId: zId }),
	'keret.substitution.create': z.object({
		type: z.literal('keret.substitution.create'),
		roleCode: zText(60),
		absentId: zPersonaId,
		substituteId: zPersonaId,
		validFrom: zIsoDate,
		validTo: zIsoDate,
	}),
	'keret.substitution.revoke': z.object({ type: z.literal('keret.substitution.revoke'), substitutionId: zId }),
} as const

type Schemas = typeof keretCommandSchemas
export type KeretCommandType = keyof Schemas
export type KeretCommandOf<T extends KeretCommandType> = z.output<Schemas[T]>
export type KeretCommand = { [K in KeretCommandType]: z.input<Schemas[K]> }[KeretCommandType]
