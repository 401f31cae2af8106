import type { Subsystem } from './subsystems.ts'

export type WaveLike = { id: number; goLiveDate: string; subsystems: ReadonlyArray<string>; scope: 'assigned' | 'all' }

export type ScheduleStep = { date: string; waveId: number; subsystems: Array<Subsystem> }

/**
 * A municipality's go-live schedule: its assigned wave (if any) plus every wave that applies
 * to all municipalities, in date order, each listing only the subsystems that are new then.
 */
export function goLiveSchedule(assignedWaveId: number | null, waves: ReadonlyArray<WaveLike>): Array<ScheduleStep> {
	const applicable = waves
		.filter((w) => w.scope === 'all' || w.id === assignedWaveId)
		.toSorted((a, b) => a.goLiveDate.localeCompare(b.goLiveDate) || a.id - b.id)
	const live = new Set<string>()
	const steps: Array<ScheduleStep> = []
	for (const wave of applicable) {
		const fresh = wave.subsystems.filter((s) => !live.has(s)) as Array<Subsystem>
		for (const s of fresh) live.add(s)
		if (fresh.length) steps.push({ date: wave.goLiveDate, waveId: wave.id, subsystems: fresh })
	}
	return steps
}

/** The next go-live date on or after `today` (YYYY-MM-DD), or null when everything is live. */
export function nextGoLive(schedule: ReadonlyArray<ScheduleStep>, today: string): ScheduleStep | null {
	return schedule.find((step) => step.date >= today) ?? null
}

export function isoDate(now: number): string {
	return new Date(now).toISOString().slice(0, 10)
}
