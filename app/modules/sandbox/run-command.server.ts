import { data } from 'react-router'
import { commandSchemas, type SandboxCommandType } from '#sandbox/commands.ts'
import { execute } from '#sandbox/commands.server.ts'
import type { CommandError } from '#sandbox/shared/result.ts'
import { redirectWithFlash } from '#app/utils/flash.server.ts'
import { formValues } from '#app/utils/forms.ts'
import { getLocale } from '#app/utils/locale.server.ts'
import { requireSandbox } from './access.server.ts'
import { commandFromForm } from './command-form.ts'
import { actingFor } from './shell.server.ts'
import { sandboxStore } from './store.server.ts'

export type CommandFailure = { commandType: string; error: { field: string | null; message: string; rule: string | null }; values: Record<string, string | Array<string>> }

/**
 * The one action behind every sandbox form: the form names its command `type`; the command
 * runs as the acting persona in the active municipality; a refusal comes back next to the
 * field (or at the top, with its rule) and nothing changes.
 */
export async function runSandboxCommand(request: Request, sandboxId: string | undefined, redirectTo: string) {
	const { sandbox } = requireSandbox(request, sandboxId, 'change')
	const formData = await request.formData()
	const type = String(formData.get('type') ?? '')
	const values = formValues(formData)
	const locale = getLocale(request)
	const fail = (error: CommandError, status = 400) =>
		data<CommandFailure>({ commandType: type, error: { field: error.field ?? null, message: error.message[locale], rule: error.rule ?? null }, values }, { status })
	if (!(type in commandSchemas)) return fail({ code: 'VALIDATION', field: 'type', message: { hu: 'Ismeretlen művelet.', en: 'Unknown action.' } })
	const db = sandboxStore().open(sandbox.id, sandbox.scenario)
	const actor = actingFor(db, sandbox)
	const command = { ...commandFromForm(commandSchemas[type as SandboxCommandType], formData), type }
	const result = execute(db, actor, command as never, Date.now())
	if (!result.ok) return fail(result.error)
	return redirectWithFlash(redirectTo, { type: 'success', key: 'sandbox.commandDone' })
}
