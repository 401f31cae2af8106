import { z } from 'zod'
import { isIsoDate } from './dates.ts'

/** Shared zod building blocks for sandbox command inputs. */

/** Positive whole forint amount (at most 10^12 Ft). */
export const zAmount = z.number().int('whole forints only').positive('must be positive').max(1_000_000_000_000)
/** Zero or positive whole forint amount. */
export const zNonNegative = z.number().int('whole forints only').min(0).max(1_000_000_000_000)
/** Signed, non-zero whole forint change (budget amendments). */
export const zSignedAmount = z
	.number()
	.int('whole forints only')
	.min(-1_000_000_000_000)
	.max(1_000_000_000_000)
	.refine((v) => v !== 0, 'must not be zero')
export const zIsoDate = z.string().refine(isIsoDate, 'YYYY-MM-DD calendar date expected')
export const zId = z.number().int().positive()
export const zRovat = z.string().regex(/^[KB]\d{1,5}$/, 'rovat code such as K334 or B351 expected')
export const zFunkcio = z.string().regex(/^\d{6}$/, 'six-digit kormányzati funkció code expected')
export const zText = (max = 500) => z.string().trim().min(1).max(max)
export const zPersonaId = z.string().regex(/^[A-Za-z0-9_.-]{2,64}$/, 'login name: letters, digits, _ . -')
