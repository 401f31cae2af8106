import { data } from 'react-router'
import { commandSchemas, type SandboxCommandType } from '#sandbox/commands.ts'
import { execute } from '#sandbox/commands.server.ts'
import { eventsOf } from '#sandbox/exercises/solver.server.ts'
import { getDb } from '#db/client.server.ts'
import { isStorageFailure, storageUnavailable } from '#db/storage-failure.ts'
import { recordExerciseEvents } from '../exercises/attempts.server.ts'
import { checkpointLabStep } from '../lab/checkpoints.server.ts'
import type { CommandError } from '#sandbox/shared/result.ts'
import { redirectWithFlash } from '#app/utils/flash.server.ts'
import { formValues } from '#app/utils/forms.ts'
import { getLocale } from '#app/utils/locale.server.ts'
import { requireSandbox } from './access.server.ts'
import { commandFromForm } from './command-form.ts'
import { actingChanged, ACTING_FIELD, actingKey } from './acting.ts'
import { actingFor } from './shell.server.ts'
import { sandboxStore } from './store.server.ts'

export type CommandFailure = { commandType: string; error: { field: string | null; message: string; rule: string | null }; values: Record<string, string | Array<string>> }

export type RunOptions = {
	/** Where a success goes; a function gets the command's result id (to open the record just made). */
	redirectTo: string | ((id: string | undefined) => string)
	/**
	 * Builds the command's input where the form's fields are not the command's own (a file upload,
	 * a decree typed as YAML); may refuse before anything runs; null = the usual field-by-field reading.
	 */
	toCommand?: (formData: FormData) => Promise<Record<string, unknown> | { refused: CommandError } | null>
	/**
	 * The form field a refusal belongs to, when the command names it differently (a decree's nested
	 * path); null shows it at the top of the form.
	 */
	fieldFor?: (field: string, formData: FormData) => string | null
}

/**
 * The one action behind every sandbox form: the form names its command `type`; the command
 * runs as the acting persona in the active municipality; a refusal comes back next to the
 * field (or at the top, with its rule) and nothing changes.
 */
export async function runSandboxCommand(request: Request, sandboxId: string | undefined, options: string | RunOptions) {
	const { redirectTo, toCommand, fieldFor } = typeof options === 'string' ? ({ redirectTo: options } as RunOptions) : options
	const { sandbox } = requireSandbox(request, sandboxId, 'change')
	const formData = await request.formData()
	const type = String(formData.get('type') ?? '')
	const values = formValues(formData)
	const locale = getLocale(request)
	const fail = (error: CommandError, status = 400) => {
		const field = error.field ? (fieldFor ? fieldFor(error.field, formData) : error.field) : null
		return data<CommandFailure>({ commandType: type, error: { field, message: error.message[locale], rule: error.rule ?? null }, values }, { status })
	}
	if (!(type in commandSchemas)) return fail({ code: 'VALIDATION', field: 'type', message: { hu: 'Ismeretlen művelet.', en: 'Unknown action.' } })
	const input = (await toCommand?.(formData)) ?? commandFromForm(commandSchemas[type as SandboxCommandType], formData)
	if ('refused' in input) return fail(input.refused as CommandError)
	const db = sandboxStore().open(sandbox.id, sandbox.scenario)
	const actor = actingFor(db, sandbox)
	// The form was filled in as someone else: another tab switched the persona or municipality since.
	// Running it now would sign the step with a name the learner did not see, so it is refused. The
	// status is 200 because React Router reloads the page's data only after a 2xx action, and the
	// header and the page must now show the current choice (the typed values stay in the form).
	const shown = formData.get(ACTING_FIELD)
	if (typeof shown === 'string' && shown !== actingKey(actor)) return fail(actingChanged, 200)
	const now = Date.now()
	let result: ReturnType<typeof execute>
	try {
		result = execute(db, actor, { ...input, type } as never, now)
	} catch (error) {
		// the sandbox file's disk is full or read-only: the command rolled back as a whole
		if (isStorageFailure(error)) throw storageUnavailable(error)
		throw error
	}
	// an exercise sandbox feeds what happened — done or refused — to its attempt (issue #6)
	if (sandbox.purpose === 'exercise') {
		const fed = recordExerciseEvents(getDb(), sandbox.id, eventsOf(result, { type }, actor, now), now)
		// in a live lab each new step's start is kept, so the trainer can put the learner back to it
		if (fed.kind === 'fed' && fed.advanced && !fed.completed) checkpointLabStep(getDb(), fed.attempt, now)
	}
	if (!result.ok) return fail(result.error)
	const to = typeof redirectTo === 'function' ? redirectTo(result.id) : redirectTo
	// A warning does not stop the step (e.g. a late data notification), but the user should read it.
	const warning = result.warnings.map((w) => `${w.message[locale]}${w.rule && !w.message[locale].includes(w.rule) ? ` (${w.rule})` : ''}`).join(' ')
	if (warning) return redirectWithFlash(to, { type: 'info', key: 'sandbox.commandDoneWarning', params: { warning } })
	return redirectWithFlash(to, { type: 'success', key: 'sandbox.commandDone' })
}
