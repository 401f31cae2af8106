import type { Actor, CommandError } from '#sandbox/commands.ts'

/** The hidden field in which a sandbox form carries the persona and municipality its page showed. */
export const ACTING_FIELD = 'actingAs'

/** Marks the KERET header's own form, so that pages can tell a persona switch is on its way. */
export const SWITCH_FIELD = 'switchActing'

export function actingKey(actor: Actor) {
	return `${actor.personaId}@${actor.municipalityId}`
}

export const actingChanged: CommandError = {
	code: 'VALIDATION',
	message: {
		hu: 'Közben másik felhasználó vagy önkormányzat lett kiválasztva a KERET fejlécében (talán egy másik lapon), ezért a lépés nem futott le. A fejléc most a kiválasztottat mutatja: ellenőrizze, és küldje el újra.',
		en: 'Another user or municipality was chosen in the KERET header meanwhile (perhaps in another tab), so the step did not run. The header now shows the current choice: check it and submit again.',
	},
}
