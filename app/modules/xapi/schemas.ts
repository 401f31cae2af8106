import { z } from 'zod'

/** The name says which system holds the token (e.g. “Országos adattárház – éles”). */
export const ApiTokenFormSchema = z.object({
	name: z.string('errors.required').trim().min(3, 'xapi.tokens.errors.nameShort').max(80, 'errors.tooLong'),
})

export const RevokeApiTokenSchema = z.object({
	tokenId: z.string().regex(/^[a-z2-9]{24}$/, 'errors.invalid'),
})
