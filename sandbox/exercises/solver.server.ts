import { execute } from '../commands.server.ts'
import type { SandboxCommand } from '../commands.ts'
import type { SandboxDb } from '../db.server.ts'
import type { CommandResult } from '../shared/result.ts'
import type { ExerciseEvent } from './types.ts'

/** The exercise events a command result yields: its domain events, or one `command.refused`. */
export function eventsOf(result: CommandResult, command: { type: string }, actor: { personaId: string; municipalityId: string }, now: number): Array<ExerciseEvent> {
	if (result.ok) return result.events
	return [{ type: 'command.refused', commandType: command.type, code: result.error.code, rule: result.error.rule ?? null, field: result.error.field ?? null, personaId: actor.personaId, municipalityId: actor.municipalityId, at: now }]
}

/**
 * Solvers and setups run commands through `execute()` like a learner would; `run` collects the
 * events and throws when a step that must succeed is refused (a broken solver, not a learner error).
 */
export function solverRunner(db: SandboxDb, now: number) {
	const events: Array<ExerciseEvent> = []
	let tick = 0
	const run = (personaId: string, municipalityId: string, command: SandboxCommand): string | undefined => {
		// a second apart, so timestamps keep the order of the steps
		const at = now + 1000 * tick++
		const result = execute(db, { personaId, municipalityId }, command, at)
		events.push(...eventsOf(result, command, { personaId, municipalityId }, at))
		if (!result.ok) throw new Error(`solver step ${command.type} refused: ${result.error.code} ${result.error.message.en}`)
		return result.id
	}
	return { run, events }
}
