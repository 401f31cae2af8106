import type { SandboxTx } from './db.server.ts'
import type { EventActor } from './shared/events.ts'
import type { CommandWarning } from './shared/result.ts'

/** What every command handler receives (inside the command's transaction). */
export type CommandContext = {
	tx: SandboxTx
	municipalityId: string
	personaId: string
	/** Role the persona acts in for this command ('' when none is needed). */
	role: string
	onBehalfOf?: string
	now: number
	/** Sandbox day of `now` in Europe/Budapest (YYYY-MM-DD). */
	today: string
	/** Event header for this command. */
	actor: EventActor
	warnings: Array<CommandWarning>
}

/** What a handler returns on success; `execute` adds the audit-log row. */
export type HandlerResult<E> = { events: Array<E>; id?: string; entityType: string; entityId?: string }

/** The usual handler result: one entity (its id is also the result id) and the events it produced. */
export function handled<E>(entityType: string, id: string, events: Array<E>): HandlerResult<E> {
	return { id, entityType, entityId: id, events }
}
