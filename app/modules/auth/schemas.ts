import { z } from 'zod'
import { PASSWORD_MAX } from './policy.ts'

export const EmailSchema = z
	.string('errors.required')
	.trim()
	.min(1, 'errors.required')
	.max(254, 'errors.tooLong')
	.pipe(z.email('errors.email'))
	.transform((v) => v.toLowerCase())

export const LoginSchema = z.object({
	email: EmailSchema,
	password: z.string('errors.required').min(1, 'errors.required').max(PASSWORD_MAX, 'errors.tooLong'),
	redirectTo: z.string().optional(),
})

export const NewPasswordSchema = z
	.object({
		password: z.string('errors.required').min(1, 'errors.required'),
		confirm: z.string('errors.required').min(1, 'errors.required'),
	})
	.refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'errors.passwordMismatch' })
