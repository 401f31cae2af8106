/** ASP subsystems (szakrendszerek) a wave can bring live; labels live in the catalogues. */
export const SUBSYSTEMS = ['keret', 'finance', 'tax', 'documents', 'trade', 'probate', 'property', 'portal'] as const
export type Subsystem = (typeof SUBSYSTEMS)[number]

export function isSubsystem(value: string): value is Subsystem {
	return (SUBSYSTEMS as ReadonlyArray<string>).includes(value)
}
