/** What people do in the municipality; stable codes, labels in the catalogues (`jobRole.<code>`). */
export const JOB_ROLES = [
	'polgarmester',
	'jegyzo',
	'gazdasagi_vezeto',
	'penzugyi_ugyintezo',
	'adougyi_ugyintezo',
	'penztaros',
	'muszaki_ugyintezo',
	'iratkezelo',
	'keret_admin',
] as const
export type JobRole = (typeof JOB_ROLES)[number]

export function isJobRole(value: string): value is JobRole {
	return (JOB_ROLES as ReadonlyArray<string>).includes(value)
}
