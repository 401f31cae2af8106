/**
 * What the lab's event log (`lab_events`) carries, one payload shape per kind. The board and the
 * learners' pages read these in id order; `progress` carries the attempt's whole current state, so
 * a board that missed one still shows the right thing after the next.
 */
export type LabEventPayloads = {
	/** A learner sits down (checks in) or is seated/moved by the trainer. */
	seat: { workstation: number; name: string; byTrainer: boolean }
	/** An attempt was started, fed, given a hint or completed. */
	progress: {
		attemptId: number
		/** The attempt's sandbox: the trainer may look at it read-only. */
		sandboxId: string | null
		exerciseId: string
		/** 0-based; equals `steps` when done. */
		stepIndex: number
		steps: number
		mistakes: number
		/** Mistakes made on the current step (stuck detection). */
		stepMistakes: number
		hints: number
		done: boolean
		score: number | null
		/** Codes of the mistakes this very event added. */
		newMistakes: Array<string>
	}
	hand: { raised: boolean; byTrainer: boolean }
	push: { pushId: number; exerciseId: string; userIds: Array<number> | null }
	end: { pushId: number; exerciseId: string }
	message: { text: string }
	/** The trainer put a learner back to the exercise start or a checkpoint; `sandboxId` is their new sandbox. */
	reset: { exerciseId: string; sandboxId: string; checkpoint: string | null }
	/** The trainer revealed a hint to one learner. */
	hint: { exerciseId: string }
	/**
	 * The start of a step was kept (a sandbox checkpoint plus the attempt's machine state), so the
	 * trainer can put the learner back to it. Never streamed: it carries the machine snapshot.
	 */
	checkpoint: {
		attemptId: number
		sandboxId: string
		exerciseId: string
		stepIndex: number
		name: string
		machineVersion: number
		snapshot: unknown
		state: string
		mistakes: Array<{ code: string; step: string; at: number }>
		hints: Record<string, number>
		path: Array<{ state: string; at: number }>
	}
}

export type LabEventKind = keyof LabEventPayloads

export type LabEvent = {
	[K in LabEventKind]: { id: number; userId: number | null; kind: K; payload: LabEventPayloads[K]; at: number }
}[LabEventKind]

export const LAB_EVENT_KINDS: ReadonlyArray<LabEventKind> = ['seat', 'progress', 'hand', 'push', 'end', 'message', 'reset', 'hint', 'checkpoint']

/** What the trainer's board stream carries: everything but the checkpoints' machine snapshots. */
export function eventForBoard(event: LabEvent): LabEvent | null {
	return event.kind === 'checkpoint' ? null : event
}

/**
 * What a learner's stream may see: their own events, pushes meant for them, the end of an
 * exercise and room messages; other learners' seats only as taken workstations (no names).
 */
export function eventForLearner(event: LabEvent, userId: number): LabEvent | null {
	switch (event.kind) {
		case 'message':
		case 'end':
			return event
		case 'push':
			return event.payload.userIds === null || event.payload.userIds.includes(userId) ? { ...event, payload: { ...event.payload, userIds: null } } : null
		case 'seat':
			return event.userId === userId ? event : { ...event, userId: null, payload: { ...event.payload, name: '' } }
		case 'checkpoint':
			return null
		default:
			return event.userId === userId ? event : null
	}
}
