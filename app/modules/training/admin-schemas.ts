import { z } from 'zod'
import { TRAINING_SUBSYSTEMS } from '#db/schema/training.ts'

const text = (max: number) => z.string('errors.required').trim().min(1, 'errors.required').max(max, 'errors.tooLong')
const id = z.coerce.number('errors.required').int('errors.required').positive('errors.required')
const count = (max: number) => z.coerce.number('errors.number').int('errors.wholeNumber').min(1, 'trainingAdmin.errors.atLeastOne').max(max, 'trainingAdmin.errors.tooMany')

export const VenueFormSchema = z.object({
	countyId: id,
	name: text(150),
	address: text(200),
})

/** A lab needs its numbered workstations; an auditorium has none (the field is ignored). */
export const RoomFormSchema = z
	.object({
		venueId: id,
		name: text(100),
		kind: z.enum(['auditorium', 'lab'], 'errors.required'),
		capacity: count(2000),
		workstations: z.union([z.literal(''), count(500)]).optional(),
	})
	.superRefine((room, ctx) => {
		if (room.kind === 'lab' && (room.workstations === '' || room.workstations === undefined)) ctx.addIssue({ code: 'custom', path: ['workstations'], message: 'trainingAdmin.room.workstationsRequired' })
	})
	.transform((room) => ({ ...room, workstations: room.kind === 'lab' && typeof room.workstations === 'number' ? room.workstations : null }))

export const TrainerFormSchema = z.object({
	userId: id,
	subsystems: z
		.union([z.enum(TRAINING_SUBSYSTEMS), z.array(z.enum(TRAINING_SUBSYSTEMS))], 'trainingAdmin.trainer.subsystemsRequired')
		.transform((v) => (Array.isArray(v) ? v : [v]))
		.pipe(z.array(z.enum(TRAINING_SUBSYSTEMS)).min(1, 'trainingAdmin.trainer.subsystemsRequired')),
})

const date = z.string('errors.required').trim().regex(/^\d{4}-\d{2}-\d{2}$/, 'errors.date')
const time = z.string('errors.required').trim().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'trainingAdmin.errors.time')

export const UnavailabilityFormSchema = z.object({
	userId: id,
	fromDate: date,
	fromTime: time,
	toDate: date,
	toTime: time,
	note: z.string().trim().max(200, 'errors.tooLong').optional(),
})
