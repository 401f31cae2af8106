import type { SandboxDb } from '../db.server.ts'
import type { SandboxEvent } from '../shared/events.ts'
import type { CommandErrorCode, LocalizedText } from '../shared/result.ts'
import type { ExerciseMachine } from './machine.ts'

// Exercises (issue #6, reference.md §D): each is an xstate machine whose states are the steps of a
// business process and whose events are the sandbox's domain events — plus one synthetic event for a
// refused command, because most mistakes (an Ávr. 60. § violation, a wrong check digit) are refusals.

/** A command the sandbox refused, as the exercise machine sees it. */
export type RefusedEvent = {
	type: 'command.refused'
	commandType: string
	code: CommandErrorCode
	rule: string | null
	field: string | null
	personaId: string
	municipalityId: string
	at: number
}

export type ExerciseEvent = SandboxEvent | RefusedEvent

export type Subsystem = 'finance' | 'tax' | 'keret'

export type ExerciseMeta = {
	/** Stable id, as in the reference and in `<Exercise id>`: F1 … F5, T1 … T4, K1. */
	id: string
	title: LocalizedText
	goal: LocalizedText
	subsystem: Subsystem
	difficulty: 1 | 2 | 3
	minutes: number
	/** Job roles (app/modules/users/job-roles.ts) the exercise is for. */
	jobRoles: ReadonlyArray<string>
}

export type StepText = { title: LocalizedText; instruction: LocalizedText; hints: ReadonlyArray<LocalizedText> }

export type MistakeText = { feedback: LocalizedText; rule?: string }

export type Scoring = { perMistake: number; perHint: number; passMark: number }

export type RecordedMistake = { code: string; step: string; at: number }

/** The machine's context: what went wrong so far and the business facts later steps must match. */
export type ExerciseContext = { mistakes: Array<RecordedMistake>; facts: Record<string, string | number> }

export type ExerciseDefinition = {
	meta: ExerciseMeta
	/** Bump when states or their meaning change; older snapshots are continued only when `compatibleWith` lists their version. */
	version: number
	compatibleWith: ReadonlyArray<number>
	/** Step states in order (the checklist); the final state is 'done'. */
	steps: ReadonlyArray<string>
	texts: Record<string, StepText>
	mistakes: Record<string, MistakeText>
	scoring: Scoring
	machine: ExerciseMachine
	/** Brings a freshly built Bükkalja sandbox to the exercise's start (e.g. F3 starts from F2's end). */
	setup: (db: SandboxDb, now: number) => void
	/** Performs the correct commands step by step; returns the events in order. */
	solve: (db: SandboxDb, now: number) => Array<ExerciseEvent>
	/** Documents the learner works from (e.g. T2's statement file), made for the attempt's sandbox and day. */
	materials?: (db: SandboxDb, today: string) => Array<{ fileName: string; content: string }>
}

export const DEFAULT_SCORING: Scoring = { perMistake: 10, perHint: 5, passMark: 70 }
