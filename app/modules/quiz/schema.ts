import { z } from 'zod'
import { IdSchema, LocalizedSchema } from '../content/schema.ts'

const Feedback = z.object({ correct: LocalizedSchema, wrong: LocalizedSchema }).optional()
const base = { id: IdSchema, prompt: LocalizedSchema, points: z.number().int().positive().max(100).default(1), feedback: Feedback }
const Option = z.object({ id: IdSchema, text: LocalizedSchema, correct: z.boolean().default(false) })

const unique = (ids: Array<string>) => new Set(ids).size === ids.length

export const SingleChoiceSchema = z
	.object({ type: z.literal('single'), ...base, options: z.array(Option).min(2).max(10) })
	.refine((q) => q.options.filter((o) => o.correct).length === 1, 'a single-choice question needs exactly one correct option')
	.refine((q) => unique(q.options.map((o) => o.id)), 'option ids must be unique')

export const MultipleChoiceSchema = z
	.object({ type: z.literal('multiple'), ...base, options: z.array(Option).min(2).max(10) })
	.refine((q) => q.options.some((o) => o.correct), 'a multiple-choice question needs at least one correct option')
	.refine((q) => unique(q.options.map((o) => o.id)), 'option ids must be unique')

/** A number within ± tolerance is right (e.g. a late-payment interest in forint). */
export const NumericSchema = z.object({
	type: z.literal('numeric'),
	...base,
	answer: z.number(),
	tolerance: z.number().min(0).default(0),
	unit: LocalizedSchema.optional(),
})

/** Items are listed in the correct order; learners see them shuffled. */
export const OrderingSchema = z
	.object({ type: z.literal('ordering'), ...base, items: z.array(z.object({ id: IdSchema, text: LocalizedSchema })).min(3).max(10) })
	.refine((q) => unique(q.items.map((i) => i.id)), 'item ids must be unique')

/** Each left item has one right partner; extra right-hand distractors are allowed. */
export const MatchingSchema = z
	.object({
		type: z.literal('matching'),
		...base,
		pairs: z.array(z.object({ id: IdSchema, left: LocalizedSchema, right: LocalizedSchema })).min(2).max(10),
		distractors: z.array(z.object({ id: IdSchema, text: LocalizedSchema })).default([]),
	})
	.refine((q) => unique([...q.pairs.map((p) => p.id), ...q.distractors.map((d) => d.id)]), 'pair and distractor ids must be unique')

export const QuestionSchema = z.union([SingleChoiceSchema, MultipleChoiceSchema, NumericSchema, OrderingSchema, MatchingSchema])
export type Question = z.infer<typeof QuestionSchema>

export const QuizSchema = z
	.object({
		id: IdSchema,
		/** Percentage of points needed to pass. */
		passPercent: z.number().int().min(1).max(100),
		/** Submitted attempts allowed; null = unlimited. */
		attemptLimit: z.number().int().positive().max(100).nullable().default(3),
		questions: z.array(QuestionSchema).min(1).max(50),
	})
	.refine((q) => unique(q.questions.map((x) => x.id)), 'question ids must be unique within a quiz')
export type Quiz = z.infer<typeof QuizSchema>
