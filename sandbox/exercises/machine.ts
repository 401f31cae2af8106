import { assign, setup } from 'xstate'
import type { CommandErrorCode } from '../shared/result.ts'
import type { ExerciseContext, ExerciseEvent } from './types.ts'

// Builds an exercise machine from its steps. Each step state listens to every event ('*'):
// its named `accept` guard moves on to the next step (remembering facts for later guards); its named
// mistake guards record a mistake and stay; a refused command whose code the exercise maps to a
// mistake is recorded too; anything else (looking around, unrelated work) is ignored. The last
// step leads to the final state 'done'.

export type Guard = (args: { context: ExerciseContext; event: ExerciseEvent }) => boolean

export type StepSpec = {
	id: string
	/** Name of the guard that recognises the event completing this step. */
	accept: string
	/** Facts later guards need (e.g. the commitment's id), taken from the accepting event. */
	capture?: (event: ExerciseEvent) => Record<string, string | number | undefined>
	/** [guard name, mistake code] pairs checked in order when the step is not completed. */
	mistakes?: ReadonlyArray<readonly [string, string]>
}

export type MachineSpec = {
	id: string
	version: number
	steps: ReadonlyArray<StepSpec>
	guards: Record<string, Guard>
	/** Refusal codes that count as a mistake in any step, with the mistake code recorded. */
	refusals: Partial<Record<CommandErrorCode, string>>
	/** Events of this municipality only count; an accepted command elsewhere is the mistake 'wrong-municipality'. */
	municipality: string | null
}

export const DONE = 'done'

type Params = { step: string; code?: string }

export function buildExerciseMachine(spec: MachineSpec) {
	const captures = new Map(spec.steps.map((s) => [s.id, s.capture]))
	const states: Record<string, unknown> = {}
	spec.steps.forEach((step, i) => {
		const next = spec.steps[i + 1]?.id ?? DONE
		states[step.id] = {
			tags: ['step'],
			on: {
				'*': [
					{ guard: step.accept, target: next, actions: { type: 'capture', params: { step: step.id } } },
					...(step.mistakes ?? []).map(([guard, code]) => ({ guard, actions: { type: 'mistake', params: { step: step.id, code } } })),
					{ guard: 'elsewhere', actions: { type: 'mistake', params: { step: step.id, code: 'wrong-municipality' } } },
					{ guard: 'mappedRefusal', actions: { type: 'refusal', params: { step: step.id } } },
				],
			},
		}
	})
	states[DONE] = { type: 'final', tags: ['done'] }
	const record = (context: ExerciseContext, step: string, code: string, at: number): ExerciseContext => ({ ...context, mistakes: [...context.mistakes, { code, step, at }] })
	return setup({
		types: { context: {} as ExerciseContext, events: {} as ExerciseEvent },
		guards: {
			...spec.guards,
			elsewhere: ({ event }: { event: ExerciseEvent }) => spec.municipality !== null && event.type !== 'command.refused' && 'municipalityId' in event && event.municipalityId !== spec.municipality,
			mappedRefusal: ({ event }: { event: ExerciseEvent }) => event.type === 'command.refused' && spec.refusals[event.code] !== undefined,
		},
		actions: {
			capture: assign(({ context, event }, params: Params) => {
				const captured = Object.entries(captures.get(params.step)?.(event) ?? {}).filter((kv): kv is [string, string | number] => kv[1] !== undefined)
				return { facts: { ...context.facts, ...Object.fromEntries(captured) } }
			}),
			mistake: assign(({ context, event }, params: Params) => record(context, params.step, params.code ?? 'unknown', 'at' in event ? event.at : 0)),
			refusal: assign(({ context, event }, params: Params) =>
				event.type === 'command.refused' ? record(context, params.step, spec.refusals[event.code] ?? 'unknown', event.at) : context,
			),
		},
	}).createMachine({
		id: `${spec.id}-v${spec.version}`,
		initial: spec.steps[0]!.id,
		context: { mistakes: [], facts: {} },
		// the state config is generated, so its literal types are not known to TypeScript
		states: states as never,
	})
}

/** The type every exercise machine has (one builder makes them all). */
export type ExerciseMachine = ReturnType<typeof buildExerciseMachine>
