import { z } from 'zod'
import { JOB_ROLES } from '../users/job-roles.ts'

/** Stable ids: lower-case letters, digits and hyphens. Progress is keyed by them. */
export const IdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'ids are lower-case letters, digits and hyphens (2–63 characters)')

// Strict: a stray comma in a YAML flow map would otherwise silently cut a text short.
export const LocalizedSchema = z.strictObject({ hu: z.string().trim().min(1), en: z.string().trim().min(1) })
export type Localized = z.infer<typeof LocalizedSchema>

export const COURSE_SUBSYSTEMS = ['general', 'keret', 'finance', 'tax'] as const
export type CourseSubsystem = (typeof COURSE_SUBSYSTEMS)[number]

export const CourseMetaSchema = z.object({
	id: IdSchema,
	title: LocalizedSchema,
	summary: LocalizedSchema,
	subsystem: z.enum(COURSE_SUBSYSTEMS),
	/** Empty = meant for every job role. */
	jobRoles: z.array(z.enum(JOB_ROLES)).default([]),
	estimatedHours: z.number().positive().max(200),
	prerequisites: z.array(IdSchema).default([]),
})
export type CourseMeta = z.infer<typeof CourseMetaSchema>

export const ModuleMetaSchema = z.object({ id: IdSchema, title: LocalizedSchema })

export const LessonFrontmatterSchema = z.object({
	id: IdSchema,
	title: z.string().trim().min(1),
	minutes: z.number().int().positive().max(600),
	objectives: z.array(z.string().trim().min(1)).min(1),
})
export type LessonFrontmatter = z.infer<typeof LessonFrontmatterSchema>

export const GlossarySchema = z.record(IdSchema, z.object({ term: LocalizedSchema, definition: LocalizedSchema }))
export type Glossary = z.infer<typeof GlossarySchema>

export const ProcessMapSchema = z.object({
	id: IdSchema,
	title: LocalizedSchema,
	steps: z
		.array(z.object({ id: IdSchema, label: LocalizedSchema, actor: LocalizedSchema.optional() }))
		.min(2)
		.max(12),
})
export type ProcessMap = z.infer<typeof ProcessMapSchema>
