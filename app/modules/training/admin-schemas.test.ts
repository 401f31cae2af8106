import { expect, test } from 'vitest'
import { RoomFormSchema, TrainerFormSchema } from './admin-schemas.ts'

test('a room needs a capacity of at least 1, and a lab its workstations; an auditorium keeps none', () => {
	expect(RoomFormSchema.safeParse({ venueId: '1', name: 'Terem', kind: 'auditorium', capacity: '0', workstations: '' }).error?.issues[0]).toMatchObject({ path: ['capacity'], message: 'trainingAdmin.errors.atLeastOne' })
	expect(RoomFormSchema.safeParse({ venueId: '1', name: 'Gépterem', kind: 'lab', capacity: '16', workstations: '' }).error?.issues[0]).toMatchObject({ path: ['workstations'], message: 'trainingAdmin.room.workstationsRequired' })
	expect(RoomFormSchema.parse({ venueId: '1', name: 'Gépterem', kind: 'lab', capacity: '18', workstations: '16' })).toEqual({ venueId: 1, name: 'Gépterem', kind: 'lab', capacity: 18, workstations: 16 })
	expect(RoomFormSchema.parse({ venueId: '1', name: 'Díszterem', kind: 'auditorium', capacity: '80', workstations: '12' }).workstations).toBeNull()
})

test('a trainer teaches at least one training subsystem', () => {
	expect(TrainerFormSchema.safeParse({ userId: '3' }).success).toBe(false)
	expect(TrainerFormSchema.parse({ userId: '3', subsystems: 'tax' })).toEqual({ userId: 3, subsystems: ['tax'] })
	expect(TrainerFormSchema.safeParse({ userId: '3', subsystems: ['documents'] }).success).toBe(false)
})
