import { F1 } from './f1/definition.server.ts'
import { F2 } from './f2/definition.server.ts'
import { F3 } from './f3/definition.server.ts'
import { F4 } from './f4/definition.server.ts'
import { F5 } from './f5/definition.server.ts'
import { K1 } from './k1/definition.server.ts'
import { T1 } from './t1/definition.server.ts'
import { T2 } from './t2/definition.server.ts'
import { T3 } from './t3/definition.server.ts'
import { T4 } from './t4/definition.server.ts'
import type { ExerciseDefinition } from './types.ts'

/** Every exercise, in the order the catalog lists them. */
export const EXERCISES: ReadonlyArray<ExerciseDefinition> = [F1, F2, F3, F4, F5, T1, T2, T3, T4, K1]

export function findExercise(id: string): ExerciseDefinition | null {
	return EXERCISES.find((e) => e.meta.id.toLowerCase() === id.toLowerCase()) ?? null
}

/** The sandbox scenario of an exercise: Bükkalja plus the exercise's setup, one template per machine version. */
export function exerciseScenarioId(definition: ExerciseDefinition): string {
	return `ex-${definition.meta.id.toLowerCase()}-v${definition.version}`
}
